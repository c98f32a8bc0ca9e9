package coach.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The one connection to a history file, shared by its opening, its recorders and its queries:
 * every use holds this object's lock, so one thread at a time uses the connection.
 */
final class SqliteDb extends Db {
  final Path file;
  final Connection connection;

  SqliteDb(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Runs work in one transaction, committed (durably) before returning. When it fails, the
   * first error is the one thrown: a rollback or a reset that fails after it (SQLite may already
   * have ended the transaction on a full disk) is only added to it.
   */
  @Override
  synchronized void inTransaction(Work work) throws SQLException {
    connection.setAutoCommit(false);
    SQLException failed = null;
    try {
      work.run(watched(connection));
      connection.commit();
    } catch (SQLException e) {
      failed = e;
    } catch (RuntimeException e) {
      failed = new SQLException(e.getMessage(), e);
    }
    if (failed != null) {
      try {
        connection.rollback();
      } catch (SQLException e) {
        failed.addSuppressed(e);
      }
    }
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      if (failed == null) {
        throw e;
      }
      failed.addSuppressed(e);
    }
    if (failed != null) {
      throw failed;
    }
  }

  @Override
  synchronized <T> T query(Query<T> q) throws SQLException {
    return q.run(watched(connection));
  }

  /** Moments are kept as ISO-8601 text (UTC), as every version has written them. */
  @Override
  void setTime(PreparedStatement p, int i, Instant t) throws SQLException {
    p.setString(i, t == null ? null : t.toString());
  }

  @Override
  Instant time(ResultSet r, int i) throws SQLException {
    String s = r.getString(i);
    return s == null ? null : time(r.getMetaData().getColumnName(i), s);
  }

  /**
   * A stored time. A value that is not one (a row written by hand or by something else) is an
   * SQLException naming the column and the value, said in one line, never a crash.
   */
  static Instant time(String column, String value) throws SQLException {
    Instant quick = utc(value);
    if (quick != null) {
      return quick;
    }
    try {
      return Instant.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new SQLException(column + " holds \"" + coach.routine.Printable.of(value)
          + "\", which is not a time", e);
    }
  }

  /**
   * A time as every version writes it ({@code Instant.toString()}: 2026-11-26T09:30:00.123456Z,
   * whole seconds without a fraction) read without a formatter: a clinic's board reads tens of
   * thousands at its first read. Null for anything else, which {@link Instant#parse} then reads
   * (or refuses).
   */
  static Instant utc(String v) {
    int n = v.length();
    if (n < 20 || n > 30 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
        || v.charAt(13) != ':' || v.charAt(16) != ':' || v.charAt(n - 1) != 'Z') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 7);
    int day = digits(v, 8, 10);
    int hour = digits(v, 11, 13);
    int minute = digits(v, 14, 16);
    int second = digits(v, 17, 19);
    int nanos = 0;
    if (n > 20) {
      if (v.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
        return null;
      }
      int f = digits(v, 20, n - 1);
      if (f < 0) {
        return null;
      }
      nanos = f;
      for (int i = n - 21; i < 9; i++) {
        nanos *= 10;
      }
    } else if (n != 20) {
      return null;
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    try {
      long days = java.time.LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    } catch (java.time.DateTimeException e) {
      return null; // the 31st of a short month: Instant.parse says so
    }
  }

  /** The decimal number in v[from, to), or -1 when a character is not a digit. */
  private static int digits(String v, int from, int to) {
    int x = 0;
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      x = x * 10 + (c - '0');
    }
    return x;
  }

  /**
   * One more than the highest mark so far: SQLite has one writer at a time (across processes
   * too), so marks are given in the order their transactions commit.
   */
  @Override
  String markSql() {
    return "(" + nextMarkSql() + ")";
  }

  /** Each highest mark from its index (one aggregate per query keeps SQLite's shortcut). */
  @Override
  String nextMarkSql() {
    return "SELECT max(coalesce((SELECT max(changed) FROM patients), 0),"
        + " coalesce((SELECT max(alerted) FROM patients), 0)) + 1";
  }

  @Override
  String name() {
    return file.toString();
  }

  @Override
  boolean full(SQLException e) {
    return full((Throwable) e);
  }

  @Override
  String plain(SQLException e) {
    return plainMessage(e);
  }

  synchronized void close() {
    closeQuietly(connection);
  }

  static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing: nothing left to save
      }
    }
  }

  /** SQLite's "database or disk is full", or the file system's own word for it. */
  static boolean full(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("SQLITE_FULL") || m.contains("disk is full") || m.contains("No space left")
          || m.contains("File too large") || m.contains("SQLITE_IOERR_WRITE")) {
        return true;
      }
    }
    return false;
  }

  /** SQLite's message without the driver's decoration. */
  static String plainMessage(SQLException e) {
    String m = e.getMessage() == null ? "database error" : e.getMessage();
    if (m.contains("SQLITE_NOTADB") || m.contains("file is not a database")) {
      return "this is not a Rehab Coach history file (left unchanged)";
    }
    if (m.contains("SQLITE_CORRUPT")) {
      return "the history file is damaged (left unchanged)";
    }
    if (m.contains("SQLITE_READONLY") || m.contains("readonly")) {
      return "the history file is read-only";
    }
    if (full((Throwable) e) || m.contains("SQLITE_IOERR_SHMSIZE")) {
      return "there is no room on the disk";
    }
    if (m.contains("SQLITE_CANTOPEN")) {
      return "the history file cannot be opened";
    }
    if (m.contains("SQLITE_IOERR")) {
      return "the history file could not be read or written (an input/output error: is it a"
          + " regular file, on a disk that works?)";
    }
    // the first line, without the driver's [SQLITE_...] code
    return m.lines().findFirst().orElse(m).replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
  }
}
