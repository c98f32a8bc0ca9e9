package coach.app;

import coach.routine.FileText;
import coach.store.HistoryStore;
import coach.store.PostgresHistoryStore;
import coach.store.PostgresUrl;
import coach.store.SqliteHistoryStore;
import coach.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the history is kept, and the one place that opens it: by default SQLite, in
 * DATA_DIR/history.db; with a database URL ({@code --db}, or {@code COACH_DB} in the
 * environment) the clinic's PostgreSQL, shared by every coach and server that names it, with
 * entries waiting in DATA_DIR/spool while it cannot be reached. The commands, the kiosk and the
 * server only know {@link HistoryStore}.
 */
public final class History {
  /** The environment variable that names the database when no --db is given. */
  public static final String ENV = "COACH_DB";

  private History() {}

  /**
   * The database a command uses: its --db option, else {@value #ENV}, else none (SQLite in the
   * data folder).
   *
   * @throws IllegalArgumentException when it is not a database URL the coach takes (one line)
   */
  public static String database(String option, Map<String, String> env) {
    String db = option != null ? option : env.get(ENV);
    if (db == null || db.isBlank()) {
      return null;
    }
    PostgresUrl.parse(db, env);
    return db;
  }

  /**
   * Whether there is a history yet (a reading command says so rather than create one): false
   * only when the history file is really absent.
   *
   * @throws StoreException when it cannot be told, e.g. the data folder cannot be entered (one
   *     line naming the file); a reading command must not then say there is no history
   */
  public static boolean exists(Path dataDir, String database) throws StoreException {
    if (database != null) {
      return true;
    }
    Path file = SqliteHistoryStore.fileIn(dataDir);
    String unreachable = FileText.unreachable(file);
    if (unreachable != null) {
      throw new StoreException(file + ": " + unreachable);
    }
    return Files.exists(file);
  }

  /** Where the history is, for messages: the file, or the database without its password. */
  public static String where(Path dataDir, String database, Map<String, String> env) {
    return database == null ? SqliteHistoryStore.fileIn(dataDir).toString()
        : PostgresUrl.parse(database, env).toString();
  }

  /**
   * Opens the history, creating it when absent. Refuses, without changing anything, one that is
   * not ours, damaged, from a newer version or read-only.
   *
   * @param database a URL from {@link #database}, or null for the data folder's SQLite file
   */
  public static HistoryStore open(Path dataDir, String database, Map<String, String> env)
      throws StoreException {
    if (database == null) {
      return SqliteHistoryStore.open(SqliteHistoryStore.fileIn(dataDir));
    }
    return PostgresHistoryStore.open(PostgresUrl.parse(database, env), env,
        dataDir.resolve("spool"));
  }

  /** The data folder's own SQLite history. */
  public static HistoryStore open(Path dataDir) throws StoreException {
    return open(dataDir, null, Map.of());
  }

  /** Loads the store's driver ahead of {@link #open}, so another thread can (start-up time). */
  public static void warmUp(String database) {
    if (database == null) {
      SqliteHistoryStore.warmUp();
    }
  }
}
