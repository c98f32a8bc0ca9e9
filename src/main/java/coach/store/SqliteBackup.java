package coach.store;

import static coach.store.SqliteFiles.connect;
import static coach.store.SqliteFiles.ours;
import static coach.store.SqliteFiles.rows;
import static coach.store.SqliteFiles.pragmaInt;
import static coach.store.SqliteFiles.reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.sqlite.SQLiteConnection;

/**
 * Backups and restores of a history file while coaches may be writing to it. A backup is
 * SQLite's online backup: a copy of the file as it was at one moment, however many sessions are
 * writing; a restore writes a backup back through SQLite's locks, so a process that has the file
 * open sees the old history or the restored one, never a mixture. The checks are
 * {@link SqliteCheck}'s.
 */
public final class SqliteBackup {
  private SqliteBackup() {}

  /** What a history file holds. */
  public record Contents(int schema, long sessions, long patients, long ratings, long events,
      Instant lastStarted) {}

  /** What a restore did, or why it did nothing. */
  public sealed interface Restore {}

  /** The backup is now the history; the history it replaced was kept as {@code keptAs}. */
  public record Restored(Contents now, Path keptAs) implements Restore {}

  /** Refused: the history has sessions that started after the backup's last one. */
  public record Newer(long sessions, Instant backupLast, Instant historyLast) implements Restore {}

  /** Refused: sessions are being run on the history now. */
  public record Running(long sessions) implements Restore {}

  /**
   * Copies the history as it is now into {@code to}, owner-only, replacing any file there only
   * once the copy is complete and checked.
   *
   * @return what the copy holds, read from the copy
   */
  public static Contents backup(Path history, Path to) throws StoreException {
    Path target = to.toAbsolutePath();
    Path part = null;
    try (Connection c = connect(history)) {
      ours(c, history);
      part = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
      int rc = ((SQLiteConnection) c).getDatabase().backup("main", part.toString(), null);
      if (rc != 0) {
        throw new StoreException(history + ": the backup stopped (SQLite code " + rc + ")");
      }
      Contents copy = checkedCopy(part);
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (SQLException e) {
      throw new StoreException(history + ": " + SqliteDb.plainMessage(e), e);
    } catch (IOException e) {
      throw new StoreException(target + ": cannot write the backup here (" + reason(e) + ")", e);
    } finally {
      deleteWithJournals(part);
    }
  }

  /**
   * Puts a backup back as the history: refused while a session runs on the history, or when the
   * history has sessions that started after the backup's last one (unless {@code force}). A
   * backup from an older version is brought to this version's schema first; the history it
   * replaces is kept beside it, as {@code history-before-restore-TIME.db}.
   */
  public static Restore restore(Path backup, Path history, boolean force, Instant now)
      throws StoreException {
    Path dir = history.toAbsolutePath().getParent();
    Path staged = dir.resolve(".restoring-" + now.toEpochMilli() + ".db");
    try {
      try (Connection c = connect(backup)) {
        ours(c, backup);
        // nothing but the coach's own tables and indexes comes back: a trigger could delete or
        // forge records once it is the history
        List<String> foreign = SqliteCheck.foreignObjects(c, Math.min(Migrations.SQLITE.latest(),
            pragmaInt(c, "user_version")));
        if (!foreign.isEmpty()) {
          throw new StoreException(backup + ": not restored: " + foreign.get(0)
              + (foreign.size() > 1 ? " (and " + (foreign.size() - 1) + " more)" : "")
              + "; `coach check --file` lists them");
        }
      } catch (SQLException e) {
        throw new StoreException(backup + ": " + SqliteDb.plainMessage(e), e);
      }
      Files.copy(backup, staged, StandardCopyOption.REPLACE_EXISTING);
      Contents incoming;
      try (SqliteHistoryStore store = SqliteHistoryStore.open(staged)) {
        String integrity = store.integrityCheck();
        if (!"ok".equals(integrity)) {
          throw new StoreException(backup + ": the backup is damaged (" + integrity + ")");
        }
      } catch (StoreException e) {
        throw new StoreException(e.getMessage().replace(staged.toString(), backup.toString()),
            e);
      }
      try (Connection c = connect(staged)) {
        incoming = SqliteFiles.contents(c);
      }
      SqliteHistoryStore.open(history).close(); // a new history, or the current one checked
      try (Connection c = connect(history)) {
        long running = running(c, now);
        if (running > 0) {
          return new Running(running);
        }
        Contents current = SqliteFiles.contents(c);
        long newer = startedAfter(c, incoming.lastStarted());
        if (newer > 0 && !force) {
          return new Newer(newer, incoming.lastStarted(), current.lastStarted());
        }
        Path keptAs = null;
        if (current.sessions() > 0) {
          keptAs = dir.resolve("history-before-restore-" + now.toString().replaceAll("[:.]", "")
              .replace("T", "-") + ".db");
          backup(history, keptAs);
        }
        int rc = ((SQLiteConnection) c).getDatabase().restore("main", staged.toString(), null);
        if (rc != 0) {
          throw new StoreException(history + ": the restore stopped (SQLite code " + rc + ");"
              + (keptAs == null ? "" : " the history before it is in " + keptAs));
        }
        return new Restored(SqliteFiles.contents(c), keptAs);
      }
    } catch (SQLException e) {
      throw new StoreException(history + ": " + SqliteDb.plainMessage(e), e);
    } catch (IOException e) {
      throw new StoreException(dir + ": cannot restore here (" + reason(e) + ")", e);
    } finally {
      deleteWithJournals(staged);
    }
  }

  /** What a history file holds, without changing it (null when it is not a history of ours). */
  public static Contents contents(Path history) throws StoreException {
    try (Connection c = connect(history)) {
      ours(c, history);
      return SqliteFiles.contents(c);
    } catch (SQLException e) {
      throw new StoreException(history + ": " + SqliteDb.plainMessage(e), e);
    }
  }

  /** Checks a fresh copy and makes it one self-contained file (no write-ahead log beside it). */
  private static Contents checkedCopy(Path copy) throws SQLException, StoreException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = DELETE");
      List<String> integrity = rows(c, "PRAGMA integrity_check");
      if (!integrity.equals(List.of("ok"))) {
        throw new StoreException(copy + ": the copy did not pass SQLite's integrity check ("
            + integrity.get(0) + ")");
      }
      return SqliteFiles.contents(c);
    }
  }

  /** Sessions that started after {@code after} (every session when it is null). */
  private static long startedAfter(Connection c, Instant after) throws SQLException {
    long n = 0;
    for (String started : rows(c, "SELECT started_at FROM sessions")) {
      if (after == null || SqliteDb.time("started_at", started).isAfter(after)) {
        n++;
      }
    }
    return n;
  }

  /** Sessions not ended that said they were running within the last half minute or so. */
  private static long running(Connection c, Instant now) throws SQLException {
    if (pragmaInt(c, "user_version") < 2) {
      return 0;
    }
    long n = 0;
    for (String beat : rows(c, "SELECT heartbeat_at FROM sessions WHERE outcome IS NULL"
        + " AND heartbeat_at IS NOT NULL")) {
      Instant at;
      try {
        at = SqliteDb.time("heartbeat_at", beat);
      } catch (SQLException notATime) {
        continue; // a mark that cannot be read is no running session
      }
      if (at.isAfter(now.minus(Heartbeats.LIVE_FOR))) {
        n++;
      }
    }
    return n;
  }

  private static void deleteWithJournals(Path file) {
    if (file == null) {
      return;
    }
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      try {
        Files.deleteIfExists(Path.of(file + suffix));
      } catch (IOException ignored) {
        // a leftover temporary file; it is named so it cannot be mistaken for a history
      }
    }
  }
}
