package coach.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The history's promises on SQLite: one file in the data folder. */
class SqliteContractTest extends HistoryStoreContract {
  @TempDir Path dir;

  @Override
  HistoryStore open(java.time.Clock clock) throws Exception {
    return SqliteHistoryStore.open(dir.resolve("history.db"), clock);
  }

  @Override
  void sql(String statement) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
        var st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 5000");
      st.execute(statement);
    }
  }
}
