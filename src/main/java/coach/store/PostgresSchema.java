package coach.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL history's tables, created and brought up to date by the migrations in
 * {@code db/postgresql} ({@link Migrations#POSTGRESQL}). The database keeps what it has in
 * {@code coach_schema_history}, row for row as Flyway kept it (coaches before this one migrated
 * with Flyway, and read it still): one row per migration with its checksum, who applied it and
 * when. Several coaches starting at once take turns (under the lock Flyway took for that table).
 * A database already migrated by a newer coach is refused, untouched.
 */
final class PostgresSchema {
  /** The table that records the migrations applied. */
  static final String TABLE = "coach_schema_history";

  private PostgresSchema() {}

  static void migrate(PostgresDb db, PostgresUrl url) throws StoreException {
    try {
      int at = db.query(LEDGER::version);
      Migrations.POSTGRESQL.migrate(db, LEDGER, at);
    } catch (SQLException e) {
      throw new StoreException(url + ": could not open the history: " + db.plain(e), e);
    }
  }

  /**
   * Whether the ledger's table is there, read from the catalog's rows with this statement's own
   * snapshot: after waiting on the advisory lock, a name looked up through the server's catalog
   * cache (to_regclass) can still miss a table another coach has just made and committed, since
   * an advisory lock does not bring that cache up to date.
   */
  private static boolean exists(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class"
        + " k JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace WHERE k.relname = ?"
        + " AND n.nspname = current_schema())")) {
      p.setString(1, TABLE);
      try (ResultSet r = p.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    }
  }

  /** The newest version recorded; a failed migration (left by a coach cut off) is said. */
  static final Migrations.Ledger LEDGER = new Migrations.Ledger() {
    @Override
    public int version(Connection c) throws SQLException {
      if (!exists(c)) {
        return 0;
      }
      int newest = 0;
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version,"
          + " success FROM " + TABLE + " WHERE version IS NOT NULL")) {
        while (r.next()) {
          if (!r.getBoolean(2)) {
            throw new SQLException("the migration to schema " + r.getString(1) + " failed"
                + " earlier (see " + TABLE + ")");
          }
          newest = Math.max(newest, version(r.getString(1)));
        }
      }
      return newest;
    }

    /** Before migrating on: those applied are the ones this coach carries (as Flyway checked). */
    private void sameAsApplied(Connection c) throws SQLException {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version,"
          + " checksum FROM " + TABLE + " WHERE version IS NOT NULL AND checksum IS NOT NULL")) {
        while (r.next()) {
          int v = version(r.getString(1));
          if (v <= Migrations.POSTGRESQL.latest()
              && r.getInt(2) != Migrations.POSTGRESQL.all().get(v - 1).checksum()) {
            throw new SQLException("the migration to schema " + v + " in " + TABLE
                + " is not the one this coach carries (its checksum differs)");
          }
        }
      }
    }

    /** A version as recorded (whole numbers; "4.1" counts as 5: newer than 4). */
    private int version(String recorded) {
      return new java.math.BigDecimal(recorded).setScale(0, java.math.RoundingMode.CEILING)
          .intValueExact();
    }

    @Override
    public void prepare(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        // the number Flyway locks for this table, so a coach of before waits too
        String quoted = "\"" + schema(c) + "\".\"" + TABLE + "\"";
        s.execute("SELECT pg_advisory_xact_lock(" + (77431708279161L + quoted.hashCode()) + ")");
        if (!exists(c)) {
          s.execute("CREATE TABLE " + TABLE + " (\n"
              + "    \"installed_rank\" INT NOT NULL,\n"
              + "    \"version\" VARCHAR(50),\n"
              + "    \"description\" VARCHAR(200) NOT NULL,\n"
              + "    \"type\" VARCHAR(20) NOT NULL,\n"
              + "    \"script\" VARCHAR(1000) NOT NULL,\n"
              + "    \"checksum\" INTEGER,\n"
              + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
              + "    \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(),\n"
              + "    \"execution_time\" INTEGER NOT NULL,\n"
              + "    \"success\" BOOLEAN NOT NULL\n"
              + ")");
          s.execute("ALTER TABLE " + TABLE + " ADD CONSTRAINT \"" + TABLE
              + "_pk\" PRIMARY KEY (\"installed_rank\")");
          s.execute("CREATE INDEX \"" + TABLE + "_s_idx\" ON " + TABLE + " (\"success\")");
        }
      }
      sameAsApplied(c);
    }

    private String schema(Connection c) throws SQLException {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT current_schema()")) {
        return r.next() && r.getString(1) != null ? r.getString(1) : "public";
      }
    }

    @Override
    public void applied(Connection c, Migrations.Migration m, int millis) throws SQLException {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO " + TABLE + " (installed_rank,"
          + " version, description, type, script, checksum, installed_by, execution_time,"
          + " success) SELECT COALESCE(max(installed_rank), 0) + 1, ?, ?, 'SQL', ?, ?,"
          + " current_user, ?, true FROM " + TABLE)) {
        p.setString(1, String.valueOf(m.version()));
        p.setString(2, m.description());
        p.setString(3, m.script());
        p.setInt(4, m.checksum());
        p.setInt(5, millis);
        p.executeUpdate();
      }
    }
  };
}
