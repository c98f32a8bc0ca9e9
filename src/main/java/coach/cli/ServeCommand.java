package coach.cli;

import coach.app.DataDir;
import coach.app.serve.PasswordPrompt;
import coach.app.serve.ServerAssembly;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code coach serve}: the coach's own SSH server for clinic kiosks. This reads the options and
 * hands them to {@link ServerAssembly}, which puts the server together and runs it.
 */
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
      return PasswordPrompt.hash(ctx.in(), ctx.out(), ctx.err()) ? ExitCodes.OK
          : ExitCodes.USAGE;
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
    Path dataDir = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env());
    String db = CommandLines.db(cl, ctx);
    ServerAssembly.Ending ending = ServerAssembly.serve(new ServerAssembly.Request(
        cl.getOptionValue("bind", "127.0.0.1"), port, dataDir, db, file(cl, "authorized-keys",
        ctx), file(cl, "patients", ctx), cl.hasOption("kiosk"), cl.hasOption("any-code"),
        cl.getOptionValue("routine", "sciatica"), file(cl, "contact", ctx),
        cl.getOptionValue("alert-command"), maxSessions, Duration.ofSeconds(idle),
        Duration.ofSeconds(maxLength), perMinute, Duration.ofSeconds(authTimeout), authAttempts,
        Duration.ofSeconds(statsEvery), pace), ctx.env(), ctx.workDir(), ctx.out(), ctx.err());
    return switch (ending) {
      case STOPPED -> ExitCodes.OK;
      case UNUSABLE -> ExitCodes.INVALID;
      case MISUSED -> ExitCodes.USAGE;
      case INTERRUPTED -> ExitCodes.INTERRUPTED;
    };
  }

  /** The file an option names, from the working folder; null when the option is not given. */
  private static Path file(CommandLine cl, String option, CliContext ctx) {
    return cl.hasOption(option) ? ctx.workDir().resolve(cl.getOptionValue(option)) : null;
  }
}
