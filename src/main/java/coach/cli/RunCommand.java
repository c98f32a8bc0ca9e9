package coach.cli;

import coach.app.AlertService;
import coach.app.ClinicContact;
import coach.app.RoutinesById;
import coach.app.CoachSession;
import coach.app.DataDir;
import coach.app.History;
import coach.app.LocalKiosk;
import coach.app.Logs;
import coach.app.Settings;
import coach.kiosk.Patients;
import coach.routine.LoadResult;
import coach.routine.RoutineCatalog;
import coach.session.Event;
import coach.session.Outcome;
import coach.store.AlreadyRunning;
import coach.store.HistoryStore;
import coach.store.StoreException;
import coach.tui.LocalTerminal;
import coach.tui.SessionLoop;
import coach.tui.Speech;
import coach.tui.Voice;
import coach.tui.view.Style;
import coach.tui.words.Language;
import coach.tui.words.Messages;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import sun.misc.Signal;

/** Starts a coaching session in this terminal (the default command). */
public final class RunCommand implements Command {
  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "start a coaching session on a routine (default: sciatica)";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(CommandLines.pace());
    o.addOption(CommandLines.dataDir("where the history and the log are kept"));
    o.addOption(CommandLines.db());
    o.addOption(PatientOption.option("whose session this is"));
    o.addOption(Option.builder().longOpt("ascii").desc("ASCII only: no box or block glyphs").get());
    o.addOption(Option.builder().longOpt("quiet").desc("no bell at phase changes").get());
    o.addOption(CommandLines.alertCommand());
    o.addOption(Option.builder().longOpt("speak").desc("say each phase's cue and the count of"
        + " each rep aloud (espeak-ng, spd-say or macOS say; also 'speak = yes' in DATA_DIR/"
        + "settings, which is not used over SSH)").get());
    o.addOption(CommandLines.lang());
    o.addOption(Option.builder().longOpt("kiosk").desc("start screen asks for the patient code;"
        + " the end of a session returns there (for clinic kiosks)").get());
    o.addOption(Option.builder().longOpt("patients").hasArg().argName("FILE")
        .desc("with --kiosk: only the codes of this patients file are accepted").get());
    o.addOption(Option.builder().longOpt("idle-timeout").hasArg().argName("SECONDS")
        .desc("with --kiosk: save and close a session after this long without a key"
            + " (default 600)").get());
    o.addOption(CommandLines.help());
    o.addOption(Option.builder("V").longOpt("version").desc("show the version").get());
    return o;
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach", options(), this::help, args, ctx, cl -> run(cl, ctx));
  }

  private int run(CommandLine cl, CliContext ctx) throws CommandLines.UsageError {
    if (cl.hasOption("version")) {
      ctx.out().println("rehab-coach " + Cli.VERSION);
      return ExitCodes.OK;
    }
    if (cl.getArgList().size() > 1) {
      ctx.err().println("coach: give one routine (a name or a file), not "
          + cl.getArgList().size());
      return ExitCodes.USAGE;
    }
    // checked before anything is opened: a refused id never reaches the terminal or the history
    String patient;
    if (cl.hasOption("kiosk")) { // a kiosk asks each patient for a code unless --patient names one
      if (!PatientOption.givenIsValid(cl, ctx, "coach")) {
        return ExitCodes.USAGE;
      }
      patient = cl.getOptionValue(PatientOption.NAME);
    } else {
      patient = PatientOption.resolve(cl, ctx, "coach");
      if (patient == null) {
        return ExitCodes.USAGE;
      }
    }
    double pace = CommandLines.pace(cl);
    Language language = CommandLines.language(cl, ctx);
    LocalKiosk kiosk = null;
    if (cl.hasOption("kiosk")) {
      int idle = CommandLines.seconds(cl, "idle-timeout", 600, 1, 86_400);
      Patients patients = null;
      if (cl.hasOption("patients")) {
        Patients.Loaded p = Patients.load(ctx.workDir().resolve(cl.getOptionValue("patients")));
        if (!p.ok()) {
          p.problems().forEach(x -> ctx.err().println(x.format()));
          return ExitCodes.INVALID;
        }
        patients = p.patients();
      }
      kiosk = new LocalKiosk(java.time.Duration.ofSeconds(idle), patients, patient, null);
    } else if (cl.hasOption("patients") || cl.hasOption("idle-timeout")) {
      ctx.err().println("coach: --patients and --idle-timeout go with --kiosk");
      return ExitCodes.USAGE;
    }
    String which = cl.getArgList().isEmpty() ? "sciatica" : cl.getArgList().get(0);
    java.nio.file.Path dataDir = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env());
    String db = CommandLines.db(cl, ctx);
    Thread warm = new Thread(() -> History.warmUp(db), "coach-warm-up");
    warm.setDaemon(true);
    warm.start(); // loads SQLite while the routine is read
    LoadResult loaded = new RoutineCatalog(dataDir.resolve("routines"), ctx.workDir())
        .find(which);
    if (!loaded.ok()) {
      loaded.problems().forEach(p -> ctx.err().println(p.format()));
      return ExitCodes.INVALID;
    }
    ClinicContact.Found card = ClinicContact.find(null, dataDir);
    if (!card.ok()) {
      card.problems().forEach(p -> ctx.err().println(p.format()));
      return ExitCodes.INVALID;
    }
    loaded = ClinicContact.apply(loaded, card.card());
    Settings.Loaded settings = Settings.load(dataDir);
    if (!settings.ok()) {
      settings.problems().forEach(p -> ctx.err().println(p.format()));
      return ExitCodes.INVALID;
    }
    boolean ascii = cl.hasOption("ascii") || !LocalTerminal.isUtf8Locale(ctx.env());
    String noColor = ctx.env("NO_COLOR");
    Style style = new Style(ascii, noColor == null || noColor.isEmpty(), language);
    HistoryStore store;
    try {
      DataDir.ensure(dataDir);
      if (db != null) {
        Logs.warningsTo(dataDir); // the database coming and going, for whoever looks later
      }
      store = History.open(dataDir, db, ctx.env());
    } catch (java.io.IOException e) {
      ctx.err().println("coach: cannot use the data folder " + dataDir + ": " + e.getMessage());
      return ExitCodes.INVALID;
    } catch (StoreException e) {
      Logs.error(dataDir, "opening the history", e);
      ctx.err().println("coach: " + e.getMessage());
      return ExitCodes.INVALID;
    }
    try (store) {
      if (store.notice() != null) {
        ctx.err().println("coach: " + store.notice()); // stays above the session's screen
        Logs.info(dataDir, store.notice());
      }
      if (kiosk == null) {
        java.util.Optional<HistoryStore.Live> live = store.live(patient);
        if (live.isPresent()) {
          // said before the terminal is taken over, and the running session is left alone
          ctx.err().println("coach: " + new AlreadyRunning(patient, live.get()).getMessage());
          return ExitCodes.BUSY;
        }
      }
      Speech speech = speech(cl.hasOption("speak"), settings.settings(), language, ctx);
      AlertService alerts = CommandLines.alerts(cl, settings.settings(), store,
          new RoutinesById(new RoutineCatalog(dataDir.resolve("routines"), ctx.workDir()),
              List.of(loaded.routine())), dataDir);
      try {
        return runSession(loaded, store, patient, dataDir, style, pace, cl.hasOption("quiet"),
            kiosk == null ? null : kiosk.speaking(speech), speech, alerts, ctx);
      } finally {
        // what could not be delivered in a few seconds waits in the history for the next coach
        alerts.close(java.time.Duration.ofSeconds(5));
        if (speech != null) {
          speech.close();
        }
      }
    } catch (StoreException e) {
      Logs.error(dataDir, "history", e);
      ctx.err().println("coach: " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  @Override
  public String help() {
    return Help.text("coach [run] [NAME|FILE] [OPTIONS]",
        "Start a session. NAME is a bundled routine (see 'coach list'), FILE a routine file.",
        options(), "Keys: Enter next, Space pause, digits rate pain, s skip, ! red flags,"
            + " ? help, q quit.\nExit status: 0 the session ended (finished, stopped or quit);"
            + " 1 a routine or history that cannot be used; 2 a usage error; 3 no terminal that"
            + " can show the coach; 4 a session of the same patient is running now;"
            + " 129 SIGHUP or a lost terminal, 130 SIGINT, 143 SIGTERM"
            + " ended the session (saved as interrupted).",
        List.of(
            Help.example("coach", "the bundled sciatica routine; the patient is your user name"),
            Help.example("coach my-routine.yaml --patient P-1001",
                "a routine file, for patient P-1001"),
            Help.example("coach sciatica --ascii --quiet",
                "plain characters instead of box and block glyphs, and no bell"),
            Help.example("coach --speak", "the cues and the count of each rep said aloud, for"
                + " when the screen is out of sight (install espeak-ng)"),
            Help.example("coach --lang es", "the screens in Spanish (as with LANG=es_ES.UTF-8);"
                + " the routine's own words stay as its therapist wrote them"),
            Help.example("coach --pace 20 --data-dir /tmp/coach-demo",
                "a demonstration: timers 20 times faster, its history kept apart from yours"),
            Help.example("coach --kiosk --patients patients.yaml --idle-timeout 300",
                "a clinic kiosk: asks each patient for a code the patients file lists, and"
                    + " saves and closes a session left 5 minutes without a key"),
            Help.example("coach --alert-command 'mail -s \"Rehab Coach alert\" pt@clinic.example'",
                "each new alert for the clinician (a red flag, a session ended for pain) is mailed"),
            Help.example("coach --kiosk --patient P-1001",
                "a kiosk for one patient: Enter begins their session"),
            Help.example("coach --db postgresql://coach@db.clinic.example:5432/rehab",
                "the clinic's shared history in PostgreSQL; while it cannot be reached the"
                    + " session goes on and its ratings wait in the data folder")));
  }

  /**
   * SIGTERM, SIGHUP and SIGINT end the session (saved as interrupted) instead of the process;
   * the first one that arrives is kept, to exit with the status a shell expects for it.
   */
  static void onSignals(java.util.function.Consumer<Event> post,
      AtomicReference<String> first) {
    for (String sig : new String[] {"TERM", "HUP", "INT"}) {
      try {
        Signal.handle(new Signal(sig), s -> {
          first.compareAndSet(null, sig);
          post.accept(new Event.Interrupt("SIG" + sig));
        });
      } catch (IllegalArgumentException ignored) {
        // this platform has no such signal
      }
    }
  }

  /**
   * The exit status of a session: when a signal ended it, 128 plus the signal's number as a shell
   * reports it (SIGHUP 129, SIGINT 130, SIGTERM 143), even if it came on the summary; when its
   * terminal went away without a signal, 129 as for a hang-up; else 0 (finished, stopped, quit).
   */
  static int exitCode(Outcome outcome, String signal) {
    if (signal != null) {
      return ExitCodes.forSignal(signal);
    }
    return outcome == Outcome.INTERRUPTED ? ExitCodes.HANGUP : ExitCodes.OK;
  }

  /**
   * The voice that says the cues, or null for silence: asked for by --speak, or by the data
   * folder's setting unless the coach runs over SSH (there the voice would be the server's, so
   * only a command line that says --speak, such as a kiosk's, asks for it). When no speech
   * command is found, one line says so and the session goes on silent.
   */
  private static Speech speech(boolean option, Settings settings, Language language,
      CliContext ctx) {
    boolean overSsh = ctx.env("SSH_CONNECTION") != null || ctx.env("SSH_TTY") != null;
    if (!option && !(settings.speak() && !overSsh)) {
      return null;
    }
    java.util.Optional<Speech> found = Speech.find(ctx.env(), language);
    if (found.isEmpty()) {
      ctx.err().println("coach: " + Messages.of(language).get("speak.none"));
      return null;
    }
    return found.get();
  }

  private static int runSession(LoadResult loaded, HistoryStore store, String patient,
      java.nio.file.Path dataDir, Style style, double pace, boolean quiet, LocalKiosk kiosk,
      Voice voice, AlertService alerts, CliContext ctx) throws StoreException {
    LocalTerminal local;
    try {
      local = LocalTerminal.open(ctx.env(), System.console() != null);
    } catch (LocalTerminal.Unusable e) {
      ctx.err().println("coach: " + e.getMessage());
      return ExitCodes.NO_TERMINAL;
    } catch (IOException e) {
      Logs.error(dataDir, "opening the terminal", e);
      ctx.err().println("coach: cannot open the terminal: " + e.getMessage());
      return ExitCodes.NO_TERMINAL;
    }
    Outcome outcome = null;
    Throwable failure = null;
    AtomicReference<String> signal = new AtomicReference<>();
    try {
      if (kiosk != null) {
        SessionLoop loop = kiosk.loop(local.terminal(), loaded, store, style, pace, quiet, alerts)
            .onSaveFailure(e -> Logs.error(dataDir, "saving", e));
        onSignals(loop::post, signal);
        loop.run();
        outcome = Outcome.INTERRUPTED; // a kiosk ends only by a signal or a closed terminal
      } else {
        CoachSession session = CoachSession.prepare(local.terminal(), loaded, store, patient,
            style, pace, quiet, voice, alerts).onSaveFailure(e -> Logs.error(dataDir, "saving",
            e));
        onSignals(session::post, signal);
        outcome = session.run();
      }
    } catch (Exception | Error e) {
      failure = e;
    } finally {
      local.close(); // before anything is printed
    }
    if (failure != null) {
      Logs.error(dataDir, "session failed", failure);
      Throwable cause = failure.getCause() instanceof StoreException se ? se : failure;
      if (cause instanceof StoreException se) {
        ctx.err().println("coach: " + se.getMessage());
        return ExitCodes.INVALID;
      }
      ctx.err().println("coach: the session stopped because of an error (details in "
          + Logs.file(dataDir) + ")");
      return ExitCodes.INTERNAL;
    }
    return exitCode(outcome, signal.get());
  }
}
