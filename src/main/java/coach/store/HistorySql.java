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
    } else if (entry instanceof Entry.RatingEntry r) {
      rating(c, db, r.sessionId(), r.seq(), r.at(), r.rating());
    } else if (entry instanceof Entry.EventEntry e) {
      event(c, db, e);
      if (e.kind() == RecordKind.SWITCH) {
        levels(c, e.sessionId(), Map.of(e.exerciseId(), e.toLevel()), true);
      }
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
    } else if (entry instanceof Entry.Settle s) {
      try (PreparedStatement st = c.prepareStatement("UPDATE sessions SET settled = 1,"
          + " outcome = COALESCE(outcome, 'INTERRUPTED') WHERE id = ?")) {
        st.setString(1, s.sessionId());
        st.executeUpdate();
      }
    }
  }

  private static void levels(Connection c, String session, Map<String, Integer> levels,
      boolean replace) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO levels(session_id, exercise_id,"
        + " level) VALUES (?, ?, ?) ON CONFLICT (session_id, exercise_id) DO "
        + (replace ? "UPDATE SET level = excluded.level" : "NOTHING"))) {
      for (Map.Entry<String, Integer> e : levels.entrySet()) {
        p.setString(1, session);
        p.setString(2, e.getKey());
        p.setInt(3, e.getValue());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static void rating(Connection c, Db db, String session, int seq, Instant at, Rating x)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO ratings(session_id, seq, at, kind,"
        + " exercise_id, level, level_id, set_no, round_no, round_label, value, region)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (session_id, seq) DO NOTHING")) {
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
      p.executeUpdate();
    }
  }

  private static void event(Connection c, Db db, Entry.EventEntry e) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO events(session_id, seq, at, kind,"
        + " exercise_id, from_level, to_level, detail) VALUES (?,?,?,?,?,?,?,?)"
        + " ON CONFLICT (session_id, seq) DO NOTHING")) {
      p.setString(1, e.sessionId());
      p.setInt(2, e.seq());
      db.setTime(p, 3, e.at());
      p.setString(4, e.kind().name());
      p.setString(5, e.exerciseId());
      p.setInt(6, e.fromLevel());
      p.setInt(7, e.toLevel());
      p.setString(8, e.detail());
      p.executeUpdate();
    }
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
   * Copies a whole session as it is stored elsewhere (another history), keeping its ids and
   * numbers, so copying it again adds nothing.
   */
  static void copy(Connection c, Db db, HistoryStore.SessionRow s,
      List<HistoryStore.RatingRow> ratings, List<HistoryStore.EventRow> events)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO sessions(id, patient, routine_id,"
        + " routine_hash, started_at, ended_at, outcome, resume_exercise, resume_set,"
        + " resume_round, settled) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE"
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
      p.executeUpdate();
    }
    levels(c, s.id(), s.levels(), true);
    for (HistoryStore.RatingRow r : ratings) {
      rating(c, db, s.id(), r.seq(), r.at(), r.rating());
    }
    for (HistoryStore.EventRow e : events) {
      event(c, db, new Entry.EventEntry(s.id(), e.at(), e.seq(), e.kind(), e.exerciseId(),
          e.fromLevel(), e.toLevel(), e.detail()));
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
  }

  private static HistoryStore.SessionRow withLevels(HistoryStore.SessionRow s,
      Map<String, Integer> levels) {
    return new HistoryStore.SessionRow(s.id(), s.patient(), s.routineId(), s.routineHash(),
        s.started(), s.ended(), s.outcome(), s.resumeExercise(), s.resumeSet(), s.resumeRound(),
        s.settled(), Map.copyOf(levels));
  }

  static List<String> patients(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT DISTINCT patient FROM sessions ORDER BY patient");
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
    try (PreparedStatement p = c.prepareStatement("SELECT seq, at, kind, exercise_id, level,"
        + " level_id, set_no, round_no, round_label, value, region FROM ratings"
        + " WHERE session_id = ? ORDER BY seq")) {
      p.setString(1, sessionId);
      List<HistoryStore.RatingRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          Rating x = new Rating(Rating.Kind.valueOf(r.getString(3)), r.getString(4),
              r.getInt(5), r.getString(6), r.getInt(7), r.getInt(8), r.getString(9),
              r.getInt(10), r.getString(11));
          out.add(new HistoryStore.RatingRow(sessionId, r.getInt(1), db.time(r, 2), x));
        }
      }
      return out;
    }
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
  private static HistoryStore.AlertRow alert(ResultSet r, Db db) throws SQLException {
    AlertKind kind = known(AlertKind.class, r.getString(3));
    return kind == null ? null : new HistoryStore.AlertRow(r.getLong(1), r.getString(2), kind,
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
  static Optional<HistoryStore.AlertRow> raise(Connection c, Db db, String patient,
      AlertKind kind, String cause, String facts, Instant at) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO alerts(patient, kind, cause,"
        + " raised_at, facts) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING "
        + ALERT_COLUMNS)) {
      p.setString(1, patient);
      p.setString(2, kind.name());
      p.setString(3, cause);
      db.setTime(p, 4, at);
      p.setString(5, facts);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(alert(r, db)) : Optional.empty();
      }
    }
  }

  static List<HistoryStore.AlertRow> alerts(Connection c, Db db, String patient,
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
      List<HistoryStore.AlertRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          HistoryStore.AlertRow a = alert(r, db);
          if (a != null) {
            out.add(a);
          }
        }
      }
      // most urgent kind first, newest first within a kind (the sort keeps the date order)
      out.sort(java.util.Comparator.comparing(HistoryStore.AlertRow::kind));
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
      return p.executeUpdate() == 1;
    }
  }

  static List<HistoryStore.AlertRow> undelivered(Connection c, Db db, Instant now)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM alerts"
        + " WHERE delivered_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
        + " ORDER BY raised_at, id")) {
      db.setTime(p, 1, now);
      List<HistoryStore.AlertRow> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          HistoryStore.AlertRow a = alert(r, db);
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

  static void copyAlerts(Connection c, Db db, List<HistoryStore.AlertRow> alerts)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO alerts(patient, kind, cause,"
        + " raised_at, facts, ack_at, ack_by, ack_note, delivered_at, attempts)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      for (HistoryStore.AlertRow a : alerts) {
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
  }
}
