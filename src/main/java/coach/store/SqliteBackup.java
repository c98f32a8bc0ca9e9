package coach.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConnection;

/**
 * Backups, restores and checks of a history file while coaches may be writing to it. A backup is
 * SQLite's online backup: a copy of the file as it was at one moment, however many sessions are
 * writing; a restore writes a backup back through SQLite's locks, so a process that has the file
 * open sees the old history or the restored one, never a mixture.
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

  /** What a check found: lines to show, and the problems among them. */
  public record Check(List<String> found, List<String> problems, Contents contents) {
    public boolean sound() {
      return problems.isEmpty();
    }
  }

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
        List<String> foreign = foreignObjects(c, Math.min(Migrations.SQLITE.latest(),
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
        incoming = contents(c);
      }
      SqliteHistoryStore.open(history).close(); // a new history, or the current one checked
      try (Connection c = connect(history)) {
        long running = running(c, now);
        if (running > 0) {
          return new Running(running);
        }
        Contents current = contents(c);
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
        return new Restored(contents(c), keptAs);
      }
    } catch (SQLException e) {
      throw new StoreException(history + ": " + SqliteDb.plainMessage(e), e);
    } catch (IOException e) {
      throw new StoreException(dir + ": cannot restore here (" + reason(e) + ")", e);
    } finally {
      deleteWithJournals(staged);
    }
  }

  /**
   * Checks a history file without changing it: that it is ours, of which schema, SQLite's full
   * integrity check, the references between its tables, and that every table and column its
   * schema version has is there.
   */
  public static Check check(Path history) throws StoreException {
    List<String> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try {
      if (!Files.isRegularFile(history)) {
        throw new StoreException(history + ": is not a file");
      }
      if (Files.size(history) == 0) {
        problems.add("the file is empty (0 bytes): no sessions; restore it from a backup if it"
            + " held any");
        return new Check(found, problems, null);
      }
      if (!looksLikeSqlite(history)) {
        problems.add("this is not a Rehab Coach history file");
        return new Check(found, problems, null);
      }
    } catch (IOException e) {
      throw new StoreException(history + ": cannot be read (" + reason(e) + ")", e);
    }
    try (Connection c = connect(history)) {
      int appId = pragmaInt(c, "application_id");
      int version = pragmaInt(c, "user_version");
      if (appId != SqliteOpening.APPLICATION_ID) {
        problems.add("this database belongs to another program");
        return new Check(found, problems, null);
      }
      if (version > Migrations.SQLITE.latest()) {
        problems.add(Migrations.newerProblem(version, Migrations.SQLITE.latest()));
        return new Check(found, problems, null);
      }
      found.add("file       a Rehab Coach history, schema " + version
          + (version == Migrations.SQLITE.latest() ? " (this version's)"
              : " (brought to schema " + Migrations.SQLITE.latest() + " when the coach opens it)"));
      List<String> integrity = rows(c, "PRAGMA integrity_check");
      if (integrity.equals(List.of("ok"))) {
        found.add("integrity  ok (SQLite's full check)");
      } else {
        problems.add("SQLite's integrity check: " + String.join("; ", integrity.subList(0,
            Math.min(5, integrity.size()))));
      }
      List<String> orphans = rows(c, "PRAGMA foreign_key_check");
      if (orphans.isEmpty()) {
        found.add("references ok (every rating, event and level belongs to a session)");
      } else {
        problems.add(orphans.size() + " row(s) of table " + orphans.get(0)
            + " (and maybe others) belong to no session");
      }
      List<String> missing = missingFromSchema(c, version);
      List<String> foreign = foreignObjects(c, version);
      if (!foreign.isEmpty()) {
        problems.add(String.join("; ", foreign) + ": it could change or delete records, so this"
            + " file is not used as a history");
        return new Check(found, problems, null);
      }
      if (missing.isEmpty()) {
        found.add("tables     sessions, levels, ratings, events" + (version >= 4 ? ", alerts" : "")
            + (version >= 5 ? ", patients, looks, places" : "")
            + " as schema " + version
            + " has them");
      } else {
        problems.add("not as schema " + version + " has it: " + String.join(", ", missing));
        return new Check(found, problems, null);
      }
      Contents contents = contents(c);
      found.add("holds      " + contents.sessions() + " session(s) of " + contents.patients()
          + " patient(s), " + contents.ratings() + " rating(s), " + contents.events()
          + " event(s)" + (contents.lastStarted() == null ? ""
              : "; the last started " + contents.lastStarted()));
      return new Check(found, problems, contents);
    } catch (SQLException e) {
      problems.add(SqliteDb.plainMessage(e));
      return new Check(found, problems, null);
    }
  }

  /** What a history file holds, without changing it (null when it is not a history of ours). */
  public static Contents contents(Path history) throws StoreException {
    try (Connection c = connect(history)) {
      ours(c, history);
      return contents(c);
    } catch (SQLException e) {
      throw new StoreException(history + ": " + SqliteDb.plainMessage(e), e);
    }
  }

  private static Connection connect(Path file) throws SQLException, StoreException {
    SqliteNative.prepare();
    if (!Files.isRegularFile(file)) {
      throw new StoreException(file + ": no such file");
    }
    try {
      if (Files.size(file) > 0 && !looksLikeSqlite(file)) {
        throw new StoreException(file + ": this is not a Rehab Coach history file");
      }
    } catch (IOException e) {
      throw new StoreException(file + ": cannot be read (" + reason(e) + ")", e);
    }
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
    }
    return c;
  }

  private static void ours(Connection c, Path file) throws SQLException, StoreException {
    if (pragmaInt(c, "application_id") != SqliteOpening.APPLICATION_ID) {
      throw new StoreException(file + ": this is not a Rehab Coach history file");
    }
    int version = pragmaInt(c, "user_version");
    if (version > Migrations.SQLITE.latest()) {
      throw Migrations.newer(file.toString(), version);
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
      return contents(c);
    }
  }

  private static Contents contents(Connection c) throws SQLException {
    String last = first(c, "SELECT max(started_at) FROM sessions");
    return new Contents(pragmaInt(c, "user_version"),
        count(c, "SELECT count(*) FROM sessions"),
        count(c, "SELECT count(DISTINCT patient) FROM sessions"),
        count(c, "SELECT count(*) FROM ratings"), count(c, "SELECT count(*) FROM events"),
        last == null ? null : SqliteDb.time("started_at", last));
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

  /** Each table and index schema {@code version} has, with its columns. */
  private static Map<String, List<String>> schema(int version) throws SQLException {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    try (Connection mem = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = mem.createStatement()) {
      for (String sql : Migrations.SQLITE.statementsUpTo(version)) {
        s.execute(sql);
      }
      for (String name : rows(mem, "SELECT name FROM sqlite_master WHERE type IN ('table',"
          + " 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
        expected.put(name, columns(mem, name));
      }
    }
    return expected;
  }

  /**
   * Every trigger, view, table or index in the file that schema {@code version} does not have:
   * such an object runs (a trigger that deletes other patients' ratings, say) or reads as the
   * coach's own, so a file with one is neither a sound history nor restored.
   */
  private static List<String> foreignObjects(Connection c, int version) throws SQLException {
    Map<String, List<String>> expected = schema(version);
    List<String> foreign = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet r = st.executeQuery("SELECT type, name FROM sqlite_master"
            + " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")) {
      while (r.next()) {
        if (!expected.containsKey(r.getString(2))) {
          foreign.add("a " + r.getString(1) + " \"" + coach.routine.Printable.of(r.getString(2))
              + "\" that the coach never makes");
        }
      }
    }
    return foreign;
  }

  /** The tables, columns and indexes schema {@code version} has that the file lacks. */
  private static List<String> missingFromSchema(Connection c, int version) throws SQLException {
    Map<String, List<String>> expected = schema(version);
    List<String> present = rows(c, "SELECT name FROM sqlite_master");
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      if (!present.contains(e.getKey())) {
        missing.add(e.getKey() + " is missing");
        continue;
      }
      List<String> has = columns(c, e.getKey());
      for (String col : e.getValue()) {
        if (!has.contains(col)) {
          missing.add(e.getKey() + "." + col + " is missing");
        }
      }
    }
    return missing;
  }

  private static List<String> columns(Connection c, String tableOrIndex) throws SQLException {
    List<String> cols = new ArrayList<>();
    String pragma = first(c, "SELECT type FROM sqlite_master WHERE name = '"
        + tableOrIndex.replace("'", "''") + "'").equals("index") ? "index_info" : "table_info";
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA " + pragma + "(\"" + tableOrIndex + "\")")) {
      while (r.next()) {
        cols.add(r.getString("name"));
      }
    }
    return cols;
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  private static String first(Connection c, String sql) throws SQLException {
    List<String> r = rows(c, sql);
    return r.isEmpty() ? null : r.get(0);
  }

  private static long count(Connection c, String sql) throws SQLException {
    String v = first(c, sql);
    return v == null ? 0 : Long.parseLong(v);
  }

  private static int pragmaInt(Connection c, String name) throws SQLException {
    return (int) count(c, "PRAGMA " + name);
  }

  private static boolean looksLikeSqlite(Path file) throws IOException {
    byte[] magic = SqliteOpening.SQLITE_MAGIC;
    byte[] head = new byte[magic.length];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(head, 0, head.length) == head.length
          && java.util.Arrays.equals(head, magic);
    }
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

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such folder";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
