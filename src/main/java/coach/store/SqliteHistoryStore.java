package coach.store;

import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Rating;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The history in one SQLite file: WAL journal, {@code synchronous=FULL} so a committed rating
 * survives a crash or a pulled plug, a busy timeout so concurrent writers wait instead of
 * failing, and versioned migrations. One connection, used by one thread at a time; several
 * processes may share the file.
 */
public final class SqliteHistoryStore implements HistoryStore {
  /** Marks our files: "RhCo". */
  static final int APPLICATION_ID = 0x5268436f;
  static final int SCHEMA_VERSION = SqliteSchema.VERSION;
  /** How often a live session says so, and how long after its last word it counts as gone. */
  static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(10);
  static final java.time.Duration LIVE_FOR = java.time.Duration.ofSeconds(35);
  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private final Connection db;
  private String notice;

  @Override
  public String notice() {
    return notice;
  }

  private SqliteHistoryStore(Path file, Connection db) {
    this.file = file;
    this.db = db;
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
    SqliteNative.prepare();
    boolean fresh = !Files.exists(file);
    boolean empty = false;
    try {
      if (fresh) {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
          Files.createDirectories(dir);
          trySetPermissions(dir, "rwx------");
        }
        Files.createFile(file);
        trySetPermissions(file, "rw-------");
      } else {
        checkLooksLikeSqlite(file);
        empty = Files.size(file) == 0;
        if (!Files.isWritable(file)) {
          throw new StoreException(file + ": the history file is read-only; ratings could not"
              + " be saved");
        }
      }
    } catch (AccessDeniedException e) {
      throw new StoreException(file + ": cannot create the history file here (permission"
          + " denied)", e);
    } catch (IOException e) {
      throw new StoreException(file + ": cannot create the history file: " + e.getMessage(), e);
    }
    Connection c = null;
    try {
      c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
        s.execute("PRAGMA foreign_keys = ON");
      }
      SqliteHistoryStore store = new SqliteHistoryStore(file, c);
      store.migrate(fresh);
      if (empty) {
        store.notice = file + ": the history file was empty (0 bytes), so a new history was"
            + " started in it; if it held sessions, restore it from a backup";
      }
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = FULL");
      }
      return store;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new StoreException(file + ": " + plain(e), e);
    } catch (StoreException e) {
      closeQuietly(c);
      throw e;
    }
  }

  private static void checkLooksLikeSqlite(Path file) throws IOException, StoreException {
    if (Files.isDirectory(file)) {
      throw new StoreException(file + ": is a folder, not a history file");
    }
    if (Files.size(file) == 0) {
      return; // created but never written: treated as new
    }
    byte[] head = new byte[SQLITE_MAGIC.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n < head.length || !java.util.Arrays.equals(head, SQLITE_MAGIC)) {
      throw new StoreException(file + ": this is not a Rehab Coach history file (left unchanged)");
    }
  }

  private void migrate(boolean fresh) throws SQLException, StoreException {
    int appId = pragmaInt("application_id");
    int version = pragmaInt("user_version");
    if (appId == 0 && version == 0) {
      if (hasTables()) {
        throw new StoreException(file + ": this database belongs to another program (left"
            + " unchanged)");
      }
    } else if (appId != APPLICATION_ID) {
      throw new StoreException(file + ": this database belongs to another program (left"
          + " unchanged)");
    }
    if (version > SCHEMA_VERSION) {
      throw new StoreException(file + ": this history was written by a newer version of the"
          + " coach (schema " + version + "); please update the coach");
    }
    if (version < 1) {
      inTransaction(() -> {
        try (Statement s = db.createStatement()) {
          for (String sql : SqliteSchema.MIGRATION_1) {
            s.execute(sql);
          }
          s.execute("PRAGMA application_id = " + APPLICATION_ID);
          s.execute("PRAGMA user_version = 1");
        }
      });
    }
    if (version < 2) {
      inTransaction(() -> {
        try (Statement s = db.createStatement()) {
          for (String sql : SqliteSchema.MIGRATION_2) {
            s.execute(sql);
          }
          s.execute("PRAGMA user_version = 2");
        }
      });
    }
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA quick_check")) {
      if (!r.next() || !"ok".equals(r.getString(1))) {
        throw new StoreException(file + ": the history file is damaged (left unchanged)");
      }
    }
  }

  private boolean hasTables() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return r.next() && r.getInt(1) > 0;
    }
  }

  private int pragmaInt(String name) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  @FunctionalInterface
  private interface Work {
    void run() throws SQLException;
  }

  /**
   * Runs work in one transaction, committed (durably) before returning. When it fails, the
   * first error is the one thrown: a rollback or a reset that fails after it (SQLite may already
   * have ended the transaction on a full disk) is only added to it.
   */
  private synchronized void inTransaction(Work work) throws SQLException {
    db.setAutoCommit(false);
    SQLException failed = null;
    try {
      work.run();
      db.commit();
    } catch (SQLException e) {
      failed = e;
    } catch (RuntimeException e) {
      failed = new SQLException(e.getMessage(), e);
    }
    if (failed != null) {
      try {
        db.rollback();
      } catch (SQLException e) {
        failed.addSuppressed(e);
      }
    }
    try {
      db.setAutoCommit(true);
    } catch (SQLException e) {
      if (failed == null) {
        throw e;
      }
      failed.addSuppressed(e);
    }
    if (failed != null) {
      throw failed;
    }
  }

  private void write(String what, Work work) throws StoreException {
    try {
      inTransaction(work);
    } catch (SQLException e) {
      throw new StoreException(file + ": could not save " + what + ": " + plain(e), e, full(e));
    }
  }

  @Override
  public SessionRecorder begin(String patient, String routineId, String routineHash,
      Map<String, Integer> startLevels) throws StoreException {
    String id = UUID.randomUUID().toString();
    write("the session start", () -> {
      try (PreparedStatement p = db.prepareStatement(
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
      try (PreparedStatement p = db.prepareStatement(
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
    return new Recorder(id);
  }

  /** This machine's name as other processes sharing the history will see it. */
  static final String HOST = hostName();

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | RuntimeException e) {
      return "this computer";
    }
  }

  private final Heartbeats heartbeats = new Heartbeats(this::beat);

  /** Marks the given live sessions as still running now (best effort: a failure is retried). */
  private void beat(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      inTransaction(() -> {
        try (PreparedStatement p = db.prepareStatement(
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
  public synchronized java.util.Optional<Live> live(String patient) throws StoreException {
    try (PreparedStatement p = db.prepareStatement("SELECT id, host, pid, started_at,"
        + " heartbeat_at FROM sessions WHERE patient = ? AND outcome IS NULL AND heartbeat_at"
        + " IS NOT NULL ORDER BY started_at DESC")) {
      p.setString(1, patient);
      try (ResultSet r = p.executeQuery()) {
        Instant now = Instant.now();
        while (r.next()) {
          Live l = new Live(r.getString(1), r.getString(2), r.getLong(3),
              Instant.parse(r.getString(4)), Instant.parse(r.getString(5)));
          boolean fresh = l.heartbeat().plus(LIVE_FOR).isAfter(now);
          boolean gone = HOST.equals(l.host()) && ProcessHandle.of(l.pid())
              .map(ph -> !ph.isAlive()).orElse(true);
          if (fresh && !gone) {
            return java.util.Optional.of(l);
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException(file + ": could not read the history: " + plain(e), e);
    }
    return java.util.Optional.empty();
  }

  private final class Recorder implements SessionRecorder {
    private final String id;
    private int seq;

    Recorder(String id) {
      this.id = id;
    }

    @Override
    public String sessionId() {
      return id;
    }

    @Override
    public void apply(Effect effect) throws StoreException {
      String now = Instant.now().toString();
      if (effect instanceof Effect.RecordRating r) {
        Rating x = r.rating();
        int n = seq + 1; // taken only when the rating is saved, so a retry keeps its number
        write("a pain rating", () -> {
          try (PreparedStatement p = db.prepareStatement("INSERT INTO ratings(session_id, seq,"
              + " at, kind, exercise_id, level, level_id, set_no, round_no, round_label, value,"
              + " region) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, id);
            p.setInt(2, n);
            p.setString(3, now);
            p.setString(4, x.kind().name());
            p.setString(5, x.exerciseId());
            p.setInt(6, x.level());
            p.setString(7, x.levelId());
            p.setInt(8, x.set());
            p.setInt(9, x.round());
            p.setString(10, x.roundLabel());
            p.setInt(11, x.value());
            p.setString(12, x.region());
            p.executeUpdate();
          }
        });
        seq = n;
      } else if (effect instanceof Effect.RecordSwitch s) {
        write("a change of level", () -> {
          event(now, RecordKind.SWITCH, s.exerciseId(), s.fromLevel(), s.toLevel(),
              s.reason().code());
          try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO levels"
              + "(session_id, exercise_id, level) VALUES (?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, s.exerciseId());
            p.setInt(3, s.toLevel());
            p.executeUpdate();
          }
        });
      } else if (effect instanceof Effect.RecordContactShown c) {
        write("a contact note", () -> event(now, RecordKind.CONTACT, c.exerciseId(), -1, -1,
            c.reason().code()));
      } else if (effect instanceof Effect.RecordRedFlag f) {
        write("a red flag", () -> event(now, RecordKind.RED_FLAG, null, -1, -1, f.questionId()));
      } else if (effect instanceof Effect.RecordNextMorning m) {
        write("the next-morning answer", () -> event(now, RecordKind.NEXT_MORNING, null, -1, -1,
            m.worse() ? RecordKind.WORSE : RecordKind.NOT_WORSE));
      } else if (effect instanceof Effect.ResumeAnswered a) {
        write("the resume answer", () -> event(now, RecordKind.RESUME, null, -1, -1,
            a.resumed() ? RecordKind.CONTINUED : RecordKind.STARTED_FRESH));
      } else if (effect instanceof Effect.RecordProgress p) {
        write("the session's progress", () -> {
          try (PreparedStatement st = db.prepareStatement("UPDATE sessions SET resume_exercise"
              + " = ?, resume_set = ?, resume_round = ? WHERE id = ?")) {
            st.setInt(1, p.exerciseIndex());
            st.setInt(2, p.set());
            st.setInt(3, p.round());
            st.setString(4, id);
            st.executeUpdate();
          }
        });
      } else if (effect instanceof Effect.SessionEnded e) {
        heartbeats.stop(id);
        write("the end of the session", () -> {
          try (PreparedStatement st = db.prepareStatement("UPDATE sessions SET ended_at = ?,"
              + " outcome = ? WHERE id = ? AND outcome IS NULL")) {
            st.setString(1, now);
            st.setString(2, e.outcome().name());
            st.setString(3, id);
            st.executeUpdate();
          }
        });
      }
    }

    private void event(String at, RecordKind kind, String exercise, int from, int to,
        String detail) throws SQLException {
      try (PreparedStatement p = db.prepareStatement("INSERT INTO events(session_id, at, kind,"
          + " exercise_id, from_level, to_level, detail) VALUES (?,?,?,?,?,?,?)")) {
        p.setString(1, id);
        p.setString(2, at);
        p.setString(3, kind.name());
        p.setString(4, exercise);
        p.setInt(5, from);
        p.setInt(6, to);
        p.setString(7, detail);
        p.executeUpdate();
      }
    }
  }

  @Override
  public synchronized List<SessionRow> sessions(String patient, String routineId, Instant since)
      throws StoreException {
    StringBuilder sql = new StringBuilder("SELECT id, patient, routine_id, routine_hash,"
        + " started_at, ended_at, outcome, resume_exercise, resume_set, resume_round, settled"
        + " FROM sessions WHERE 1 = 1");
    List<String> args = new ArrayList<>();
    if (patient != null) {
      sql.append(" AND patient = ?");
      args.add(patient);
    }
    if (routineId != null) {
      sql.append(" AND routine_id = ?");
      args.add(routineId);
    }
    if (since != null) {
      sql.append(" AND started_at >= ?");
      args.add(since.toString());
    }
    sql.append(" ORDER BY started_at, rowid");
    try (PreparedStatement p = db.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        p.setString(i + 1, args.get(i));
      }
      List<SessionRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String id = r.getString(1);
          String ended = r.getString(6);
          String outcome = r.getString(7);
          out.add(new SessionRow(id, r.getString(2), r.getString(3), r.getString(4),
              Instant.parse(r.getString(5)), ended == null ? null : Instant.parse(ended),
              outcome == null ? null : Outcome.valueOf(outcome), r.getInt(8), r.getInt(9),
              r.getInt(10), r.getInt(11) != 0, new HashMap<>()));
        }
      }
      for (SessionRow row : out) {
        try (PreparedStatement p2 = db.prepareStatement(
            "SELECT exercise_id, level FROM levels WHERE session_id = ? ORDER BY exercise_id")) {
          p2.setString(1, row.id());
          try (ResultSet r = p2.executeQuery()) {
            while (r.next()) {
              row.levels().put(r.getString(1), r.getInt(2));
            }
          }
        }
      }
      List<SessionRow> frozen = new ArrayList<>();
      for (SessionRow s : out) {
        frozen.add(new SessionRow(s.id(), s.patient(), s.routineId(), s.routineHash(),
            s.started(), s.ended(), s.outcome(), s.resumeExercise(), s.resumeSet(),
            s.resumeRound(), s.settled(), Map.copyOf(new LinkedHashMap<>(s.levels()))));
      }
      return frozen;
    } catch (SQLException e) {
      throw new StoreException(file + ": could not read the history: " + plain(e), e);
    }
  }

  @Override
  public synchronized List<String> patients() throws StoreException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT DISTINCT patient FROM sessions ORDER BY patient")) {
      List<String> out = new ArrayList<>();
      while (r.next()) {
        out.add(r.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(file + ": could not read the history: " + plain(e), e);
    }
  }

  @Override
  public synchronized List<RatingRow> ratings(String sessionId) throws StoreException {
    try (PreparedStatement p = db.prepareStatement("SELECT seq, at, kind, exercise_id, level,"
        + " level_id, set_no, round_no, round_label, value, region FROM ratings"
        + " WHERE session_id = ? ORDER BY seq")) {
      p.setString(1, sessionId);
      List<RatingRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          Rating x = new Rating(Rating.Kind.valueOf(r.getString(3)), r.getString(4), r.getInt(5),
              r.getString(6), r.getInt(7), r.getInt(8), r.getString(9), r.getInt(10),
              r.getString(11));
          out.add(new RatingRow(sessionId, r.getInt(1), Instant.parse(r.getString(2)), x));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(file + ": could not read the history: " + plain(e), e);
    }
  }

  @Override
  public synchronized List<EventRow> events(String sessionId) throws StoreException {
    try (PreparedStatement p = db.prepareStatement("SELECT at, kind, exercise_id, from_level,"
        + " to_level, detail FROM events WHERE session_id = ? ORDER BY id")) {
      p.setString(1, sessionId);
      List<EventRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new EventRow(sessionId, Instant.parse(r.getString(1)),
              RecordKind.valueOf(r.getString(2)), r.getString(3), r.getInt(4), r.getInt(5),
              r.getString(6)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(file + ": could not read the history: " + plain(e), e);
    }
  }

  @Override
  public void settleInterrupted(String sessionId) throws StoreException {
    write("the earlier session's state", () -> {
      try (PreparedStatement p = db.prepareStatement("UPDATE sessions SET settled = 1,"
          + " outcome = COALESCE(outcome, 'INTERRUPTED') WHERE id = ?")) {
        p.setString(1, sessionId);
        p.executeUpdate();
      }
    });
  }

  /** Runs SQLite's full integrity check; "ok" when the file is sound. */
  public synchronized String integrityCheck() throws StoreException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
      return r.next() ? r.getString(1) : "no answer";
    } catch (SQLException e) {
      throw new StoreException(file + ": " + plain(e), e);
    }
  }

  @Override
  public void close() {
    heartbeats.close();
    synchronized (this) {
      closeQuietly(db);
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing: nothing left to save
      }
    }
  }

  private static void trySetPermissions(Path p, String perms) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
  }

  /** SQLite's message without the driver's decoration. */
  /** SQLite's "database or disk is full", or the file system's own word for it. */
  static boolean full(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("SQLITE_FULL") || m.contains("disk is full") || m.contains("No space left")
          || m.contains("File too large") || m.contains("SQLITE_IOERR_WRITE")) {
        return true;
      }
    }
    return false;
  }

  static String plain(SQLException e) {
    String m = e.getMessage() == null ? "database error" : e.getMessage();
    if (m.contains("SQLITE_NOTADB") || m.contains("file is not a database")) {
      return "this is not a Rehab Coach history file (left unchanged)";
    }
    if (m.contains("SQLITE_CORRUPT")) {
      return "the history file is damaged (left unchanged)";
    }
    if (m.contains("SQLITE_READONLY") || m.contains("readonly")) {
      return "the history file is read-only";
    }
    if (full(e)) {
      return "there is no room on the disk (" + m.lines().findFirst().orElse(m) + ")";
    }
    if (m.contains("SQLITE_CANTOPEN")) {
      return "the history file cannot be opened";
    }
    return m.lines().findFirst().orElse(m);
  }
}
