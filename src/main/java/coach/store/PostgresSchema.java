package coach.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The PostgreSQL history's tables, created and brought up to date by Flyway from the versioned
 * migrations in {@code db/postgresql} (V1__..., V2__...; applied in order, once, never edited).
 * Several coaches starting at once take turns (Flyway locks the database while it migrates). A
 * database already migrated by a newer coach is refused, untouched.
 */
final class PostgresSchema {
  /** The newest migration this coach carries. */
  static final String VERSION = "3";

  private PostgresSchema() {}

  /**
   * The newest migration the database has, when its record is one this coach can read at a
   * glance (whole numbers, every one a success, none missing from 1 up); null otherwise (no
   * record yet, a failed migration, or a gap): then Flyway looks, and says.
   */
  private static Integer applied(PostgresDb db) {
    try {
      return db.query(c -> {
        java.util.TreeSet<Integer> versions = new java.util.TreeSet<>();
        try (var st = c.createStatement(); var r = st.executeQuery(
            "SELECT version, success FROM coach_schema_history WHERE version IS NOT NULL")) {
          while (r.next()) {
            if (!r.getBoolean(2)) {
              return null;
            }
            versions.add(Integer.parseInt(r.getString(1)));
          }
        }
        return !versions.isEmpty() && versions.first() == 1
            && versions.last() == versions.size() ? versions.last() : null;
      });
    } catch (java.sql.SQLException | RuntimeException e) {
      return null; // no record yet (a new database), or one of another shape: Flyway's turn
    }
  }

  static void migrate(PostgresDb db, PostgresUrl url) throws StoreException {
    Integer applied = applied(db);
    if (applied != null && applied > Integer.parseInt(VERSION)) {
      throw new StoreException(url + ": this history was written by a newer version of the"
          + " coach (schema " + applied + "); please update the coach");
    }
    if (applied != null && applied == Integer.parseInt(VERSION)) {
      return; // up to date: no need to start Flyway (a second or so at every command)
    }
    Flyway flyway = Flyway.configure(PostgresSchema.class.getClassLoader())
        .dataSource(db.dataSource())
        .locations("classpath:db/postgresql")
        .table("coach_schema_history")
        .failOnMissingLocations(true)
        .load();
    try {
      MigrationInfo current = flyway.info().current();
      if (current != null && current.getVersion() != null
          && current.getVersion().isNewerThan(VERSION)) {
        throw new StoreException(url + ": this history was written by a newer version of the"
            + " coach (schema " + current.getVersion() + "); please update the coach");
      }
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StoreException(url + ": could not open the history: " + db.plainAny(e), e);
    }
  }
}
