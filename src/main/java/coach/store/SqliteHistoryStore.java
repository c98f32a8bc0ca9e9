package coach.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The history in one SQLite file: WAL journal, {@code synchronous=FULL} so a committed rating
 * survives a crash or a pulled plug, a busy timeout so concurrent writers wait instead of
 * failing, and versioned migrations. One connection, used by one thread at a time; several
 * processes may share the file. Opening is {@link SqliteOpening}; the statements are the ones
 * every back end shares ({@link HistorySql}), written straight through ({@link DirectRecorder}).
 */
public final class SqliteHistoryStore extends SqlHistoryStore {
  /** Marks our files: "RhCo". */
  static final int APPLICATION_ID = SqliteOpening.APPLICATION_ID;
  static final int SCHEMA_VERSION = SqliteOpening.SCHEMA_VERSION;
  static final String HOST = Heartbeats.HOST;

  private final SqliteDb file;
  private final String notice;
  private final Heartbeats heartbeats = new Heartbeats(this::beat);

  private SqliteHistoryStore(SqliteOpening.Opened opened, java.time.Clock clock) {
    super(opened.db(), clock);
    this.file = opened.db();
    this.notice = opened.notice();
  }

  @Override
  public String notice() {
    return notice;
  }

  /** The history file in a data folder. */
  public static Path fileIn(Path dataDir) {
    return dataDir.resolve("history.db");
  }

  /**
   * Loads SQLite's driver and native library without touching any file of ours, so a caller can
   * do it on another thread while it reads the routine (start-up time).
   */
  public static void warmUp() {
    try {
      SqliteNative.prepare();
      Class.forName("org.sqlite.JDBC");
      org.sqlite.SQLiteJDBCLoader.initialize();
    } catch (Exception | LinkageError e) {
      // open() reports any real problem
    }
  }

  /**
   * Opens (creating when absent) the history file. Refuses, without changing anything, a file
   * that is not ours, is damaged, comes from a newer version, or cannot be written.
   */
  public static SqliteHistoryStore open(Path file) throws StoreException {
    return open(file, java.time.Clock.systemUTC());
  }

  /** As {@link #open(Path)}, writing the times {@code clock} tells. */
  public static SqliteHistoryStore open(Path file, java.time.Clock clock)
      throws StoreException {
    return new SqliteHistoryStore(SqliteOpening.open(file), clock);
  }

  @Override
  public SessionRecorder begin(String patient, String routineId, String routineHash,
      Map<String, Integer> startLevels) throws StoreException {
    String id = UUID.randomUUID().toString();
    Entry.Begin b = new Entry.Begin(id, clock.instant(), patient, routineId, routineHash, HOST,
        ProcessHandle.current().pid(), Map.copyOf(startLevels));
    db.write(Entry.what(b), c -> EntrySql.write(c, db, b));
    heartbeats.start(id);
    return new DirectRecorder(db, heartbeats, id, clock);
  }

  /** Marks the given live sessions as still running now (best effort: a failure is retried). */
  private void beat(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      db.inTransaction(c -> EntrySql.heartbeat(c, db, ids, clock.instant()));
    } catch (SQLException e) {
      // a full disk or a busy file: the next beat tries again; a session that cannot say it
      // is live for LIVE_FOR only lets a second start resume it
    }
  }

  @Override
  public void settleInterrupted(String sessionId) throws StoreException {
    Entry.Settle s = new Entry.Settle(sessionId, clock.instant());
    db.write(Entry.what(s), c -> EntrySql.write(c, db, s));
  }

  /** Runs SQLite's full integrity check; "ok" when the file is sound. */
  public String integrityCheck() throws StoreException {
    try {
      return db.query(c -> {
        try (Statement s = c.createStatement();
            ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
          return r.next() ? r.getString(1) : "no answer";
        }
      });
    } catch (SQLException e) {
      throw new StoreException(file.file + ": " + SqliteDb.plainMessage(e), e);
    }
  }

  @Override
  public void close() {
    heartbeats.close();
    file.close();
  }
}
