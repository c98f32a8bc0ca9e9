package coach.store;

import coach.session.Outcome;
import coach.session.Rating;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements both back ends run, in SQL that SQLite and PostgreSQL read alike. Every write
 * is idempotent: an entry written twice (a retry, a spool sent again after a crash) leaves the
 * history as if written once.
 */
final class HistorySql {
  private HistorySql() {}

  /** Writes one entry on the connection, inside the caller's transaction. */
  static void write(Connection c, Db db, Entry entry) throws SQLException {
    if (entry instanceof Entry.Begin b) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO sessions(id, patient,"
          + " routine_id, routine_hash, started_at, host, pid, heartbeat_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
        p.setString(1, b.sessionId());
        p.setString(2, b.patient());
        p.setString(3, b.routineId());
        p.setString(4, b.routineHash());
        db.setTime(p, 5, b.at());
        p.setString(6, b.host());
        p.setLong(7, b.pid());
        db.setTime(p, 8, b.at());
        p.executeUpdate();
      }
      levels(c, b.sessionId(), b.levels(), false);
      began(c, db, b.patient(), b.at());
    } else if (entry instanceof Entry.RatingEntry r) {
      rating(c, db, r.sessionId(), r.seq(), r.at(), r.rating());
      touchSession(c, db, r.sessionId());
    } else if (entry instanceof Entry.EventEntry e) {
      event(c, db, e);
      if (e.kind() == RecordKind.SWITCH) {
        levels(c, e.sessionId(), Map.of(e.exerciseId(), e.toLevel()), true);
      }
      touchSession(c, db, e.sessionId());
    } else if (entry instanceof Entry.Progress p) {
      try (PreparedStatement st = c.prepareStatement("UPDATE sessions SET resume_exercise = ?,"
          + " resume_set = ?, resume_round = ? WHERE id = ?")) {
        st.setInt(1, p.exercise());
        st.setInt(2, p.set());
        st.setInt(3, p.round());
        st.setString(4, p.sessionId());
        st.executeUpdate();
      }
    } else if (entry instanceof Entry.End e) {
      try (PreparedStatement st = c.prepareStatement("UPDATE sessions SET ended_at = ?,"
          + " outcome = ? WHERE id = ? AND outcome IS NULL")) {
        db.setTime(st, 1, e.at());
        st.setString(2, e.outcome().name());
        st.setString(3, e.sessionId());
        st.executeUpdate();
      }
      touchSession(c, db, e.sessionId());
    } else if (entry instanceof Entry.Settle s) {
      try (PreparedStatement st = c.prepareStatement("UPDATE sessions SET settled = 1,"
          + " outcome = COALESCE(outcome, 'INTERRUPTED') WHERE id = ?")) {
        st.setString(1, s.sessionId());
        st.executeUpdate();
      }
      touchSession(c, db, s.sessionId());
    }
  }

  /** A session began: the patient's row knows it, with the mark of this change. */
  private static void began(Connection c, Db db, String patient, Instant at) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO patients(patient, last_started,"
        + " changed) VALUES (?, ?, " + db.markSql() + ") ON CONFLICT (patient) DO UPDATE SET"
        + " changed = excluded.changed, last_started = CASE WHEN patients.last_started IS NULL"
        + " OR excluded.last_started > patients.last_started THEN excluded.last_started"
        + " ELSE patients.last_started END")) {
      p.setString(1, patient);
      db.setTime(p, 2, at);
      p.executeUpdate();
    }
  }

  /** Something of the session's patient changed: their row gets the mark of this change. */
  private static void touchSession(Connection c, Db db, String session) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE patients SET changed = "
        + db.markSql() + " WHERE patient = (SELECT patient FROM sessions WHERE id = ?)")) {
      p.setString(1, session);
      p.executeUpdate();
    }
  }

  /** An alert of the patient was raised or acknowledged: the mark of this change. */
  static void touchPatient(Connection c, Db db, String patient) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO patients(patient, changed,"
        + " alerted) VALUES (?, 0, " + db.markSql() + ") ON CONFLICT (patient) DO UPDATE SET"
        + " alerted = excluded.alerted")) {
      p.setString(1, patient);
      p.executeUpdate();
    }
  }

  private static String levelsSql(boolean replace) {
    return "INSERT INTO levels(session_id, exercise_id, level) VALUES (?, ?, ?)"
        + " ON CONFLICT (session_id, exercise_id) DO "
        + (replace ? "UPDATE SET level = excluded.level" : "NOTHING");
  }

  private static void levels(Connection c, String session, Map<String, Integer> levels,
      boolean replace) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(levelsSql(replace))) {
      for (Map.Entry<String, Integer> e : levels.entrySet()) {
        p.setString(1, session);
        p.setString(2, e.getKey());
        p.setInt(3, e.getValue());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static final String RATING_SQL = "INSERT INTO ratings(session_id, seq, at, kind,"
      + " exercise_id, level, level_id, set_no, round_no, round_label, value, region)"
      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (session_id, seq) DO NOTHING";

  private static final String EVENT_SQL = "INSERT INTO events(session_id, seq, at, kind,"
      + " exercise_id, from_level, to_level, detail) VALUES (?,?,?,?,?,?,?,?)"
      + " ON CONFLICT (session_id, seq) DO NOTHING";

  private static void rating(Connection c, Db db, String session, int seq, Instant at, Rating x)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(RATING_SQL)) {
      bindRating(p, db, session, seq, at, x);
      p.executeUpdate();
    }
  }

  private static void bindRating(PreparedStatement p, Db db, String session, int seq,
      Instant at, Rating x) throws SQLException {
    p.setString(1, session);
    p.setInt(2, seq);
    db.setTime(p, 3, at);
    p.setString(4, x.kind().name());
    p.setString(5, x.exerciseId());
    p.setInt(6, x.level());
    p.setString(7, x.levelId());
    p.setInt(8, x.set());
    p.setInt(9, x.round());
    p.setString(10, x.roundLabel());
    p.setInt(11, x.value());
    p.setString(12, x.region());
  }

  private static void event(Connection c, Db db, Entry.EventEntry e) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(EVENT_SQL)) {
      bindEvent(p, db, e);
      p.executeUpdate();
    }
  }

  private static void bindEvent(PreparedStatement p, Db db, Entry.EventEntry e)
      throws SQLException {
    p.setString(1, e.sessionId());
    p.setInt(2, e.seq());
    db.setTime(p, 3, e.at());
    p.setString(4, e.kind().name());
    p.setString(5, e.exerciseId());
    p.setInt(6, e.fromLevel());
    p.setInt(7, e.toLevel());
    p.setString(8, e.detail());
  }

  /** Marks the given live sessions as still running at {@code now}. */
  static void heartbeat(Connection c, Db db, java.util.Collection<String> ids, Instant now)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE sessions SET heartbeat_at = ? WHERE id = ? AND outcome IS NULL")) {
      for (String id : ids) {
        db.setTime(p, 1, now);
        p.setString(2, id);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /**
   * Copies whole sessions as they are stored elsewhere (another history), keeping their ids and
   * numbers, so copying them again adds nothing: each table's rows go as one batch.
   */
  static void copy(Connection c, Db db, List<HistoryStore.Copied> batch) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO sessions(id, patient, routine_id,"
        + " routine_hash, started_at, ended_at, outcome, resume_exercise, resume_set,"
        + " resume_round, settled) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        + " ON CONFLICT (id) DO UPDATE"
        // copied again after it went on: its end and progress, never undoing an end
        + " SET ended_at = COALESCE(sessions.ended_at, excluded.ended_at),"
        + " outcome = COALESCE(sessions.outcome, excluded.outcome),"
        + " resume_exercise = CASE WHEN sessions.outcome IS NULL THEN excluded.resume_exercise"
        + " ELSE sessions.resume_exercise END,"
        + " resume_set = CASE WHEN sessions.outcome IS NULL THEN excluded.resume_set"
        + " ELSE sessions.resume_set END,"
        + " resume_round = CASE WHEN sessions.outcome IS NULL THEN excluded.resume_round"
        + " ELSE sessions.resume_round END,"
        + " settled = CASE WHEN excluded.settled = 1 THEN 1 ELSE sessions.settled END")) {
      for (HistoryStore.Copied x : batch) {
        HistoryStore.SessionRow s = x.session();
        p.setString(1, s.id());
        p.setString(2, s.patient());
        p.setString(3, s.routineId());
        p.setString(4, s.routineHash());
        db.setTime(p, 5, s.started());
        db.setTime(p, 6, s.ended());
        p.setString(7, s.outcome() == null ? null : s.outcome().name());
        p.setInt(8, s.resumeExercise());
        p.setInt(9, s.resumeSet());
        p.setInt(10, s.resumeRound());
        p.setInt(11, s.settled() ? 1 : 0);
        p.addBatch();
      }
      p.executeBatch();
    }
    try (PreparedStatement p = c.prepareStatement(levelsSql(true))) {
      for (HistoryStore.Copied x : batch) {
        for (Map.Entry<String, Integer> e : x.session().levels().entrySet()) {
          p.setString(1, x.session().id());
          p.setString(2, e.getKey());
          p.setInt(3, e.getValue());
          p.addBatch();
        }
      }
      p.executeBatch();
    }
    if (db.bulk() != null) {
      db.bulk().ratingsAndEvents(c, batch);
    } else {
      try (PreparedStatement p = c.prepareStatement(RATING_SQL)) {
        for (HistoryStore.Copied x : batch) {
          for (HistoryStore.RatingRow r : x.ratings()) {
            bindRating(p, db, x.session().id(), r.seq(), r.at(), r.rating());
            p.addBatch();
          }
        }
        p.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement(EVENT_SQL)) {
        for (HistoryStore.Copied x : batch) {
          for (HistoryStore.EventRow e : x.events()) {
            bindEvent(p, db, new Entry.EventEntry(x.session().id(), e.at(), e.seq(), e.kind(),
                e.exerciseId(), e.fromLevel(), e.toLevel(), e.detail()));
            p.addBatch();
          }
        }
        p.executeBatch();
      }
    }
    // each patient once, with the last session of the batch
    Map<String, Instant> last = new java.util.TreeMap<>();
    for (HistoryStore.Copied x : batch) {
      last.merge(x.session().patient(), x.session().started(),
          (a, b) -> a.isAfter(b) ? a : b);
    }
    for (Map.Entry<String, Instant> e : last.entrySet()) {
      began(c, db, e.getKey(), e.getValue());
    }
  }

  /**
   * Sessions, oldest first, each with the levels it ended at: one query, the levels joined to
   * their session, however many sessions there are.
   */
  static List<HistoryStore.SessionRow> sessions(Connection c, Db db, String patient,
      String routineId, Instant since) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT s.id, s.patient, s.routine_id,"
        + " s.routine_hash, s.started_at, s.ended_at, s.outcome, s.resume_exercise, s.resume_set,"
        + " s.resume_round, s.settled, l.exercise_id, l.level"
        + " FROM sessions s LEFT JOIN levels l ON l.session_id = s.id WHERE 1 = 1");
    if (patient != null) {
      sql.append(" AND s.patient = ?");
    }
    if (routineId != null) {
      sql.append(" AND s.routine_id = ?");
    }
    if (since != null) {
      sql.append(" AND s.started_at >= ?");
    }
    sql.append(" ORDER BY s.started_at, s.id, l.exercise_id");
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      int i = 1;
      if (patient != null) {
        p.setString(i++, patient);
      }
      if (routineId != null) {
        p.setString(i++, routineId);
      }
      if (since != null) {
        db.setTime(p, i, since);
      }
      return sessionRows(p, db);
    }
  }

  /**
   * Each patient's newest {@code n} sessions and those begun at {@code since} or later, oldest
   * first, without the levels they ended at: one statement per 500 patients (their newest by a
   * window over each one's sessions).
   */
  static Map<String, List<HistoryStore.SessionRow>> lastSessions(Connection c, Db db,
      java.util.Collection<String> patients, int n, Instant since) throws SQLException {
    Map<String, List<HistoryStore.SessionRow>> out = new HashMap<>();
    List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(patients));
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> part = all.subList(from, Math.min(all.size(), from + CHUNK));
      try (PreparedStatement p = c.prepareStatement("SELECT id, patient, routine_id,"
          + " routine_hash, started_at, ended_at, outcome, resume_exercise, resume_set,"
          + " resume_round, settled, NULL, NULL"
          + " FROM (SELECT id, patient, routine_id, routine_hash, started_at, ended_at, outcome,"
          + " resume_exercise, resume_set, resume_round, settled, row_number() OVER"
          + " (PARTITION BY patient ORDER BY started_at DESC, id DESC) AS newest"
          + " FROM sessions WHERE patient" + in(part.size()) + ") s"
          + " WHERE newest <= " + n + (since == null ? "" : " OR started_at >= ?")
          + " ORDER BY patient, started_at, id")) {
        int i = 1;
        for (String patient : part) {
          p.setString(i++, patient);
        }
        if (since != null) {
          db.setTime(p, i, since);
        }
        for (HistoryStore.SessionRow s : sessionRows(p, db)) {
          out.computeIfAbsent(s.patient(), k -> new ArrayList<>()).add(s);
        }
      }
    }
    return out;
  }

  /** Sessions from a statement that gives their columns and their levels, a row per level. */
  private static List<HistoryStore.SessionRow> sessionRows(PreparedStatement p, Db db)
      throws SQLException {
    List<HistoryStore.SessionRow> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      HistoryStore.SessionRow row = null;
      Map<String, Integer> levels = null;
      while (r.next()) {
        String id = r.getString(1);
        if (row == null || !row.id().equals(id)) {
          if (row != null) {
            out.add(withLevels(row, levels));
          }
          String outcome = r.getString(7);
          row = new HistoryStore.SessionRow(id, r.getString(2), r.getString(3),
              r.getString(4), db.time(r, 5), db.time(r, 6),
              outcome == null ? null : Outcome.valueOf(outcome), r.getInt(8), r.getInt(9),
              r.getInt(10), r.getInt(11) != 0, Map.of());
          levels = new HashMap<>();
        }
        String exercise = r.getString(12);
        if (exercise != null) {
          levels.put(exercise, r.getInt(13));
        }
      }
      if (row != null) {
        out.add(withLevels(row, levels));
      }
    }
    return out;
  }

  private static HistoryStore.SessionRow withLevels(HistoryStore.SessionRow s,
      Map<String, Integer> levels) {
    return new HistoryStore.SessionRow(s.id(), s.patient(), s.routineId(), s.routineHash(),
        s.started(), s.ended(), s.outcome(), s.resumeExercise(), s.resumeSet(), s.resumeRound(),
        s.settled(), Map.copyOf(levels));
  }

  static List<String> patients(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT patient FROM patients WHERE last_started IS NOT NULL ORDER BY patient");
        ResultSet r = p.executeQuery()) {
      List<String> out = new ArrayList<>();
      while (r.next()) {
        out.add(r.getString(1));
      }
      return out;
    }
  }

  static List<HistoryStore.RatingRow> ratings(Connection c, Db db, String sessionId)
      throws SQLException {
    return ratings(c, db, List.of(sessionId)).getOrDefault(sessionId, List.of());
  }

  /** How many values one statement binds at most (both back ends take far more). */
  static final int CHUNK = 500;

  /** The ratings of each of these sessions, in order: one statement per 500 sessions. */
  static Map<String, List<HistoryStore.RatingRow>> ratings(Connection c, Db db,
      java.util.Collection<String> sessionIds) throws SQLException {
    Map<String, List<HistoryStore.RatingRow>> out = new HashMap<>();
    List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(sessionIds));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      try (PreparedStatement p = c.prepareStatement("SELECT session_id, seq, at, kind,"
          + " exercise_id, level, level_id, set_no, round_no, round_label, value, region"
          + " FROM ratings WHERE session_id" + in(part.size()) + " ORDER BY session_id, seq")) {
        for (int i = 0; i < part.size(); i++) {
          p.setString(i + 1, part.get(i));
        }
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            Rating x = new Rating(Rating.Kind.valueOf(r.getString(4)), r.getString(5),
                r.getInt(6), r.getString(7), r.getInt(8), r.getInt(9), r.getString(10),
                r.getInt(11), r.getString(12));
            String session = r.getString(1);
            out.computeIfAbsent(session, k -> new ArrayList<>()).add(
                new HistoryStore.RatingRow(session, r.getInt(2), db.time(r, 3), x));
          }
        }
      }
    }
    return out;
  }

  /** " = ?" for one value, " IN (?, ?, ...)" for more. */
  static String in(int n) {
    return n == 1 ? " = ?" : " IN (" + String.join(", ", java.util.Collections.nCopies(n, "?"))
        + ")";
  }

  static List<HistoryStore.EventRow> events(Connection c, Db db, String sessionId)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT seq, at, kind, exercise_id,"
        + " from_level, to_level, detail FROM events WHERE session_id = ? ORDER BY seq")) {
      p.setString(1, sessionId);
      List<HistoryStore.EventRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          RecordKind kind = known(RecordKind.class, r.getString(3));
          if (kind == null) {
            continue; // recorded by a newer coach: this version has nothing to do with it
          }
          out.add(new HistoryStore.EventRow(sessionId, r.getInt(1), db.time(r, 2), kind,
              r.getString(4), r.getInt(5), r.getInt(6), r.getString(7)));
        }
      }
      return out;
    }
  }

  /**
   * The patient's session running now: not ended, marked live within {@code liveFor}, and (on
   * this computer) its process still there.
   */
  static Optional<HistoryStore.Live> live(Connection c, Db db, String patient, String host,
      Duration liveFor, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT id, host, pid, started_at,"
        + " heartbeat_at FROM sessions WHERE patient = ? AND outcome IS NULL"
        + " AND heartbeat_at IS NOT NULL ORDER BY started_at DESC")) {
      p.setString(1, patient);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          HistoryStore.Live l;
          try {
            l = new HistoryStore.Live(r.getString(1), r.getString(2), r.getLong(3),
                db.time(r, 4), db.time(r, 5));
          } catch (SQLException notATime) {
            continue; // a mark that cannot be read keeps nobody from starting
          }
          boolean fresh = l.heartbeat().plus(liveFor).isAfter(now);
          boolean gone = host.equals(l.host()) && ProcessHandle.of(l.pid())
              .map(ph -> !ph.isAlive()).orElse(true);
          if (fresh && !gone) {
            return Optional.of(l);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** How many sessions, ratings and events the history holds. */
  static HistoryStore.Counts counts(Connection c) throws SQLException {
    long[] n = new long[3];
    String[] tables = {"sessions", "ratings", "events"};
    for (int i = 0; i < 3; i++) {
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM " + tables[i]);
          ResultSet r = p.executeQuery()) {
        n[i] = r.next() ? r.getLong(1) : 0;
      }
    }
    return new HistoryStore.Counts(n[0], n[1], n[2]);
  }

  private static final String ALERT_COLUMNS = "id, patient, kind, cause, raised_at, facts,"
      + " ack_at, ack_by, ack_note, delivered_at, attempts";

  /** An alert row; null for a kind this version does not know (a newer coach's). */
  private static AlertOutbox.AlertRow alert(ResultSet r, Db db) throws SQLException {
    AlertKind kind = known(AlertKind.class, r.getString(3));
    return kind == null ? null : new AlertOutbox.AlertRow(r.getLong(1), r.getString(2), kind,
        r.getString(4), db.time(r, 5), r.getString(6), db.time(r, 7), r.getString(8),
        r.getString(9), db.time(r, 10), r.getInt(11));
  }

  /** The constant of that name, or null when this version has none (a newer coach wrote it). */
  static <E extends Enum<E>> E known(Class<E> type, String name) {
    try {
      return name == null ? null : Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Inserts the alert unless an open one of its patient and kind, or its cause, exists. */
  static Optional<AlertOutbox.AlertRow> raise(Connection c, Db db, String patient,
      AlertKind kind, String cause, String facts, Instant at) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO alerts(patient, kind, cause,"
        + " raised_at, facts) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING "
        + ALERT_COLUMNS)) {
      p.setString(1, patient);
      p.setString(2, kind.name());
      p.setString(3, cause);
      db.setTime(p, 4, at);
      p.setString(5, facts);
      Optional<AlertOutbox.AlertRow> raised;
      try (ResultSet r = p.executeQuery()) {
        raised = r.next() ? Optional.ofNullable(alert(r, db)) : Optional.empty();
      }
      if (raised.isPresent()) {
        touchPatient(c, db, patient);
      }
      return raised;
    }
  }

  static List<AlertOutbox.AlertRow> alerts(Connection c, Db db, String patient,
      boolean openOnly, Instant since) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + ALERT_COLUMNS + " FROM alerts WHERE 1 = 1");
    if (patient != null) {
      sql.append(" AND patient = ?");
    }
    if (openOnly) {
      sql.append(" AND ack_at IS NULL");
    }
    if (since != null) {
      sql.append(" AND raised_at >= ?");
    }
    sql.append(" ORDER BY raised_at DESC, id DESC");
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      int i = 1;
      if (patient != null) {
        p.setString(i++, patient);
      }
      if (since != null) {
        db.setTime(p, i, since);
      }
      List<AlertOutbox.AlertRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          AlertOutbox.AlertRow a = alert(r, db);
          if (a != null) {
            out.add(a);
          }
        }
      }
      // most urgent kind first, newest first within a kind (the sort keeps the date order)
      out.sort(java.util.Comparator.comparing(AlertOutbox.AlertRow::kind));
      return out;
    }
  }

  static boolean acknowledge(Connection c, Db db, long id, String by, String note, Instant at)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE alerts SET ack_at = ?, ack_by = ?,"
        + " ack_note = ? WHERE id = ? AND ack_at IS NULL")) {
      db.setTime(p, 1, at);
      p.setString(2, by);
      p.setString(3, note);
      p.setLong(4, id);
      if (p.executeUpdate() != 1) {
        return false;
      }
    }
    try (PreparedStatement p = c.prepareStatement("UPDATE patients SET alerted = "
        + db.markSql() + " WHERE patient = (SELECT patient FROM alerts WHERE id = ?)")) {
      p.setLong(1, id);
      p.executeUpdate();
    }
    return true;
  }

  static List<AlertOutbox.AlertRow> undelivered(Connection c, Db db, Instant now)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM alerts"
        + " WHERE delivered_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
        + " ORDER BY raised_at, id")) {
      db.setTime(p, 1, now);
      List<AlertOutbox.AlertRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          AlertOutbox.AlertRow a = alert(r, db);
          if (a != null) {
            out.add(a);
          }
        }
      }
      return out;
    }
  }

  static void delivery(Connection c, Db db, List<Long> ids, Instant at, Instant next)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(next == null
        ? "UPDATE alerts SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?"
        : "UPDATE alerts SET next_attempt_at = ?, attempts = attempts + 1 WHERE id = ?")) {
      for (long id : ids) {
        db.setTime(p, 1, next == null ? at : next);
        p.setLong(2, id);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  static List<Long> claim(Connection c, Db db, List<Long> ids, Instant now, Instant until)
      throws SQLException {
    List<Long> taken = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("UPDATE alerts SET next_attempt_at = ?"
        + " WHERE id = ? AND delivered_at IS NULL AND (next_attempt_at IS NULL"
        + " OR next_attempt_at <= ?)")) {
      for (long id : ids) {
        db.setTime(p, 1, until);
        p.setLong(2, id);
        db.setTime(p, 3, now);
        if (p.executeUpdate() == 1) {
          taken.add(id);
        }
      }
    }
    return taken;
  }

  static void copyAlerts(Connection c, Db db, List<AlertOutbox.AlertRow> alerts)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO alerts(patient, kind, cause,"
        + " raised_at, facts, ack_at, ack_by, ack_note, delivered_at, attempts)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      for (AlertOutbox.AlertRow a : alerts) {
        p.setString(1, a.patient());
        p.setString(2, a.kind().name());
        p.setString(3, a.cause());
        db.setTime(p, 4, a.raised());
        p.setString(5, a.facts());
        db.setTime(p, 6, a.acknowledged());
        p.setString(7, a.by());
        p.setString(8, a.note());
        db.setTime(p, 9, a.delivered());
        p.setInt(10, a.attempts());
        p.executeUpdate();
      }
    }
    for (String patient : new java.util.TreeSet<>(alerts.stream()
        .map(AlertOutbox.AlertRow::patient).toList())) {
      touchPatient(c, db, patient);
    }
  }

  /** The mark to read changes from next time (read before what it stands for). */
  static long nextMark(Connection c, Db db) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(db.nextMarkSql());
        ResultSet r = p.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  /**
   * The patients whose sessions changed at or after {@code since} (or their alerts, with
   * {@code alerts}), and the mark to ask from next time.
   */
  static HistoryStore.Changes changes(Connection c, Db db, long since, boolean alerts)
      throws SQLException {
    long next = nextMark(c, db);
    List<HistoryStore.PatientMark> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT patient, last_started, changed,"
        + " alerted FROM patients WHERE changed >= ?"
        + (alerts ? " OR alerted >= ?" : ""))) {
      p.setLong(1, since);
      if (alerts) {
        p.setLong(2, since);
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          long mark = alerts ? Math.max(r.getLong(3), r.getLong(4)) : r.getLong(3);
          out.add(new HistoryStore.PatientMark(r.getString(1), db.time(r, 2), mark));
        }
      }
    }
    return new HistoryStore.Changes(out, next);
  }

  /** The patients whose attendance the alert rules are due to look at by {@code now}. */
  static List<String> attendanceDue(Connection c, Db db, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT patient FROM patients WHERE attend_at <= ?")) {
      db.setTime(p, 1, now);
      List<String> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    }
  }

  /** When the attendance rules are next due to look at the patient (null: not before a change). */
  static void attendanceAt(Connection c, Db db, Map<String, Instant> due) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE patients SET attend_at = ? WHERE patient = ?")) {
      for (Map.Entry<String, Instant> e : due.entrySet()) {
        db.setTime(p, 1, e.getValue());
        p.setString(2, e.getKey());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** The open alerts of these patients, most urgent kind first and newest first within one. */
  static List<AlertOutbox.AlertRow> openAlerts(Connection c, Db db,
      java.util.Collection<String> patients) throws SQLException {
    List<AlertOutbox.AlertRow> out = new ArrayList<>();
    List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(patients));
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> part = all.subList(from, Math.min(all.size(), from + CHUNK));
      try (PreparedStatement p = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM alerts"
          + " WHERE ack_at IS NULL AND patient" + in(part.size()))) {
        for (int i = 0; i < part.size(); i++) {
          p.setString(i + 1, part.get(i));
        }
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            AlertOutbox.AlertRow a = alert(r, db);
            if (a != null) {
              out.add(a);
            }
          }
        }
      }
    }
    out.sort(java.util.Comparator.comparing(AlertOutbox.AlertRow::kind)
        .thenComparing(AlertOutbox.AlertRow::raised, java.util.Comparator.reverseOrder())
        .thenComparing(AlertOutbox.AlertRow::id, java.util.Comparator.reverseOrder()));
    return out;
  }

  /** The clinician's last look at each patient, as the mark of the history then. */
  static Map<String, Long> looks(Connection c, String clinician) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT patient, mark FROM looks WHERE clinician = ?")) {
      p.setString(1, clinician);
      Map<String, Long> out = new HashMap<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.put(r.getString(1), r.getLong(2));
        }
      }
      return out;
    }
  }

  /** The clinician looked at the patient now: what changed before is no longer new to them. */
  static long look(Connection c, Db db, String clinician, String patient, Instant at)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO looks(clinician, patient, mark,"
        + " at) VALUES (?, ?, " + db.markSql() + ", ?) ON CONFLICT (clinician, patient)"
        + " DO UPDATE SET mark = excluded.mark, at = excluded.at RETURNING mark")) {
      p.setString(1, clinician);
      p.setString(2, patient);
      db.setTime(p, 3, at);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    }
  }

  static Optional<HistoryStore.Place> place(Connection c, Db db, String name)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT mark, at, key FROM places WHERE name = ?")) {
      p.setString(1, name);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(new HistoryStore.Place(r.getLong(1), db.time(r, 2),
            r.getString(3))) : Optional.empty();
      }
    }
  }

  /** Moves a place on to its mark, never back (two processes may both get there). */
  static void place(Connection c, Db db, String name, HistoryStore.Place place)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO places(name, mark, at, key)"
        + " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET"
        + " mark = CASE WHEN excluded.mark > places.mark THEN excluded.mark ELSE places.mark END,"
        + " at = excluded.at, key = excluded.key")) {
      p.setString(1, name);
      p.setLong(2, place.mark());
      db.setTime(p, 3, place.at());
      p.setString(4, place.key());
      p.executeUpdate();
    }
  }

  /** A page of every patient's sessions, by id, each with the levels it ended at. */
  static List<HistoryStore.SessionRow> sessionsAfter(Connection c, Db db, String afterId,
      int limit) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT id FROM sessions"
        + (afterId == null ? "" : " WHERE id > ?") + " ORDER BY id LIMIT " + limit)) {
      if (afterId != null) {
        p.setString(1, afterId);
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          ids.add(r.getString(1));
        }
      }
    }
    List<HistoryStore.SessionRow> out = new ArrayList<>(ids.size());
    for (int from = 0; from < ids.size(); from += CHUNK) {
      out.addAll(sessionsOf(c, db, ids.subList(from, Math.min(ids.size(), from + CHUNK))));
    }
    out.sort(java.util.Comparator.comparing(HistoryStore.SessionRow::id));
    return out;
  }

  /** These sessions, each with its levels. */
  private static List<HistoryStore.SessionRow> sessionsOf(Connection c, Db db, List<String> ids)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT s.id, s.patient, s.routine_id,"
        + " s.routine_hash, s.started_at, s.ended_at, s.outcome, s.resume_exercise, s.resume_set,"
        + " s.resume_round, s.settled, l.exercise_id, l.level"
        + " FROM sessions s LEFT JOIN levels l ON l.session_id = s.id WHERE s.id"
        + in(ids.size()) + " ORDER BY s.id, l.exercise_id")) {
      for (int i = 0; i < ids.size(); i++) {
        p.setString(i + 1, ids.get(i));
      }
      return sessionRows(p, db);
    }
  }

  /** The events of each of these sessions, in order: one statement per 500 sessions. */
  static Map<String, List<HistoryStore.EventRow>> events(Connection c, Db db,
      java.util.Collection<String> sessionIds) throws SQLException {
    Map<String, List<HistoryStore.EventRow>> out = new HashMap<>();
    List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(sessionIds));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      try (PreparedStatement p = c.prepareStatement("SELECT session_id, seq, at, kind,"
          + " exercise_id, from_level, to_level, detail FROM events WHERE session_id"
          + in(part.size()) + " ORDER BY session_id, seq")) {
        for (int i = 0; i < part.size(); i++) {
          p.setString(i + 1, part.get(i));
        }
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            RecordKind kind = known(RecordKind.class, r.getString(4));
            if (kind == null) {
              continue; // recorded by a newer coach
            }
            String session = r.getString(1);
            out.computeIfAbsent(session, k -> new ArrayList<>()).add(new HistoryStore.EventRow(
                session, r.getInt(2), db.time(r, 3), kind, r.getString(5), r.getInt(6),
                r.getInt(7), r.getString(8)));
          }
        }
      }
    }
    return out;
  }

  /** How many ratings and events each of these sessions has. */
  static Map<String, HistoryStore.Counts> sizes(Connection c,
      java.util.Collection<String> sessionIds) throws SQLException {
    Map<String, long[]> n = new HashMap<>();
    List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(sessionIds));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      String[] queries = {"SELECT id, 0 FROM sessions WHERE id" + in(part.size()),
          "SELECT session_id, count(*) FROM ratings WHERE session_id" + in(part.size())
              + " GROUP BY session_id",
          "SELECT session_id, count(*) FROM events WHERE session_id" + in(part.size())
              + " GROUP BY session_id"};
      for (int q = 0; q < 3; q++) {
        try (PreparedStatement p = c.prepareStatement(queries[q])) {
          for (int i = 0; i < part.size(); i++) {
            p.setString(i + 1, part.get(i));
          }
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              long[] v = n.computeIfAbsent(r.getString(1), k -> new long[3]);
              v[q] = q == 0 ? 1 : r.getLong(2);
            }
          }
        }
      }
    }
    Map<String, HistoryStore.Counts> out = new HashMap<>();
    n.forEach((id, v) -> {
      if (v[0] == 1) {
        out.put(id, new HistoryStore.Counts(1, v[1], v[2]));
      }
    });
    return out;
  }

  static List<AlertOutbox.AlertRow> alertsAfter(Connection c, Db db, long afterId, int limit)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM alerts"
        + " WHERE id > ? ORDER BY id LIMIT " + limit)) {
      p.setLong(1, afterId);
      List<AlertOutbox.AlertRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          AlertOutbox.AlertRow a = alert(r, db);
          if (a != null) {
            out.add(a);
          }
        }
      }
      return out;
    }
  }
}
