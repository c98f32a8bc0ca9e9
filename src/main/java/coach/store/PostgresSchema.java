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

  static void migrate(PostgresDb db, PostgresUrl url) throws StoreException {
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
