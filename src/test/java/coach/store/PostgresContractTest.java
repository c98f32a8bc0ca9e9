package coach.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history's promises on a real PostgreSQL server: each opening has a spool folder of its
 * own, as a coach on another computer would.
 */
class PostgresContractTest extends HistoryStoreContract {
  @TempDir Path dir;
  private String url;
  private final AtomicInteger openings = new AtomicInteger();

  @BeforeEach
  void database() {
    url = TestPostgres.newDatabase();
  }

  @Override
  HistoryStore open(java.time.Clock clock) throws Exception {
    return PostgresHistoryStore.open(PostgresUrl.parse(url, Map.of()), Map.of(),
        dir.resolve("spool-" + openings.incrementAndGet()), clock);
  }

  @Override
  void untilLetGo(HistoryStore store, String sessionId) throws Exception {
    long end = System.currentTimeMillis() + 10_000;
    while (((PostgresHistoryStore) store).holds(sessionId)) {
      assertTrue(System.currentTimeMillis() < end, "the spool file was never let go");
      Thread.onSpinWait();
    }
  }

  @Override
  void sql(String statement) throws Exception {
    try (var c = java.sql.DriverManager.getConnection(
        PostgresUrl.parse(url, Map.of()).jdbcUrl(), "postgres", "postgres");
        var st = c.createStatement()) {
      st.execute(statement);
    }
  }
}
