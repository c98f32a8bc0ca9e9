package coach.store;

import static coach.store.HistorySql.CHUNK;
import static coach.store.HistorySql.in;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moving a history from one back end to another: reading every session a page at a time, what
 * each holds and how much the history holds, and writing whole sessions with their own ids and
 * numbers, so copying again adds nothing.
 */
final class CopySql {
  private CopySql() {}

  /**
   * Copies whole sessions as they are stored elsewhere (another history), keeping their ids and
   * numbers, so copying them again adds nothing: each table's rows go as one batch.
   */
  /**
   * Copies the batch; returns true when none of its sessions was here before and every rating
   * and event was written as a new row, so the history now holds exactly what was copied of
   * them (false: count them to know).
   */
  static boolean copy(Connection c, Db db, List<HistoryStore.Copied> batch) throws SQLException {
    boolean anyThere = false;
    for (int from = 0; from < batch.size() && !anyThere; from += CHUNK) {
      List<HistoryStore.Copied> part = batch.subList(from, Math.min(batch.size(), from + CHUNK));
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM sessions WHERE id"
          + HistorySql.in(part.size()))) {
        for (int i = 0; i < part.size(); i++) {
          p.setString(i + 1, part.get(i).session().id());
        }
        try (ResultSet r = p.executeQuery()) {
          anyThere = r.next() && r.getLong(1) > 0;
        }
      }
    }
    long rows = 0;
    for (HistoryStore.Copied x : batch) {
      rows += x.ratings().size() + x.events().size();
    }
    long written;
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
    try (PreparedStatement p = c.prepareStatement(EntrySql.levelsSql(true))) {
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
      written = db.bulk().ratingsAndEvents(c, batch);
    } else {
      try (PreparedStatement p = c.prepareStatement(EntrySql.RATING_SQL)) {
        for (HistoryStore.Copied x : batch) {
          for (HistoryStore.RatingRow r : x.ratings()) {
            EntrySql.bindRating(p, db, x.session().id(), r.seq(), r.at(), r.rating());
            p.addBatch();
          }
        }
        written = newRows(p.executeBatch());
      }
      try (PreparedStatement p = c.prepareStatement(EntrySql.EVENT_SQL)) {
        for (HistoryStore.Copied x : batch) {
          for (HistoryStore.EventRow e : x.events()) {
            EntrySql.bindEvent(p, db, new Entry.EventEntry(x.session().id(), e.at(), e.seq(),
                e.kind(), e.exerciseId(), e.fromLevel(), e.toLevel(), e.detail()));
            p.addBatch();
          }
        }
        written += newRows(p.executeBatch());
      }
    }
    // each patient once, with the last session of the batch
    Map<String, Instant> last = new java.util.TreeMap<>();
    for (HistoryStore.Copied x : batch) {
      last.merge(x.session().patient(), x.session().started(),
          (a, b) -> a.isAfter(b) ? a : b);
    }
    for (Map.Entry<String, Instant> e : last.entrySet()) {
      EntrySql.began(c, db, e.getKey(), e.getValue());
    }
    return !anyThere && written == rows;
  }

  /** Rows a batch of inserts wrote as new; below zero when the driver does not say. */
  private static long newRows(int[] counts) {
    long n = 0;
    for (int k : counts) {
      if (k < 0) {
        return -1;
      }
      n += k;
    }
    return n;
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
      return PatientSql.sessionRows(p, db);
    }
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
}
