package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases migrated by the coaches before this one (with Flyway, recorded in
 * coach_schema_history) open and are brought up to date as Flyway would have, and what this
 * coach records is what Flyway reads: Flyway itself checks it here.
 */
class PostgresSchemaTest {
  @TempDir Path dir;

  private static Flyway flyway(PostgresUrl u, String target) {
    return Flyway.configure(PostgresSchemaTest.class.getClassLoader())
        .dataSource(u.jdbcUrl(), "postgres", "postgres")
        .locations("classpath:db/postgresql")
        .table(PostgresSchema.TABLE)
        .target(target)
        .lockRetryCount(1)
        .load();
  }

  private static List<String> ledger(PostgresUrl u) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(u.jdbcUrl(), "postgres", "postgres");
        Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT installed_rank,"
            + " version, description, type, script, checksum, success FROM "
            + PostgresSchema.TABLE + " ORDER BY installed_rank")) {
      while (r.next()) {
        out.add(r.getInt(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4)
            + " " + r.getString(5) + " " + r.getInt(6) + " " + r.getBoolean(7));
      }
    }
    return out;
  }

  private PostgresUrl database() {
    return PostgresUrl.parse(TestPostgres.newDatabase(), Map.of());
  }

  private void open(PostgresUrl u) throws Exception {
    PostgresHistoryStore.open(u, Map.of(), dir.resolve("spool")).close();
  }

  @Test
  void aNewDatabaseRecordsItsMigrationsAsFlywayDid() throws Exception {
    PostgresUrl byFlyway = database();
    flyway(byFlyway, "latest").migrate();
    PostgresUrl byCoach = database();
    open(byCoach);
    assertEquals(ledger(byFlyway), ledger(byCoach));
    assertEquals(Migrations.POSTGRESQL.latest(), ledger(byCoach).size());
    flyway(byCoach, "latest").validate(); // checksums, names and order as Flyway reads them
  }

  @Test
  void aDatabaseFlywayLeftAtAnOlderVersionIsBroughtUpToDate() throws Exception {
    PostgresUrl full = database();
    flyway(full, "latest").migrate();
    for (int version = 1; version < Migrations.POSTGRESQL.latest(); version++) {
      PostgresUrl u = database();
      flyway(u, String.valueOf(version)).migrate();
      open(u);
      assertEquals(ledger(full), ledger(u), "from version " + version);
      flyway(u, "latest").validate();
      open(u); // and again: nothing left to do
    }
  }

  @Test
  void aCoachMigratingHoldsTheLockFlywayTakes() throws Exception {
    PostgresUrl u = database();
    flyway(u, "1").migrate(); // a coach of before made it; this one is to bring it on
    try (Connection c = DriverManager.getConnection(u.jdbcUrl(), "postgres", "postgres")) {
      c.setAutoCommit(false);
      PostgresSchema.LEDGER.prepare(c); // as a coach does before migrating, in its transaction
      FlywayException e = assertThrows(FlywayException.class,
          () -> flyway(u, "latest").migrate());
      assertTrue(e.getMessage().contains("lock"), e.getMessage());
      c.rollback();
    }
    flyway(u, "latest").migrate();
  }

  @Test
  void coachesOpeningANewDatabaseTogetherMigrateItOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      PostgresUrl u = database();
      int coaches = 4;
      java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(
          coaches);
      List<java.util.concurrent.Future<?>> opened = new ArrayList<>();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(coaches);
      try {
        for (int i = 0; i < coaches; i++) {
          Path spool = dir.resolve("spool-" + round + "-" + i);
          opened.add(pool.submit(() -> {
            together.await();
            PostgresHistoryStore.open(u, Map.of(), spool).close();
            return null;
          }));
        }
        for (java.util.concurrent.Future<?> f : opened) {
          f.get(); // a coach that could not open throws here
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(Migrations.POSTGRESQL.latest(), ledger(u).size(), "each migration once");
    }
  }
}
