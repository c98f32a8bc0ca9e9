package coach.cli;

import coach.app.DataDir;
import coach.app.LocalKiosk;
import coach.app.SessionStart;
import coach.kiosk.Patients;
import coach.session.Event;
import coach.session.Outcome;
import coach.tui.words.Language;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * Starts a coaching session in this terminal (the default command): reads the command line and
 * hands it to {@link SessionStart}, which composes and runs the session or the kiosk.
 */
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
        .desc("with --kiosk: only the codes of this patients file are accepted (whatever"
            + " their case)").get());
    o.addOption(Option.builder().longOpt("any-code")
        .desc("with --kiosk: any well-formed patient code is accepted, not only those of the"
            + " patients file (a mistyped code then starts a new patient's history)").get());
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
      if (patients == null && patient == null && !cl.hasOption("any-code")) {
        ctx.err().println("coach: a kiosk accepts only the codes of a patients file: give"
            + " --patients FILE, or --any-code to accept any well-formed code (a mistyped code"
            + " then starts a new patient's history)");
        return ExitCodes.USAGE;
      }
      kiosk = new LocalKiosk(java.time.Duration.ofSeconds(idle), patients,
          cl.hasOption("any-code"), patient, null);
    } else if (cl.hasOption("patients") || cl.hasOption("idle-timeout")
        || cl.hasOption("any-code")) {
      ctx.err().println("coach: --patients, --any-code and --idle-timeout go with --kiosk");
      return ExitCodes.USAGE;
    }
    String which = cl.getArgList().isEmpty() ? "sciatica" : cl.getArgList().get(0);
    java.nio.file.Path dataDir = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env());
    String db = CommandLines.db(cl, ctx);
    boolean color = ctx.env("NO_COLOR") == null || ctx.env("NO_COLOR").isEmpty();
    SessionStart.Result r = SessionStart.run(new SessionStart.Request(which, dataDir, db,
        patient, kiosk, cl.hasOption("speak"), cl.getOptionValue("alert-command"), language,
        pace, cl.hasOption("quiet"), cl.hasOption("ascii"), color), ctx.env(), ctx.workDir(),
        ctx.err());
    return switch (r.ending()) {
      case RAN -> exitCode(r.outcome(), r.signal());
      case UNUSABLE -> ExitCodes.INVALID;
      case BUSY -> ExitCodes.BUSY;
      case NO_TERMINAL -> ExitCodes.NO_TERMINAL;
      case SIGNALLED -> ExitCodes.forSignal(r.signal());
      case FAILED -> ExitCodes.INTERNAL;
    };
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
            Help.example("coach --kiosk --any-code",
                "a kiosk that takes any well-formed code: each new code starts a new patient's"
                    + " history"),
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
    SessionStart.onSignals(post, first);
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
}
