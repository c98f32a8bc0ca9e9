package coach.store;

import coach.session.Rating;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Writing a session's entries as they happen (its start, ratings, events, progress, end, a
 * settled interruption) and the heartbeat of a running one; each touches its patient's row with
 * the mark of the change. Idempotent: an entry written twice is kept once.
 */
final class EntrySql {
  private EntrySql() {}

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
  static void began(Connection c, Db db, String patient, Instant at) throws SQLException {
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

  static String levelsSql(boolean replace) {
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

  static final String RATING_SQL = "INSERT INTO ratings(session_id, seq, at, kind,"
      + " exercise_id, level, level_id, set_no, round_no, round_label, value, region)"
      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (session_id, seq) DO NOTHING";

  static final String EVENT_SQL = "INSERT INTO events(session_id, seq, at, kind,"
      + " exercise_id, from_level, to_level, detail) VALUES (?,?,?,?,?,?,?,?)"
      + " ON CONFLICT (session_id, seq) DO NOTHING";

  private static void rating(Connection c, Db db, String session, int seq, Instant at, Rating x)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(RATING_SQL)) {
      bindRating(p, db, session, seq, at, x);
      p.executeUpdate();
    }
  }

  static void bindRating(PreparedStatement p, Db db, String session, int seq,
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

  static void bindEvent(PreparedStatement p, Db db, Entry.EventEntry e)
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
}
