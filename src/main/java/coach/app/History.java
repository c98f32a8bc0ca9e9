package coach.app;

import coach.store.HistoryStore;
import coach.store.SqliteHistoryStore;
import coach.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The history of a data folder, and the one place that chooses where it is kept: SQLite, in
 * DATA_DIR/history.db. Another back end implements {@link HistoryStore} in coach.store and is
 * chosen here; the commands, the kiosk and the server only know the interface.
 */
public final class History {
  private History() {}

  /** Whether the folder has a history yet (a reading command says so rather than create one). */
  public static boolean exists(Path dataDir) {
    return Files.exists(SqliteHistoryStore.fileIn(dataDir));
  }

  /**
   * Opens the folder's history, creating it when absent. Refuses, without changing anything, one
   * that is not ours, damaged, from a newer version or read-only.
   */
  public static HistoryStore open(Path dataDir) throws StoreException {
    return SqliteHistoryStore.open(SqliteHistoryStore.fileIn(dataDir));
  }

  /** Loads the store's driver ahead of {@link #open}, so another thread can (start-up time). */
  public static void warmUp() {
    SqliteHistoryStore.warmUp();
  }
}
