package coach.store;

import static coach.store.HistorySql.CHUNK;
import static coach.store.HistorySql.in;
import static coach.store.HistorySql.known;

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
 * Reading sessions: a patient's sessions with the levels each ended at, the ratings and events
 * of one session or of many at once, and the session running now.
 */
final class PatientSql {
  private PatientSql() {}

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

  /** Sessions from a statement that gives their columns and their levels, a row per level. */
  static List<HistoryStore.SessionRow> sessionRows(PreparedStatement p, Db db)
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

  static List<HistoryStore.RatingRow> ratings(Connection c, Db db, String sessionId)
      throws SQLException {
    return ratings(c, db, List.of(sessionId)).getOrDefault(sessionId, List.of());
  }

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
}
