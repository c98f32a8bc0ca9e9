package coach.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A PostgreSQL history: a small pool of connections (a few per process, whatever the number of
 * sessions), each transaction committed before returning, moments as {@code timestamptz}.
 */
final class PostgresDb extends Db implements AutoCloseable {
  /** How long a write or read waits for the database before saying it cannot be reached. */
  static final int CONNECT_SECONDS = 3;

  private final PostgresUrl url;
  private final HikariDataSource pool;

  PostgresDb(PostgresUrl url, Map<String, String> env) {
    this.url = url;
    HikariConfig c = new HikariConfig();
    c.setPoolName("coach-history");
    c.setJdbcUrl(url.jdbcUrl());
    c.setDataSourceProperties(url.properties(env));
    c.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_SECONDS));
    c.addDataSourceProperty("socketTimeout", "30");
    // a batch of rows (a copied history) goes as multi-row inserts, not one round trip a row
    c.addDataSourceProperty("reWriteBatchedInserts", "true");
    c.setMaximumPoolSize(4);
    c.setMinimumIdle(0);
    c.setConnectionTimeout(CONNECT_SECONDS * 1000L + 500);
    // opening checks the database itself (the migrations), with a message of our own
    c.setInitializationFailTimeout(-1);
    this.pool = new HikariDataSource(c);
  }

  @Override
  void inTransaction(Work work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(watched(c));
        c.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      }
    }
  }

  @Override
  <T> T query(Query<T> q) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return q.run(watched(c));
    }
  }

  @Override
  void setTime(PreparedStatement p, int i, Instant t) throws SQLException {
    if (t == null) {
      p.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      p.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    }
  }

  @Override
  Instant time(ResultSet r, int i) throws SQLException {
    OffsetDateTime t = r.getObject(i, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /**
   * The id of the writing transaction. Transactions may commit out of the order of their ids,
   * so a reader asks from the oldest transaction still running when it last read
   * ({@link #nextMarkSql}): one that commits later has an id at least that.
   */
  @Override
  String markSql() {
    return "pg_current_xact_id()::text::bigint";
  }

  @Override
  String nextMarkSql() {
    return "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint";
  }

  /** Copied rows go through COPY into a scratch table, then into theirs: see PostgresBulk. */
  @Override
  Bulk bulk() {
    return PostgresBulk::ratingsAndEvents;
  }

  @Override
  String name() {
    return url.toString();
  }

  @Override
  String plain(SQLException e) {
    return plainAny(e);
  }

  /** PostgreSQL's word for what went wrong, in one line and without the driver's advice. */
  String plainAny(Throwable e) {
    SQLException root = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        root = s;
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException) {
        return "the database cannot be reached (no such host: " + t.getMessage() + ")";
      }
    }
    String state = root == null ? "" : root.getSQLState();
    String m = firstSentence(root != null ? root.getMessage() : e.getMessage());
    if (state.startsWith("08") || (root == null && String.valueOf(e.getMessage())
        .contains("Connection is not available"))) {
      return "the database cannot be reached (" + m + ")";
    }
    if (state.equals("28P01") || state.equals("28000")) {
      return "the database refused the login of " + url.user() + " (" + m + "); give the"
          + " password in PGPASSWORD or ~/.pgpass";
    }
    if (state.equals("3D000")) {
      return "there is no such database (" + m + "); ask for it to be created";
    }
    return m;
  }

  private static String firstSentence(String m) {
    if (m == null || m.isBlank()) {
      return "database error";
    }
    String line = m.lines().findFirst().orElse(m).strip();
    int stop = line.indexOf(". ");
    return stop > 0 ? line.substring(0, stop) : line;
  }

  @Override
  public void close() {
    pool.close();
  }
}
