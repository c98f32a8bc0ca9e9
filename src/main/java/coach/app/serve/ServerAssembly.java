package coach.app.serve;

import coach.app.AlertService;
import coach.app.ClinicContact;
import coach.app.ClinicView;
import coach.app.CoachSession;
import coach.app.DataDir;
import coach.app.History;
import coach.app.Logs;
import coach.app.RoutinesById;
import coach.app.Settings;
import coach.app.report.TextReport;
import coach.kiosk.AuthorizedKey;
import coach.kiosk.Patients;
import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineCatalog;
import coach.ssh.CoachServer;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The coach's SSH server put together from what the command line chose ({@link Request}): who
 * may connect (the authorized_keys file, the patients file), the routines served with the
 * clinic's card, the data folder and its log, the settings, the history, the alerts and the
 * clinic board's reports; then served until SIGTERM, SIGINT or SIGHUP. What cannot be used is
 * said in one line on {@code err}; how it ended ({@link Ending}) is the command's exit status.
 */
public final class ServerAssembly {
  /**
   * What the command line chose, its numbers already in range.
   *
   * @param authorizedKeys the authorized_keys file, or null
   * @param patients the patients file, or null
   * @param contact the clinic's contact card (--contact), or null for the data folder's
   * @param alertCommand --alert-command, or null for the settings' own
   */
  public record Request(String bind, int port, Path dataDir, String db, Path authorizedKeys,
      Path patients, boolean kiosk, boolean anyCode, String routine, Path contact,
      String alertCommand, int maxSessions, Duration idleTimeout, Duration maxSessionLength,
      int connectionsPerMinute, Duration authTimeout, int maxAuthAttempts, Duration statsEvery,
      double pace) {}

  /** How serving ended. */
  public enum Ending {
    /** Served until a signal asked it to stop; every open session was saved. */
    STOPPED,
    /** A file, the routine, the data folder, the history or the address cannot be used. */
    UNUSABLE,
    /** A kiosk without a patients file that does not accept any code. */
    MISUSED,
    /** The wait was interrupted. */
    INTERRUPTED
  }

  private final Request r;
  private final Map<String, String> env;
  private final Path workDir;
  private final PrintStream out;
  private final PrintStream err;

  private ServerAssembly(Request r, Map<String, String> env, Path workDir, PrintStream out,
      PrintStream err) {
    this.r = r;
    this.env = env;
    this.workDir = workDir;
    this.out = out;
    this.err = err;
  }

  /** Puts the server together and serves until a signal; one line on {@code err} on failure. */
  public static Ending serve(Request r, Map<String, String> env, Path workDir, PrintStream out,
      PrintStream err) {
    return new ServerAssembly(r, env, workDir, out, err).serve();
  }

  /**
   * FILE:LINE:1: why, for the first line that is not a public key or has an option this server
   * cannot honour; null when every line can be used.
   */
  public static String badKeyLine(Path file) {
    return AuthorizedKey.read(file, ZoneId.systemDefault()).problem();
  }

  private void tell(List<coach.routine.Problem> problems) {
    problems.forEach(p -> err.println(p.format()));
  }

  private Ending serve() {
    Path keys = r.authorizedKeys();
    if (keys != null) {
      if (!Files.isReadable(keys) || Files.isDirectory(keys)) {
        err.println("coach serve: " + keys + ": cannot read the authorized_keys file");
        return Ending.UNUSABLE;
      }
      String bad = badKeyLine(keys);
      if (bad != null) {
        err.println(bad);
        return Ending.UNUSABLE;
      }
    }
    Patients patients = null;
    if (r.patients() != null) {
      Patients.Loaded loaded = Patients.load(r.patients());
      if (!loaded.ok()) {
        tell(loaded.problems());
        return Ending.UNUSABLE;
      }
      patients = loaded.patients();
    }
    if (r.kiosk() && patients == null && !r.anyCode()) {
      err.println("coach serve: a kiosk accepts only the codes of a patients file: give"
          + " --patients FILE, or --any-code to accept any well-formed code (a mistyped code"
          + " then starts a new patient's history)");
      return Ending.MISUSED;
    }
    Path dataDir = r.dataDir();
    RoutineCatalog catalog = new RoutineCatalog(dataDir.resolve("routines"), workDir);
    LoadResult routine = catalog.find(r.routine());
    if (!routine.ok()) {
      tell(routine.problems());
      return Ending.UNUSABLE;
    }
    ClinicContact.Found card = ClinicContact.find(r.contact(), dataDir);
    if (!card.ok()) {
      tell(card.problems());
      return Ending.UNUSABLE;
    }
    routine = ClinicContact.apply(routine, card.card());
    Map<String, LoadResult> named = new HashMap<>();
    for (String name : patients == null ? List.<String>of() : patients.routines()) {
      LoadResult found = catalog.find(name);
      if (!found.ok()) {
        tell(found.problems());
        return Ending.UNUSABLE;
      }
      named.put(name, ClinicContact.apply(found, card.card()));
    }
    try {
      DataDir.ensure(dataDir);
      Logs.serveTo(dataDir);
    } catch (IOException e) {
      err.println("coach serve: cannot use the data folder " + dataDir + ": " + DataDir.why(e));
      return Ending.UNUSABLE;
    }
    CoachServer.Settings settings = new CoachServer.Settings(r.bind(), r.port(), dataDir, keys,
        patients, r.kiosk(), r.anyCode(), r.maxSessions(), r.idleTimeout(),
        r.maxSessionLength(), r.authTimeout(), r.maxAuthAttempts(), r.connectionsPerMinute(),
        r.pace(), r.statsEvery());
    Settings.Loaded clinic = Settings.load(dataDir);
    if (!clinic.ok()) {
      tell(clinic.problems());
      return Ending.UNUSABLE;
    }
    List<Routine> served = new ArrayList<>(List.of(routine.routine()));
    named.values().forEach(x -> served.add(x.routine()));
    return run(settings, new CoachServer.Routines(routine, named), clinic.settings(),
        new RoutinesById(catalog, served));
  }

  /** Opens the history and the alerts, starts the server and serves until a signal. */
  private Ending run(CoachServer.Settings settings, CoachServer.Routines routines,
      Settings clinic, RoutinesById byId) {
    Path dataDir = settings.dataDir();
    // the board's reports find each routine as the report command does: in the catalog alone
    ClinicView.Reports reports = (s, patient) -> TextReport.lines(s, patient, id ->
        new RoutinesById(new RoutineCatalog(dataDir.resolve("routines"), workDir), List.of())
            .apply(id));
    try (HistoryStore store = History.open(dataDir, r.db(), env);
        AlertService alerts = AlertService.delivering(r.alertCommand(), clinic, store, byId,
            dataDir).everyFewMinutes();
        CoachServer server = new CoachServer(settings, routines,
            CoachSession.forServer(store, alerts, reports, byId))) {
      server.start();
      out.println("Serving " + routines.fallback().routine().title() + " on " + settings.bind()
          + ":" + server.port() + " (log: " + dataDir.resolve(Logs.SERVE) + ")");
      // a kiosk's first connection shows this; its user compares it before saying yes
      out.println("Host key: " + server.hostKeyFingerprint());
      out.flush();
      untilSignalled();
      Logger.getLogger("coach.ssh").info("stopping: saving " + server.activeSessions()
          + " open sessions");
      return Ending.STOPPED;
    } catch (StoreException e) {
      err.println("coach serve: " + e.getMessage());
      return Ending.UNUSABLE;
    } catch (IOException e) {
      Logs.error(dataDir, "serve", e);
      err.println("coach serve: cannot listen on " + settings.bind() + ":" + r.port() + ": "
          + e.getMessage());
      return Ending.UNUSABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Ending.INTERRUPTED;
    }
  }

  /** Waits for SIGTERM, SIGINT, SIGHUP or the JVM's shutdown. */
  private static void untilSignalled() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(stop::countDown, "coach-serve-stop");
    for (String sig : new String[] {"TERM", "INT", "HUP"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> stop.countDown());
      } catch (IllegalArgumentException ignored) {
        // no such signal here
      }
    }
    Runtime.getRuntime().addShutdownHook(hook);
    stop.await();
  }
}
