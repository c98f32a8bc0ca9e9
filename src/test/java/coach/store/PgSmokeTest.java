package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgSmokeTest {
  @TempDir java.nio.file.Path tmp;

  @Test
  void opens() throws Exception {
    String url = TestPostgres.newDatabase();
    try (PostgresHistoryStore s = PostgresHistoryStore.open(PostgresUrl.parse(url, Map.of()),
        Map.of(), tmp.resolve("spool"))) {
      assertEquals(0, s.counts().sessions());
    }
  }
}
