package coach.app;

import coach.routine.LoadResult;
import coach.routine.RoutineCatalog;
import coach.store.AlreadyRunning;
import coach.store.HistoryStore;
import coach.store.StoreException;
import coach.tui.Speech;
import coach.tui.words.Language;
import coach.tui.words.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a session needs before it starts, opened off the terminal's thread: the routine, the
 * clinic's card, the settings, the history (checked for a session of the same patient running
 * now), the voice and the alerts. Either all of it, or how it failed and the lines that say
 * why; lines for the person that are no error wait in {@code notes}.
 */
final class SessionOpening implements AutoCloseable {
  final SessionStart.Ending failed;
  final List<String> lines;
  final List<String> notes;
  final LoadResult loaded;
  final HistoryStore store;
  final Speech speech;
  final AlertService alerts;

  private SessionOpening(SessionStart.Ending failed, List<String> lines, List<String> notes,
      LoadResult loaded, HistoryStore store, Speech speech, AlertService alerts) {
    this.failed = failed;
    this.lines = lines;
    this.notes = notes;
    this.loaded = loaded;
    this.store = store;
    this.speech = speech;
    this.alerts = alerts;
  }

  /** Each problem in one line: FILE:LINE:COLUMN and what was expected. */
  private static List<String> formatted(List<coach.routine.Problem> problems) {
    return problems.stream().map(coach.routine.Problem::format).toList();
  }

  private static SessionOpening failure(SessionStart.Ending why, List<String> lines) {
    return new SessionOpening(why, lines, List.of(), null, null, null, null);
  }

  static SessionOpening open(SessionStart.Request r, RoutineCatalog catalog,
      RoutineCatalog.Source source, Map<String, String> env, Path workDir) {
    Path dataDir = r.dataDir();
    LoadResult loaded = catalog.load(source);
    if (!loaded.ok()) {
      return failure(SessionStart.Ending.UNUSABLE, formatted(loaded.problems()));
    }
    ClinicContact.Found card = ClinicContact.find(null, dataDir);
    if (!card.ok()) {
      return failure(SessionStart.Ending.UNUSABLE, formatted(card.problems()));
    }
    loaded = ClinicContact.apply(loaded, card.card());
    Settings.Loaded settings = Settings.load(dataDir);
    if (!settings.ok()) {
      return failure(SessionStart.Ending.UNUSABLE, formatted(settings.problems()));
    }
    HistoryStore store;
    try {
      DataDir.ensure(dataDir);
      if (r.db() != null) {
        Logs.warningsTo(dataDir); // the database coming and going, for whoever looks later
      }
      store = History.open(dataDir, r.db(), env);
    } catch (IOException e) {
      return failure(SessionStart.Ending.UNUSABLE, List.of("coach: cannot use the data folder "
          + dataDir + ": " + DataDir.why(e)));
    } catch (StoreException e) {
      Logs.error(dataDir, "opening the history", e);
      return failure(SessionStart.Ending.UNUSABLE, List.of("coach: " + e.getMessage()));
    }
    WelcomeCache.write(dataDir, source.key(), new WelcomeCache.Preview(
        loaded.routine().title(), loaded.routine().disclaimer()));
    List<String> notes = new java.util.ArrayList<>();
    Speech speech = null;
    try {
      if (store.notice() != null) {
        notes.add("coach: " + store.notice()); // stays above the session's screen
        Logs.info(dataDir, store.notice());
      }
      String livePatient = r.kiosk() == null ? r.patient() : null;
      if (livePatient != null) {
        Optional<HistoryStore.Live> live = store.live(livePatient);
        if (live.isPresent()) {
          // the running session is left alone
          store.close();
          return failure(SessionStart.Ending.BUSY, List.of("coach: "
              + new AlreadyRunning(livePatient, live.get()).getMessage()));
        }
      }
      speech = speech(r.speak(), settings.settings(), r.language(), env, notes);
      AlertService alerts = AlertService.delivering(r.alertCommand(), settings.settings(), store,
          new RoutinesById(new RoutineCatalog(dataDir.resolve("routines"), workDir),
              List.of(loaded.routine())), dataDir);
      java.time.ZoneId.systemDefault(); // read here, not on the way to the session's screen
      return new SessionOpening(null, List.of(), notes, loaded, store, speech, alerts);
    } catch (StoreException e) {
      closeAfter(speech, store);
      Logs.error(dataDir, "history", e);
      return failure(SessionStart.Ending.UNUSABLE, List.of("coach: " + e.getMessage()));
    } catch (RuntimeException | Error e) {
      closeAfter(speech, store);
      throw e;
    }
  }

  /** Closes what was opened before a problem; the first problem is the one to tell. */
  private static void closeAfter(Speech speech, HistoryStore store) {
    if (speech != null) {
      speech.close();
    }
    try {
      store.close();
    } catch (StoreException | RuntimeException ignored) {
      // told above
    }
  }

  boolean ok() {
    return failed == null;
  }

  /** Delivers what it can in a few seconds (the rest waits in the history), then closes. */
  @Override
  public void close() throws StoreException {
    if (!ok()) {
      return;
    }
    try {
      alerts.close(java.time.Duration.ofSeconds(5));
    } finally {
      if (speech != null) {
        speech.close();
      }
      store.close();
    }
  }

  /**
   * The voice that says the cues, or null for silence: asked for by --speak, or by the data
   * folder's setting unless the coach runs over SSH (there the voice would be the server's, so
   * only a command line that says --speak, such as a kiosk's, asks for it). When no speech
   * command is found, one line says so and the session goes on silent.
   */
  private static Speech speech(boolean option, Settings settings, Language language,
      Map<String, String> env, List<String> notes) {
    boolean overSsh = env.get("SSH_CONNECTION") != null || env.get("SSH_TTY") != null;
    if (!option && !(settings.speak() && !overSsh)) {
      return null;
    }
    Optional<Speech> found = Speech.find(env, language);
    if (found.isEmpty()) {
      notes.add("coach: " + Messages.of(language).get("speak.none"));
      return null;
    }
    return found.get();
  }
}
