package coach.cli;

import coach.app.DataDir;
import coach.app.History;
import coach.store.SqliteHistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** The data folder's history file, or null after saying which PostgreSQL tool to use. */
  static Path historyFile(CommandLine cl, CliContext ctx, String command, String pgTool)
      throws CommandLines.UsageError {
    String db = CommandLines.db(cl, ctx);
    if (db != null) {
      ctx.err().println("coach " + command + ": the history is in PostgreSQL ("
          + History.where(null, db, ctx.env()) + "); use " + pgTool + " (see README, Install)");
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
  static void noArguments(CommandLine cl, String command) throws CommandLines.UsageError {
    if (!cl.getArgList().isEmpty()) {
      throw new CommandLines.UsageError("takes no arguments, not "
          + Quote.of(cl.getArgList().get(0)) + " (see coach " + command + " --help)");
    }
  }
}
