package coach.cli;

import coach.app.Logs;
import coach.routine.FileText;
import coach.store.SqliteBackup;
import coach.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code coach backup --to FILE}: a consistent copy of the history while sessions run (SQLite's
 * online backup), checked before it replaces anything at FILE.
 */
public final class BackupCommand implements Command {
  @Override
  public String name() {
    return "backup";
  }

  @Override
  public String summary() {
    return "copy the history to a file, also while sessions run";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("to").hasArg().argName("FILE").desc("the backup file"
        + " to write (owner-only; a file already there is replaced once the copy is checked)")
        .get());
    o.addOption(HistoryFileCommands.dataDir());
    o.addOption(HistoryFileCommands.db());
    o.addOption(CommandLines.help());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach backup --to FILE [--data-dir DIR]",
        "Copies the history (history.db in the data folder) to FILE as it is at one moment,"
            + " while sessions go on writing to it, then checks the copy. Every rating saved"
            + " before the backup began is in it. Exit status: 0 copied and checked; 1 a history"
            + " that cannot be used, a copy that cannot be written, or a history in"
            + " PostgreSQL; 2 a usage error.",
        options(), "A history in PostgreSQL (--db URL or COACH_DB) is backed up with pg_dump.",
        List.of(
            Help.example("coach backup --to rehab-2026-11-25.db",
                "your own history, into a file in this folder"),
            Help.example("coach backup --data-dir /var/lib/rehab-coach"
                    + " --to /srv/coach-$(date +%F).db",
                "a clinic server's history, one file a day (from cron or a systemd timer)"),
            Help.example("coach backup --db postgresql://coach@db/rehab --to x.db",
                "says to use pg_dump: a shared history is PostgreSQL's to back up")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return HistoryFileCommands.run(this, args, ctx,
        "pg_dump, e.g. pg_dump -Fc -f rehab.dump DATABASE",
        (cl, history) -> backup(cl, ctx, history));
  }

  private int backup(CommandLine cl, CliContext ctx, Path history)
      throws CommandLines.UsageError {
    Path to = HistoryFileCommands.file(cl, ctx, "to");
    String unreachable = FileText.unreachable(history);
    if (unreachable != null) {
      ctx.err().println("coach backup: " + history + ": " + unreachable);
      return ExitCodes.INVALID;
    }
    if (!Files.exists(history)) {
      ctx.err().println("coach backup: no history to back up in " + history.getParent());
      return ExitCodes.INVALID;
    }
    if (to.equals(history.toAbsolutePath().normalize())) {
      throw new CommandLines.UsageError("--to is the history itself; give another file");
    }
    String refused = notABackupFile(to);
    if (refused != null) {
      throw new CommandLines.UsageError("--to " + to + " " + refused);
    }
    try {
      SqliteBackup.Contents c = SqliteBackup.backup(history, to);
      ctx.out().println("Backed up " + history + " to " + to + ": " + c.sessions()
          + " session(s), " + c.ratings() + " rating(s), " + c.events()
          + " event(s); checked.");
      return ExitCodes.OK;
    } catch (StoreException e) {
      Logs.error(history.getParent(), "backup", e);
      ctx.err().println("coach backup: " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  /**
   * Why {@code --to} must not be written: only a new file, or an earlier backup (a regular file
   * that is an SQLite database) is replaced; never a device, a pipe, a link or a file that holds
   * something else. Null when it may be written.
   */
  static String notABackupFile(Path to) {
    if (Files.isSymbolicLink(to)) {
      return "is a link; give the backup file itself";
    }
    if (!Files.exists(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    if (!Files.isRegularFile(to, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return "is not a regular file (a device, a pipe or a folder); give a file name for the"
          + " backup";
    }
    byte[] head = new byte[16];
    try (java.io.InputStream in = Files.newInputStream(to)) {
      int n = in.readNBytes(head, 0, head.length);
      if (n == 16 && new String(head, java.nio.charset.StandardCharsets.US_ASCII)
          .equals("SQLite format 3\0")) {
        return null;
      }
    } catch (java.io.IOException e) {
      return "cannot be read, so it cannot be told whether it is an earlier backup";
    }
    return "holds something other than a backup; give a new file name, or remove it first";
  }
}
