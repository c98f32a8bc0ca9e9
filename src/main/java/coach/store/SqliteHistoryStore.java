package coach.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 * processes may share the file. Opening is {@link SqliteOpening}, writing a session is {@link
 * SqliteRecorder}, reading is {@link SqliteQueries}.
 */
public final class SqliteHistoryStore implements HistoryStore {
  /** Marks our files: "RhCo". */
  static final int APPLICATION_ID = SqliteOpening.APPLICATION_ID;
  static final int SCHEMA_VERSION = SqliteOpening.SCHEMA_VERSION;
  /** How often a live session says so, and how long after its last word it counts as gone. */
  static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(10);
  static final java.time.Duration LIVE_FOR = java.time.Duration.ofSeconds(35);
  /** This machine's name as other processes sharing the history will see it. */
  static final String HOST = hostName();

  private final SqliteDb db;
  private final SqliteQueries queries;
  private final String notice;
  private final Heartbeats heartbeats = new Heartbeats(this::beat);

  private SqliteHistoryStore(SqliteOpening.Opened opened) {
    this.db = opened.db();
    this.queries = new SqliteQueries(db);
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
    return new SqliteHistoryStore(SqliteOpening.open(file));
  }

  @Override
  public SessionRecorder begin(String patient, String routineId, String routineHash,
      Map<String, Integer> startLevels) throws StoreException {
    String id = UUID.randomUUID().toString();
    db.write("the session start", () -> {
      try (PreparedStatement p = db.connection.prepareStatement(
          "INSERT INTO sessions(id, patient, routine_id, routine_hash, started_at, host, pid,"
              + " heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        String now = Instant.now().toString();
        p.setString(1, id);
        p.setString(2, patient);
        p.setString(3, routineId);
        p.setString(4, routineHash);
        p.setString(5, now);
        p.setString(6, HOST);
        p.setLong(7, ProcessHandle.current().pid());
        p.setString(8, now);
        p.executeUpdate();
      }
      try (PreparedStatement p = db.connection.prepareStatement(
          "INSERT INTO levels(session_id, exercise_id, level) VALUES (?, ?, ?)")) {
        for (Map.Entry<String, Integer> e : startLevels.entrySet()) {
          p.setString(1, id);
          p.setString(2, e.getKey());
          p.setInt(3, e.getValue());
          p.addBatch();
        }
        p.executeBatch();
      }
    });
    heartbeats.start(id);
    return new SqliteRecorder(db, heartbeats, id);
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | RuntimeException e) {
      return "this computer";
    }
  }

  /** Marks the given live sessions as still running now (best effort: a failure is retried). */
  private void beat(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      db.inTransaction(() -> {
        try (PreparedStatement p = db.connection.prepareStatement(
            "UPDATE sessions SET heartbeat_at = ? WHERE id = ? AND outcome IS NULL")) {
          String now = Instant.now().toString();
          for (String id : ids) {
            p.setString(1, now);
            p.setString(2, id);
            p.addBatch();
          }
          p.executeBatch();
        }
      });
    } catch (SQLException e) {
      // a full disk or a busy file: the next beat tries again; a session that cannot say it
      // is live for LIVE_FOR only lets a second start resume it
    }
  }

  @Override
  public Optional<Live> live(String patient) throws StoreException {
    return queries.live(patient, HOST, LIVE_FOR);
  }

  @Override
  public List<SessionRow> sessions(String patient, String routineId, Instant since)
      throws StoreException {
    return queries.sessions(patient, routineId, since);
  }

  @Override
  public List<String> patients() throws StoreException {
    return queries.patients();
  }

  @Override
  public List<RatingRow> ratings(String sessionId) throws StoreException {
    return queries.ratings(sessionId);
  }

  @Override
  public List<EventRow> events(String sessionId) throws StoreException {
    return queries.events(sessionId);
  }

  @Override
  public void settleInterrupted(String sessionId) throws StoreException {
    db.write("the earlier session's state", () -> {
      try (PreparedStatement p = db.connection.prepareStatement("UPDATE sessions SET settled = 1,"
          + " outcome = COALESCE(outcome, 'INTERRUPTED') WHERE id = ?")) {
        p.setString(1, sessionId);
        p.executeUpdate();
      }
    });
  }

  /** Runs SQLite's full integrity check; "ok" when the file is sound. */
  public String integrityCheck() throws StoreException {
    return queries.integrityCheck();
  }

  @Override
  public void close() {
    heartbeats.close();
    db.close();
  }
}
