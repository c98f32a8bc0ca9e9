package coach.cli;

import coach.app.ClinicContact;
import coach.app.CoachSession;
import coach.app.DataDir;
import coach.app.History;
import coach.app.Logs;
import coach.kiosk.PasswordHash;
import coach.kiosk.Patients;
import coach.routine.LoadResult;
import coach.routine.RoutineCatalog;
import coach.ssh.CoachServer;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code coach serve}: the coach's own SSH server for clinic kiosks. */
public final class ServeCommand implements Command {
  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "serve coaching sessions over SSH (clinic kiosks)";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("port").hasArg().argName("N")
        .desc("port to listen on (default 2222)").get());
    o.addOption(Option.builder().longOpt("bind").hasArg().argName("ADDR")
        .desc("address to listen on (default 127.0.0.1)").get());
    o.addOption(CommandLines.dataDir("history, log and host key"));
    o.addOption(CommandLines.db());
    o.addOption(CommandLines.alertCommand());
    o.addOption(Option.builder().longOpt("authorized-keys").hasArg().argName("FILE")
        .desc("OpenSSH authorized_keys file: keys that may log in").get());
    o.addOption(Option.builder().longOpt("patients").hasArg().argName("FILE")
        .desc("patients file: SSH users, their patients, routines, keys, password hashes and"
            + " kiosk codes").get());
    o.addOption(Option.builder().longOpt("kiosk")
        .desc("every connection starts at a start screen and returns there after a session")
        .get());
    o.addOption(Option.builder().longOpt("any-code")
        .desc("a kiosk accepts any well-formed patient code, not only those of the patients"
            + " file (a mistyped code then starts a new patient's history)").get());
    o.addOption(Option.builder().longOpt("routine").hasArg().argName("NAME|FILE")
        .desc("the routine served (default sciatica)").get());
    o.addOption(Option.builder().longOpt("max-sessions").hasArg().argName("N")
        .desc("sessions at once (default 200)").get());
    o.addOption(Option.builder().longOpt("idle-timeout").hasArg().argName("SECONDS")
        .desc("save and close a session after this long without a key (default 600)").get());
    o.addOption(Option.builder().longOpt("max-session-length").hasArg().argName("SECONDS")
        .desc("save and close a session running this long (default 7200)").get());
    o.addOption(Option.builder().longOpt("connections-per-minute").hasArg().argName("N")
        .desc("new connections per address per minute (default 20)").get());
    o.addOption(Option.builder().longOpt("auth-timeout").hasArg().argName("SECONDS")
        .desc("time to log in (default 60)").get());
    o.addOption(Option.builder().longOpt("max-auth-attempts").hasArg().argName("N")
        .desc("login requests per connection, as OpenSSH's MaxAuthTries (default 6)").get());
    o.addOption(Option.builder().longOpt("stats-every").hasArg().argName("SECONDS")
        .desc("log the load (sessions, timer delay, CPU) this often (default 60)").get());
    o.addOption(Option.builder().longOpt("contact").hasArg().argName("FILE")
        .desc("the clinic's contact card (YAML or JSON: name, role, email, phone, booking,"
            + " note); it replaces every routine's card (default: contact.yaml in the data"
            + " folder, when there is one)").get());
    o.addOption(CommandLines.pace());
    o.addOption(Option.builder().longOpt("hash-password")
        .desc("read a password (at least 8 characters) and print its salted hash for the"
            + " patients file").get());
    o.addOption(CommandLines.help());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach serve --authorized-keys FILE | --patients FILE [OPTIONS]",
        "Serve one coaching session per SSH connection. The SSH user name is the patient,"
            + " unless the patients file says otherwise.",
        options(), "SIGTERM, SIGINT or SIGHUP saves every open session as interrupted and exits"
            + " 0.", List.of(
            Help.example("coach serve --authorized-keys kiosks.pub --kiosk --patients"
                    + " patients.yaml",
                "every kiosk whose key is in kiosks.pub gets the start screen that asks for a"
                    + " patient code; only the codes of patients.yaml are accepted, whatever"
                    + " their case"),
            Help.example("coach serve --authorized-keys kiosks.pub --kiosk --any-code",
                "a kiosk that takes any well-formed code: each new code starts a new patient's"
                    + " history"),
            Help.example("coach serve --patients patients.yaml --routine sciatica",
                "logins, patients and their routines from the patients file"),
            Help.example("coach serve --patients patients.yaml --contact clinic.yaml",
                "the clinic's contact card replaces every routine's"),
            Help.example("coach serve --patients patients.yaml --bind 0.0.0.0 --port 2200",
                "listen on every address, port 2200"),
            Help.example("coach serve --patients patients.yaml --data-dir /var/lib/rehab-coach",
                "history, log and host key in a folder of their own"),
            Help.example("coach serve --patients patients.yaml --db postgresql://coach@db/rehab",
                "one history for every site: each server that names the database sees every"
                    + " session, and one cut off on one server is offered on the others"),
            Help.example("coach serve --patients patients.yaml --alert-command page-clinic",
                "hand each new alert for the clinician to a command (README: For the clinic)"),
            Help.example("coach serve --patients patients.yaml --max-sessions 50",
                "at most 50 sessions at once"),
            Help.example("coach serve --patients patients.yaml --idle-timeout 300",
                "save and close a session after 5 minutes without a key"),
            Help.example("coach serve --patients patients.yaml --max-session-length 3600",
                "save and close a session that has run for an hour"),
            Help.example("coach serve --authorized-keys kiosks.pub --connections-per-minute 5",
                "at most 5 new connections a minute from one address"),
            Help.example("coach serve --patients patients.yaml --auth-timeout 30"
                    + " --max-auth-attempts 3",
                "30 seconds and 3 tries to log in"),
            Help.example("coach serve --authorized-keys kiosks.pub --stats-every 10 --pace 20",
                "a demonstration: timers 20 times faster, the load logged every 10 seconds"),
            Help.example("coach serve --hash-password",
                "read a password and print the hash to put in the patients file")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach serve", options(), this::help, args, ctx, cl -> run(cl, ctx));
  }

  private int run(CommandLine cl, CliContext ctx) throws CommandLines.UsageError {
    if (cl.hasOption("hash-password")) {
      return hashPassword(ctx);
    }
    if (!cl.hasOption("authorized-keys") && !cl.hasOption("patients")) {
      ctx.err().println("coach serve: give --authorized-keys FILE and/or --patients FILE (who"
          + " may connect)");
      return ExitCodes.USAGE;
    }
    int port = CommandLines.wholeNumber(cl, "port", 2222, 0, 65535);
    int maxSessions = CommandLines.wholeNumber(cl, "max-sessions", 200, 1, 100_000);
    int idle = CommandLines.seconds(cl, "idle-timeout", 600, 1, 86_400);
    int maxLength = CommandLines.seconds(cl, "max-session-length", 7200, 1, 86_400);
    int perMinute = CommandLines.wholeNumber(cl, "connections-per-minute", 20, 1, 100_000);
    int authTimeout = CommandLines.seconds(cl, "auth-timeout", 60, 1, 3600);
    int authAttempts = CommandLines.wholeNumber(cl, "max-auth-attempts", 6, 1, 20);
    int statsEvery = CommandLines.seconds(cl, "stats-every", 60, 1, 86_400);
    double pace = CommandLines.pace(cl);
    Path keys = null;
    if (cl.hasOption("authorized-keys")) {
      keys = ctx.workDir().resolve(cl.getOptionValue("authorized-keys"));
      if (!Files.isReadable(keys) || Files.isDirectory(keys)) {
        ctx.err().println("coach serve: " + keys + ": cannot read the authorized_keys file");
        return ExitCodes.INVALID;
      }
      String bad = badKeyLine(keys);
      if (bad != null) {
        ctx.err().println(bad);
        return ExitCodes.INVALID;
      }
    }
    Patients patients = null;
    if (cl.hasOption("patients")) {
      Patients.Loaded loaded = Patients.load(ctx.workDir().resolve(cl.getOptionValue(
          "patients")));
      if (!loaded.ok()) {
        loaded.problems().forEach(p -> ctx.err().println(p.format()));
        return ExitCodes.INVALID;
      }
      patients = loaded.patients();
    }
    if (cl.hasOption("kiosk") && patients == null && !cl.hasOption("any-code")) {
      ctx.err().println("coach serve: a kiosk accepts only the codes of a patients file: give"
          + " --patients FILE, or --any-code to accept any well-formed code (a mistyped code"
          + " then starts a new patient's history)");
      return ExitCodes.USAGE;
    }
    Path dataDir = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env());
    String db = CommandLines.db(cl, ctx);
    RoutineCatalog catalog = new RoutineCatalog(dataDir.resolve("routines"), ctx.workDir());
    LoadResult routine = catalog.find(cl.getOptionValue("routine", "sciatica"));
    if (!routine.ok()) {
      routine.problems().forEach(p -> ctx.err().println(p.format()));
      return ExitCodes.INVALID;
    }
    ClinicContact.Found card = ClinicContact.find(cl.hasOption("contact")
        ? ctx.workDir().resolve(cl.getOptionValue("contact")) : null, dataDir);
    if (!card.ok()) {
      card.problems().forEach(p -> ctx.err().println(p.format()));
      return ExitCodes.INVALID;
    }
    routine = ClinicContact.apply(routine, card.card());
    Map<String, LoadResult> named = new HashMap<>();
    for (String name : patients == null ? List.<String>of() : patients.routines()) {
      LoadResult r = catalog.find(name);
      if (!r.ok()) {
        r.problems().forEach(p -> ctx.err().println(p.format()));
        return ExitCodes.INVALID;
      }
      named.put(name, ClinicContact.apply(r, card.card()));
    }
    try {
      DataDir.ensure(dataDir);
      Logs.serveTo(dataDir);
    } catch (IOException e) {
      ctx.err().println("coach serve: cannot use the data folder " + dataDir + ": "
          + DataDir.why(e));
      return ExitCodes.INVALID;
    }
    CoachServer.Settings settings = new CoachServer.Settings(
        cl.getOptionValue("bind", "127.0.0.1"), port, dataDir, keys, patients,
        cl.hasOption("kiosk"), cl.hasOption("any-code"), maxSessions, Duration.ofSeconds(idle),
        Duration.ofSeconds(maxLength), Duration.ofSeconds(authTimeout), authAttempts, perMinute,
        pace, Duration.ofSeconds(statsEvery));
    coach.app.Settings.Loaded clinic = coach.app.Settings.load(dataDir);
    if (!clinic.ok()) {
      clinic.problems().forEach(p -> ctx.err().println(p.format()));
      return ExitCodes.INVALID;
    }
    List<coach.routine.Routine> served = new java.util.ArrayList<>(List.of(routine.routine()));
    named.values().forEach(r -> served.add(r.routine()));
    coach.app.RoutinesById byId = new coach.app.RoutinesById(catalog, served);
    String dataDirOption = cl.getOptionValue("data-dir");
    try (HistoryStore store = History.open(dataDir, db, ctx.env());
        coach.app.AlertService alerts = CommandLines.alerts(cl, clinic.settings(), store, byId,
            dataDir).everyFewMinutes();
        CoachServer server = new CoachServer(settings,
            new CoachServer.Routines(routine, named), CoachSession.forServer(store, alerts,
                (s, patient) -> ReportCommand.lines(s, patient, dataDirOption, ctx), byId))) {
      server.start();
      ctx.out().println("Serving " + routine.routine().title() + " on " + settings.bind() + ":"
          + server.port() + " (log: " + dataDir.resolve(Logs.SERVE) + ")");
      // a kiosk's first connection shows this; its user compares it before saying yes
      ctx.out().println("Host key: " + server.hostKeyFingerprint());
      ctx.out().flush();
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
      Logger.getLogger("coach.ssh").info("stopping: saving " + server.activeSessions()
          + " open sessions");
      return ExitCodes.OK;
    } catch (StoreException e) {
      ctx.err().println("coach serve: " + e.getMessage());
      return ExitCodes.INVALID;
    } catch (IOException e) {
      Logs.error(dataDir, "serve", e);
      ctx.err().println("coach serve: cannot listen on " + settings.bind() + ":" + port + ": "
          + e.getMessage());
      return ExitCodes.INVALID;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERRUPTED;
    }
  }

  /**
   * FILE:LINE:1: why, for the first line that is not a public key or has an option this server
   * cannot honour; null when every line can be used.
   */
  static String badKeyLine(Path file) {
    return coach.kiosk.AuthorizedKey.read(file, java.time.ZoneId.systemDefault()).problem();
  }

  /** Reads a password (without echo on a terminal) and prints its hash; never the password. */
  private static int hashPassword(CliContext ctx) {
    char[] pw;
    java.io.Console console = System.console();
    if (console != null) {
      // the rule first, so nobody types a short password twice to learn it
      pw = console.readPassword("Password (at least 8 characters): ");
      if (pw != null && pw.length < 8) {
        ctx.err().println("coach serve: a password needs at least 8 characters");
        return ExitCodes.USAGE;
      }
      char[] again = pw == null ? null : console.readPassword("Again: ");
      if (pw == null || again == null || !java.util.Arrays.equals(pw, again)) {
        ctx.err().println("coach serve: the two passwords differ; nothing printed");
        return ExitCodes.USAGE;
      }
      java.util.Arrays.fill(again, '\0');
    } else {
      try {
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(ctx.in(),
            java.nio.charset.StandardCharsets.UTF_8)).readLine();
        pw = line == null ? null : line.toCharArray();
      } catch (IOException e) {
        pw = null;
      }
    }
    if (pw == null || pw.length < 8) {
      ctx.err().println("coach serve: a password needs at least 8 characters");
      return ExitCodes.USAGE;
    }
    ctx.out().println(PasswordHash.hash(pw));
    java.util.Arrays.fill(pw, '\0');
    return ExitCodes.OK;
  }
}
