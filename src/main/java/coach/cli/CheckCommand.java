package coach.cli;

import coach.app.Logs;
import coach.routine.FileText;
import coach.store.SqliteCheck;
import coach.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code coach check}: SQLite's integrity check and the schema's, on the history or a backup,
 * without changing it; says what it found, and exits 0 only when the history is sound.
 */
public final class CheckCommand implements Command {
  @Override
  public String name() {
    return "check";
  }

  @Override
  public String summary() {
    return "check the history (or a backup) is sound, changing nothing";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(org.apache.commons.cli.Option.builder().longOpt("file").hasArg()
        .argName("FILE").desc("check this file (a backup) instead of the data folder's history")
        .get());
    o.addOption(HistoryFileCommands.dataDir());
    o.addOption(HistoryFileCommands.db());
    o.addOption(CommandLines.help());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach check [--data-dir DIR | --file FILE]",
        "Checks the history without changing it: that it is a Rehab Coach history and of which"
            + " schema version, SQLite's full integrity check, that every rating and event"
            + " belongs to a session, and that every table and column of its schema is there;"
            + " then says what it holds. Exit status: 0 sound; 1 a problem was found (each is"
            + " said), or a history in PostgreSQL; 2 a usage error.",
        options(), "A history in PostgreSQL (--db URL or COACH_DB) is checked by PostgreSQL"
            + " itself (pg_dump reads every row).",
        List.of(
            Help.example("coach check", "your own history"),
            Help.example("coach check --data-dir /var/lib/rehab-coach",
                "a clinic server's history, as a monitoring check (exit status 0 when sound)"),
            Help.example("coach check --file /srv/backup/coach-2026-11-25.db",
                "a backup, before relying on it"),
            Help.example("coach check --db postgresql://coach@db/rehab",
                "says to use pg_dump: a shared history is PostgreSQL's to check")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return HistoryFileCommands.run(this, args, ctx,
        "pg_dump, which reads every row, e.g. pg_dump -f /dev/null DATABASE",
        (cl, history) -> check(cl, ctx, history));
  }

  private int check(CommandLine cl, CliContext ctx, Path history)
      throws CommandLines.UsageError {
    Path dataDir = history.getParent();
    if (cl.hasOption("file")) {
      history = HistoryFileCommands.file(cl, ctx, "file");
    }
    String unreachable = FileText.unreachable(history);
    if (unreachable != null) {
      ctx.err().println("coach check: " + history + ": " + unreachable);
      return ExitCodes.INVALID;
    }
    if (!Files.exists(history)) {
      ctx.err().println("coach check: no history in " + history.getParent() + " (expected "
          + history + ")");
      return ExitCodes.INVALID;
    }
    try {
      SqliteCheck.Check c = SqliteCheck.check(history);
      ctx.out().println("history    " + history);
      c.found().forEach(ctx.out()::println);
      c.problems().forEach(p -> ctx.out().println("PROBLEM    " + p));
      ctx.out().println(c.sound() ? "Sound." : c.problems().size() + " problem(s) found.");
      return c.sound() ? ExitCodes.OK : ExitCodes.INVALID;
    } catch (StoreException e) {
      Logs.error(dataDir, "check", e);
      ctx.err().println("coach check: " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }
}
