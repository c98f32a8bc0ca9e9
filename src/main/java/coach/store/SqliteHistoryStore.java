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
public final class SqliteHistoryStore implements HistoryStore {
  /** Marks our files: "RhCo". */
  static final int APPLICATION_ID = SqliteOpening.APPLICATION_ID;
  static final int SCHEMA_VERSION = SqliteOpening.SCHEMA_VERSION;
  static final String HOST = Heartbeats.HOST;

  private final SqliteDb db;
  private final String notice;
  private final Heartbeats heartbeats = new Heartbeats(this::beat);

  private SqliteHistoryStore(SqliteOpening.Opened opened) {
    this.db = opened.db();
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
    Entry.Begin b = new Entry.Begin(id, Instant.now(), patient, routineId, routineHash, HOST,
        ProcessHandle.current().pid(), Map.copyOf(startLevels));
    db.write(Entry.what(b), c -> HistorySql.write(c, db, b));
    heartbeats.start(id);
    return new DirectRecorder(db, heartbeats, id);
  }

  /** Marks the given live sessions as still running now (best effort: a failure is retried). */
  private void beat(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      db.inTransaction(c -> HistorySql.heartbeat(c, db, ids, Instant.now()));
    } catch (SQLException e) {
      // a full disk or a busy file: the next beat tries again; a session that cannot say it
      // is live for LIVE_FOR only lets a second start resume it
    }
  }

  @Override
  public Optional<Live> live(String patient) throws StoreException {
    return db.read(c -> HistorySql.live(c, db, patient, HOST, Heartbeats.LIVE_FOR));
  }

  @Override
  public List<SessionRow> sessions(String patient, String routineId, Instant since)
      throws StoreException {
    return db.read(c -> HistorySql.sessions(c, db, patient, routineId, since));
  }

  @Override
  public List<String> patients() throws StoreException {
    return db.read(HistorySql::patients);
  }

  @Override
  public List<RatingRow> ratings(String sessionId) throws StoreException {
    return db.read(c -> HistorySql.ratings(c, db, sessionId));
  }

  @Override
  public List<EventRow> events(String sessionId) throws StoreException {
    return db.read(c -> HistorySql.events(c, db, sessionId));
  }

  @Override
  public void settleInterrupted(String sessionId) throws StoreException {
    Entry.Settle s = new Entry.Settle(sessionId, Instant.now());
    db.write(Entry.what(s), c -> HistorySql.write(c, db, s));
  }

  @Override
  public void copy(SessionRow session, List<RatingRow> ratings, List<EventRow> events)
      throws StoreException {
    db.write("a copied session", c -> HistorySql.copy(c, db, session, ratings, events));
  }

  @Override
  public Optional<AlertRow> raise(String patient, AlertKind kind, String cause, String facts,
      Instant at) throws StoreException {
    Optional<AlertRow>[] out = new Optional[] {Optional.empty()};
    db.write("an alert", c -> out[0] = HistorySql.raise(c, db, patient, kind, cause, facts, at));
    return out[0];
  }

  @Override
  public List<AlertRow> alerts(String patient, boolean openOnly, Instant since)
      throws StoreException {
    return db.read(c -> HistorySql.alerts(c, db, patient, openOnly, since));
  }

  @Override
  public boolean acknowledge(long id, String by, String note, Instant at)
      throws StoreException {
    boolean[] done = {false};
    db.write("an acknowledgement", c -> done[0] = HistorySql.acknowledge(c, db, id, by, note,
        at));
    return done[0];
  }

  @Override
  public List<AlertRow> undelivered(Instant now) throws StoreException {
    return db.read(c -> HistorySql.undelivered(c, db, now));
  }

  @Override
  public void delivery(List<Long> ids, Instant at, Instant next) throws StoreException {
    db.write("an alert's delivery", c -> HistorySql.delivery(c, db, ids, at, next));
  }

  @Override
  public Counts counts() throws StoreException {
    return db.read(HistorySql::counts);
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
      throw new StoreException(db.file + ": " + SqliteDb.plainMessage(e), e);
    }
  }

  @Override
  public void close() {
    heartbeats.close();
    db.close();
  }
}
