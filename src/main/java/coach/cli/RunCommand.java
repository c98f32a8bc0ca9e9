package coach.cli;

import coach.routine.Routine;
import coach.session.Coach;
import coach.session.Effect;
import coach.session.Event;
import coach.session.Outcome;
import coach.session.PacedClock;
import coach.session.StartOptions;
import coach.tui.LocalTerminal;
import coach.tui.SessionLoop;
import coach.tui.view.CoachApp;
import coach.tui.view.Style;
import coach.tui.view.Views;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
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

  static Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("pace").hasArg().argName("N")
        .desc("timers run N times faster (for demos and tests; default 1)").build());
    o.addOption(Option.builder().longOpt("data-dir").hasArg().argName("DIR")
        .desc("where the history and the log are kept").build());
    o.addOption(Option.builder().longOpt("patient").hasArg().argName("ID")
        .desc("whose session this is (default: your user name)").build());
    o.addOption(Option.builder().longOpt("ascii").desc("ASCII only: no box or block glyphs").build());
    o.addOption(Option.builder().longOpt("quiet").desc("no bell at phase changes").build());
    o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    o.addOption(Option.builder("V").longOpt("version").desc("show the version").build());
    return o;
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    CommandLine cl;
    try {
      cl = new DefaultParser().parse(options(), args.toArray(new String[0]));
    } catch (ParseException e) {
      ctx.err().println("coach: " + e.getMessage() + " (see coach --help)");
      return ExitCodes.USAGE;
    }
    if (cl.hasOption("help")) {
      usage(ctx);
      return ExitCodes.OK;
    }
    if (cl.hasOption("version")) {
      ctx.out().println("rehab-coach " + Cli.VERSION);
      return ExitCodes.OK;
    }
    if (cl.getArgList().size() > 1) {
      ctx.err().println("coach: give one routine (a name or a file), not "
          + cl.getArgList().size());
      return ExitCodes.USAGE;
    }
    double pace;
    try {
      pace = Double.parseDouble(cl.getOptionValue("pace", "1"));
      if (!(pace > 0) || pace > 1000) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      ctx.err().println("coach: --pace takes a number above 0 and at most 1000, not \""
          + cl.getOptionValue("pace") + "\"");
      return ExitCodes.USAGE;
    }
    String which = cl.getArgList().isEmpty() ? "sciatica" : cl.getArgList().get(0);
    RoutineSource.Loaded loaded = RoutineSource.load(which, ctx);
    if (loaded.routine() == null) {
      loaded.problems().forEach(ctx.err()::println);
      return ExitCodes.INVALID;
    }
    boolean ascii = cl.hasOption("ascii") || !LocalTerminal.isUtf8Locale(ctx.env());
    String noColor = ctx.env("NO_COLOR");
    Style style = new Style(ascii, noColor == null || noColor.isEmpty());
    return runSession(loaded.routine(), style, pace, cl.hasOption("quiet"), ctx);
  }

  private static void usage(CliContext ctx) {
    HelpFormatter f = new HelpFormatter();
    java.io.PrintWriter w = new java.io.PrintWriter(ctx.out());
    f.printHelp(w, 80, "coach [run] [NAME|FILE] [OPTIONS]",
        "Start a session. NAME is a bundled routine (see 'coach list'), FILE a routine file.",
        options(), 2, 2, "Keys: Enter next, Space pause, digits rate pain, s skip, ! red flags,"
            + " ? help, q quit.");
    w.flush();
  }

  private static int runSession(Routine routine, Style style, double pace, boolean quiet,
      CliContext ctx) {
    LocalTerminal local;
    try {
      local = LocalTerminal.open(ctx.env(), System.console() != null);
    } catch (LocalTerminal.Unusable e) {
      ctx.err().println("coach: " + e.getMessage());
      return ExitCodes.NO_TERMINAL;
    } catch (IOException e) {
      AppLog.error(ctx, "opening the terminal", e);
      ctx.err().println("coach: cannot open the terminal: " + e.getMessage());
      return ExitCodes.NO_TERMINAL;
    }
    PacedClock clock = new PacedClock(pace);
    Coach coach = new Coach(routine, clock, StartOptions.fresh());
    CoachApp app = new CoachApp(coach, style);
    List<Effect> kept = new ArrayList<>();
    SessionLoop loop = new SessionLoop(local.terminal(), app, clock::realDelayUntil, quiet,
        kept::add, Views.MIN_COLUMNS, Views.MIN_ROWS);
    for (String sig : new String[] {"TERM", "HUP", "INT"}) {
      try {
        Signal.handle(new Signal(sig), s -> loop.post(new Event.Interrupt("SIG" + sig)));
      } catch (IllegalArgumentException ignored) {
        // this platform has no such signal
      }
    }
    Throwable failure = null;
    try {
      loop.run();
    } catch (IOException | InterruptedException | RuntimeException e) {
      failure = e;
    } finally {
      local.close();
    }
    if (failure != null) {
      AppLog.error(ctx, "session failed", failure);
      ctx.err().println("coach: the session stopped because of an error (details in "
          + AppLog.describe(ctx) + ")");
      return ExitCodes.INTERNAL;
    }
    Outcome outcome = app.state().outcome();
    return outcome == Outcome.INTERRUPTED ? ExitCodes.INTERRUPTED : ExitCodes.OK;
  }
}
