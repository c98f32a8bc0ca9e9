package coach.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a history file outside an open store (a backup, a restore, a check): connecting without
 * creating or changing it, telling whether it is ours, what it holds, and a failure in words.
 */
final class SqliteFiles {
  private SqliteFiles() {}

  /** A connection to a history file that is there and looks like SQLite's (never created). */
  static Connection connect(Path file) throws SQLException, StoreException {
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

  /** Refuses a file that is not a history of ours, or one from a newer coach. */
  static void ours(Connection c, Path file) throws SQLException, StoreException {
    if (pragmaInt(c, "application_id") != SqliteOpening.APPLICATION_ID) {
      throw new StoreException(file + ": this is not a Rehab Coach history file");
    }
    int version = pragmaInt(c, "user_version");
    if (version > Migrations.SQLITE.latest()) {
      throw Migrations.newer(file.toString(), version);
    }
  }

  /** What the history holds. */
  static SqliteBackup.Contents contents(Connection c) throws SQLException {
    String last = first(c, "SELECT max(started_at) FROM sessions");
    return new SqliteBackup.Contents(pragmaInt(c, "user_version"),
        count(c, "SELECT count(*) FROM sessions"),
        count(c, "SELECT count(DISTINCT patient) FROM sessions"),
        count(c, "SELECT count(*) FROM ratings"), count(c, "SELECT count(*) FROM events"),
        last == null ? null : SqliteDb.time("started_at", last));
  }

  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  static String first(Connection c, String sql) throws SQLException {
    List<String> r = rows(c, sql);
    return r.isEmpty() ? null : r.get(0);
  }

  static long count(Connection c, String sql) throws SQLException {
    String v = first(c, sql);
    return v == null ? 0 : Long.parseLong(v);
  }

  static int pragmaInt(Connection c, String name) throws SQLException {
    return (int) count(c, "PRAGMA " + name);
  }

  static boolean looksLikeSqlite(Path file) throws IOException {
    byte[] magic = SqliteOpening.SQLITE_MAGIC;
    byte[] head = new byte[magic.length];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(head, 0, head.length) == head.length
          && java.util.Arrays.equals(head, magic);
    }
  }

  static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such folder";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
