package coach.cli;

import coach.app.DataDir;
import coach.app.History;
import coach.store.SqliteHistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * What backup, restore and check share: they work on the data folder's SQLite history file; a
 * history in PostgreSQL is backed up with PostgreSQL's own tools, which they name in one line.
 */
final class HistoryFileCommands {
  private HistoryFileCommands() {}

  static Option dataDir() {
    return CommandLines.dataDir("the data folder whose history.db it is (default: "
        + "$XDG_DATA_HOME/rehab-coach, else ~/.local/share/rehab-coach)");
  }

  static Option db() {
    return Option.builder().longOpt("db").hasArg().argName("URL").desc("a history in the"
        + " clinic's PostgreSQL (also COACH_DB): only says to use PostgreSQL's own tools").get();
  }

  /** A command's work on its parsed command line and the data folder's history file. */
  @FunctionalInterface
  interface Work {
    int run(CommandLine cl, Path history) throws CommandLines.UsageError;
  }

  /**
   * Parses the command line (no arguments besides the options) and hands the work the data
   * folder's history file; for a history in PostgreSQL, says in one line to use {@code pgTool}
   * instead, with exit status 1.
   */
  static int run(Command command, List<String> args, CliContext ctx, String pgTool, Work work) {
    return CommandLines.run("coach " + command.name(), command.options(), command::help, args,
        ctx, cl -> {
          noArguments(cl, command.name());
          Path history = historyFile(cl, ctx, command.name(), pgTool);
          return history == null ? ExitCodes.INVALID : work.run(cl, history);
        });
  }

  /** The data folder's history file, or null after saying which PostgreSQL tool to use. */
  private static Path historyFile(CommandLine cl, CliContext ctx, String command, String pgTool)
      throws CommandLines.UsageError {
    String db = CommandLines.db(cl, ctx);
    if (db != null) {
      ctx.err().println("coach " + command + ": the history is in PostgreSQL ("
          + History.where(null, db, ctx.env()) + "); use " + pgTool + ", the database's own"
          + " tool");
      return null;
    }
    return SqliteHistoryStore.fileIn(DataDir.resolve(cl.getOptionValue("data-dir"),
        ctx.env()));
  }

  /** The option's file; a usage error when it is missing or names a folder. */
  static Path file(CommandLine cl, CliContext ctx, String option) throws CommandLines.UsageError {
    String v = cl.getOptionValue(option);
    if (v == null || v.isBlank()) {
      throw new CommandLines.UsageError("--" + option + " FILE is needed");
    }
    Path p = ctx.workDir().resolve(v).toAbsolutePath().normalize();
    if (Files.isDirectory(p)) {
      throw new CommandLines.UsageError("--" + option + " " + Quote.of(v)
          + " is a folder; give a file");
    }
    return p;
  }

  /** No arguments besides the options. */
  private static void noArguments(CommandLine cl, String command) throws CommandLines.UsageError {
    if (!cl.getArgList().isEmpty()) {
      throw new CommandLines.UsageError("takes no arguments, not "
          + Quote.of(cl.getArgList().get(0)) + " (see coach " + command + " --help)");
    }
  }
}
