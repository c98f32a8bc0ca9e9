package coach.cli;

import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * What every command does with its command line before its own work: parse it, answer
 * {@code --help}, and read numbers within their range. A usage error is one line on stderr that
 * starts with the command (as {@code coach serve: }) and ends the command with
 * {@link ExitCodes#USAGE}. The options more than one command takes are defined here.
 */
final class CommandLines {
  private CommandLines() {}

  /** A usage error in a command line: what was wrong, as one line for stderr. */
  static final class UsageError extends Exception {
    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  /** A command's own work on its parsed command line. */
  @FunctionalInterface
  interface Body {
    /** @return the exit status (see {@link ExitCodes}) */
    int run(CommandLine cl) throws UsageError;
  }

  /**
   * Parses {@code args} against the options and runs the body, unless the command line cannot be
   * parsed or asks for --help (which prints the help). A {@link UsageError} from the body is
   * said after {@code who}; its exit status is {@link ExitCodes#USAGE}.
   *
   * @param who the command as the person typed it ("coach", "coach validate")
   */
  static int run(String who, Options options, Supplier<String> help, List<String> args,
      CliContext ctx, Body body) {
    CommandLine cl;
    try {
      cl = new DefaultParser().parse(options, args.toArray(new String[0]));
    } catch (ParseException e) {
      ctx.err().println(who + ": " + Quote.printable(e.getMessage()) + " (see " + who
          + " --help)");
      return ExitCodes.USAGE;
    }
    if (cl.hasOption("help")) {
      ctx.out().print(help.get());
      return ExitCodes.OK;
    }
    try {
      return body.run(cl);
    } catch (UsageError e) {
      ctx.err().println(who + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  /** {@code -h, --help}, which every command takes. */
  static Option help() {
    return Option.builder("h").longOpt("help").desc("show this help").get();
  }

  /** {@code --data-dir DIR}, described as what the command keeps or reads there. */
  static Option dataDir(String what) {
    return Option.builder().longOpt("data-dir").hasArg().argName("DIR").desc(what).get();
  }

  /** {@code --db URL}: the clinic's PostgreSQL history instead of the data folder's file. */
  static Option db() {
    return Option.builder().longOpt("db").hasArg().argName("URL").desc("keep the history in"
        + " the clinic's PostgreSQL database, postgresql://USER@HOST:PORT/DATABASE (the password"
        + " comes from PGPASSWORD or ~/.pgpass, never from the URL; COACH_DB in the environment"
        + " does the same); without it, the history is history.db in the data folder").get();
  }

  /** The database named by --db or COACH_DB, or null for the data folder's own history. */
  static String db(CommandLine cl, CliContext ctx) throws UsageError {
    try {
      return coach.app.History.database(cl.getOptionValue("db"), ctx.env());
    } catch (IllegalArgumentException e) {
      throw new UsageError((cl.hasOption("db") ? "--db " : "COACH_DB ")
          + Quote.of(withoutPassword(cl.hasOption("db") ? cl.getOptionValue("db")
              : ctx.env().get(coach.app.History.ENV))) + ": " + e.getMessage());
    }
  }

  /** A database URL as it may be repeated in a message: any password in it replaced. */
  static String withoutPassword(String url) {
    return url.replaceAll("(://[^:/@?]*):[^@/?]*@", "$1:***@")
        .replaceAll("(?i)([?&]password=)[^&]*", "$1***");
  }

  /** {@code --lang LANG}: the language of the words a person reads. */
  static Option lang() {
    return Option.builder().longOpt("lang").hasArg().argName("LANG").desc("the screens'"
        + " language: en or es (default: from LC_ALL, LC_MESSAGES or LANG, else en)").get();
  }

  /** The language --lang names, else the one the locale in the environment chooses. */
  static coach.tui.words.Language language(CommandLine cl, CliContext ctx) throws UsageError {
    try {
      return coach.tui.words.Language.choose(cl.getOptionValue("lang"), ctx.env());
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
  }

  /** {@code --alert-command CMD}: where new alerts for the clinician go. */
  static Option alertCommand() {
    return Option.builder().longOpt("alert-command").hasArg().argName("CMD").desc("hand each"
        + " new alert for the clinician to CMD (run by the shell, the alert as JSON on its"
        + " input; retried until it succeeds); also alert-command = CMD in DATA_DIR/settings")
        .get();
  }

  /** --since YYYY-MM-DD as the start of that day here, or null when not given. */
  static java.time.Instant since(CommandLine cl) throws UsageError {
    if (!cl.hasOption("since")) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(cl.getOptionValue("since"))
          .atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new UsageError("--since takes a date like 2026-11-01, not "
          + Quote.of(cl.getOptionValue("since")));
    }
  }

  /** {@code --pace N}: timers run N times faster. */
  static Option pace() {
    return Option.builder().longOpt("pace").hasArg().argName("N")
        .desc("timers run N times faster (for demos and tests; default 1)").get();
  }

  /** --pace N: a number above 0 and at most 1000 (default 1). */
  static double pace(CommandLine cl) throws UsageError {
    String v = cl.getOptionValue("pace", "1");
    try {
      double pace = Double.parseDouble(v);
      if (pace > 0 && pace <= 1000) {
        return pace;
      }
    } catch (NumberFormatException ignored) {
      // said below
    }
    throw new UsageError("--pace takes a number above 0 and at most 1000, not " + Quote.of(v));
  }

  /** The option's whole number from min to max; {@code fallback} when it is not given. */
  static int wholeNumber(CommandLine cl, String option, int fallback, int min, int max)
      throws UsageError {
    return number(cl, option, fallback, min, max, "a whole number");
  }

  /** The option's whole seconds from min to max; {@code fallback} when it is not given. */
  static int seconds(CommandLine cl, String option, int fallback, int min, int max)
      throws UsageError {
    return number(cl, option, fallback, min, max, "whole seconds");
  }

  private static int number(CommandLine cl, String option, int fallback, int min, int max,
      String what) throws UsageError {
    String v = cl.getOptionValue(option);
    try {
      int n = v == null ? fallback : Integer.parseInt(v.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // said below
    }
    throw new UsageError("--" + option + " takes " + what + " from " + min + " to " + max
        + ", not " + Quote.of(v));
  }
}
