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
import java.util.Optional;

/**
 * What the clinic's reads follow: the patients' rows (when each last began, the marks of their
 * last changes, when their attendance is due a look), the newest sessions of many patients at
 * once, each clinician's looks, and where readers of changes got to.
 */
final class ClinicSql {
  private ClinicSql() {}

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
        for (HistoryStore.SessionRow s : PatientSql.sessionRows(p, db)) {
          out.computeIfAbsent(s.patient(), k -> new ArrayList<>()).add(s);
        }
      }
    }
    return out;
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
}
