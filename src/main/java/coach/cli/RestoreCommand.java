package coach.cli;

import coach.app.DataDir;
import coach.app.Logs;
import coach.store.SqliteBackup;
import coach.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code coach restore --from FILE}: puts a backup back as the history. Refused while a session
 * runs, and when the history has sessions newer than the backup's last (unless --force); the
 * history it replaces is kept beside it.
 */
public final class RestoreCommand implements Command {
  @Override
  public String name() {
    return "restore";
  }

  @Override
  public String summary() {
    return "put a backup back as the history";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("from").hasArg().argName("FILE")
        .desc("the backup file (made by coach backup; from this or an older version)").get());
    o.addOption(Option.builder().longOpt("force").desc("replace a history that has sessions"
        + " started after the backup's last one (they are kept in the copy set aside)").get());
    o.addOption(HistoryFileCommands.dataDir());
    o.addOption(HistoryFileCommands.db());
    o.addOption(CommandLines.help());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach restore --from FILE [--data-dir DIR] [--force]",
        "Checks the backup (ours, undamaged, not from a newer version; an older one is brought"
            + " to this version's schema), then makes it the data folder's history. The"
            + " history it replaces is first copied to history-before-restore-TIME.db beside"
            + " it. Nothing is changed while a session runs on the history, nor when the"
            + " history has sessions that started after the backup's last one, unless --force."
            + " Exit status: 0 restored; 1 a backup or history that cannot be used, a newer"
            + " history, or a history in PostgreSQL; 2 a usage error; 4 a session is running.",
        options(), "A history in PostgreSQL (--db URL or COACH_DB) is restored with"
            + " pg_restore.",
        List.of(
            Help.example("coach restore --from rehab-2026-11-25.db",
                "your own history, back as it was in that backup"),
            Help.example("coach restore --data-dir /var/lib/rehab-coach --from coach.db --force",
                "a clinic server's history, even though it has newer sessions (stop the service"
                    + " first: sessions running on it refuse the restore)"),
            Help.example("coach restore --db postgresql://coach@db/rehab --from x.db",
                "says to use pg_restore: a shared history is PostgreSQL's to restore")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return HistoryFileCommands.run(this, args, ctx,
        "pg_restore, e.g. pg_restore --clean -d DATABASE rehab.dump",
        (cl, history) -> restore(cl, ctx, history));
  }

  private int restore(CommandLine cl, CliContext ctx, Path history)
      throws CommandLines.UsageError {
    Path from = HistoryFileCommands.file(cl, ctx, "from");
    if (!Files.isRegularFile(from)) {
      ctx.err().println("coach restore: no backup file " + from);
      return ExitCodes.INVALID;
    }
    if (from.equals(history.toAbsolutePath().normalize())) {
      throw new CommandLines.UsageError("--from is the history itself; give a backup file");
    }
    Path dir = history.getParent();
    try {
      DataDir.ensure(dir);
      SqliteBackup.Restore r = SqliteBackup.restore(from, history, cl.hasOption("force"),
          ctx.clock().instant());
      if (r instanceof SqliteBackup.Running running) {
        ctx.err().println("coach restore: " + running.sessions() + " session(s) are running on "
            + history + " now; let them end (stop the service) and restore again");
        return ExitCodes.BUSY;
      }
      if (r instanceof SqliteBackup.Newer newer) {
        ctx.err().println("coach restore: " + history + " has " + newer.sessions()
            + " session(s) started after the backup's last one (" + newer.backupLast()
            + "); nothing was changed (--force restores anyway)");
        return ExitCodes.INVALID;
      }
      SqliteBackup.Restored done = (SqliteBackup.Restored) r;
      SqliteBackup.Contents c = done.now();
      ctx.out().println("Restored " + from + " as " + history + ": " + c.sessions()
          + " session(s), " + c.ratings() + " rating(s), " + c.events() + " event(s)."
          + (done.keptAs() == null ? "" : " The history it replaced is in " + done.keptAs()
              + "."));
      return ExitCodes.OK;
    } catch (StoreException e) {
      Logs.error(dir, "restore", e);
      ctx.err().println("coach restore: " + e.getMessage());
      return ExitCodes.INVALID;
    } catch (IOException e) {
      ctx.err().println("coach restore: cannot create " + dir + " (" + e.getMessage() + ")");
      return ExitCodes.INVALID;
    }
  }
}
