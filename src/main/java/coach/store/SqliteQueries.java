package coach.store;

import coach.session.Outcome;
import coach.session.Rating;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the history: sessions with their levels, ratings, events, who is running now. */
final class SqliteQueries {
  private final SqliteDb db;

  SqliteQueries(SqliteDb db) {
    this.db = db;
  }

  /**
   * Sessions, oldest first, each with the levels it ended at: one query, the levels joined to
   * their session, however many sessions there are.
   */
  List<HistoryStore.SessionRow> sessions(String patient, String routineId, Instant since)
      throws StoreException {
    StringBuilder sql = new StringBuilder("SELECT s.id, s.patient, s.routine_id,"
        + " s.routine_hash, s.started_at, s.ended_at, s.outcome, s.resume_exercise, s.resume_set,"
        + " s.resume_round, s.settled, l.exercise_id, l.level"
        + " FROM sessions s LEFT JOIN levels l ON l.session_id = s.id WHERE 1 = 1");
    List<String> args = new ArrayList<>();
    if (patient != null) {
      sql.append(" AND s.patient = ?");
      args.add(patient);
    }
    if (routineId != null) {
      sql.append(" AND s.routine_id = ?");
      args.add(routineId);
    }
    if (since != null) {
      sql.append(" AND s.started_at >= ?");
      args.add(since.toString());
    }
    sql.append(" ORDER BY s.started_at, s.rowid, l.exercise_id");
    synchronized (db) {
      try (PreparedStatement p = db.connection.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          p.setString(i + 1, args.get(i));
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
              String ended = r.getString(6);
              String outcome = r.getString(7);
              row = new HistoryStore.SessionRow(id, r.getString(2), r.getString(3),
                  r.getString(4), Instant.parse(r.getString(5)),
                  ended == null ? null : Instant.parse(ended),
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
      } catch (SQLException e) {
        throw db.readFailure(e);
      }
    }
  }

  private static HistoryStore.SessionRow withLevels(HistoryStore.SessionRow s,
      Map<String, Integer> levels) {
    return new HistoryStore.SessionRow(s.id(), s.patient(), s.routineId(), s.routineHash(),
        s.started(), s.ended(), s.outcome(), s.resumeExercise(), s.resumeSet(), s.resumeRound(),
        s.settled(), Map.copyOf(levels));
  }

  List<String> patients() throws StoreException {
    synchronized (db) {
      try (Statement s = db.connection.createStatement();
          ResultSet r = s.executeQuery("SELECT DISTINCT patient FROM sessions ORDER BY patient")) {
        List<String> out = new ArrayList<>();
        while (r.next()) {
          out.add(r.getString(1));
        }
        return out;
      } catch (SQLException e) {
        throw db.readFailure(e);
      }
    }
  }

  List<HistoryStore.RatingRow> ratings(String sessionId) throws StoreException {
    synchronized (db) {
      try (PreparedStatement p = db.connection.prepareStatement("SELECT seq, at, kind,"
          + " exercise_id, level, level_id, set_no, round_no, round_label, value, region"
          + " FROM ratings WHERE session_id = ? ORDER BY seq")) {
        p.setString(1, sessionId);
        List<HistoryStore.RatingRow> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            Rating x = new Rating(Rating.Kind.valueOf(r.getString(3)), r.getString(4),
                r.getInt(5), r.getString(6), r.getInt(7), r.getInt(8), r.getString(9),
                r.getInt(10), r.getString(11));
            out.add(new HistoryStore.RatingRow(sessionId, r.getInt(1),
                Instant.parse(r.getString(2)), x));
          }
        }
        return out;
      } catch (SQLException e) {
        throw db.readFailure(e);
      }
    }
  }

  List<HistoryStore.EventRow> events(String sessionId) throws StoreException {
    synchronized (db) {
      try (PreparedStatement p = db.connection.prepareStatement("SELECT at, kind, exercise_id,"
          + " from_level, to_level, detail FROM events WHERE session_id = ? ORDER BY id")) {
        p.setString(1, sessionId);
        List<HistoryStore.EventRow> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new HistoryStore.EventRow(sessionId, Instant.parse(r.getString(1)),
                RecordKind.valueOf(r.getString(2)), r.getString(3), r.getInt(4), r.getInt(5),
                r.getString(6)));
          }
        }
        return out;
      } catch (SQLException e) {
        throw db.readFailure(e);
      }
    }
  }

  /**
   * The patient's session running now: not ended, marked live within {@code liveFor}, and (on
   * this computer) its process still there.
   */
  Optional<HistoryStore.Live> live(String patient, String host, java.time.Duration liveFor)
      throws StoreException {
    synchronized (db) {
      try (PreparedStatement p = db.connection.prepareStatement("SELECT id, host, pid,"
          + " started_at, heartbeat_at FROM sessions WHERE patient = ? AND outcome IS NULL"
          + " AND heartbeat_at IS NOT NULL ORDER BY started_at DESC")) {
        p.setString(1, patient);
        try (ResultSet r = p.executeQuery()) {
          Instant now = Instant.now();
          while (r.next()) {
            HistoryStore.Live l = new HistoryStore.Live(r.getString(1), r.getString(2),
                r.getLong(3), Instant.parse(r.getString(4)), Instant.parse(r.getString(5)));
            boolean fresh = l.heartbeat().plus(liveFor).isAfter(now);
            boolean gone = host.equals(l.host()) && ProcessHandle.of(l.pid())
                .map(ph -> !ph.isAlive()).orElse(true);
            if (fresh && !gone) {
              return Optional.of(l);
            }
          }
        }
      } catch (SQLException e) {
        throw db.readFailure(e);
      }
    }
    return Optional.empty();
  }

  /** SQLite's full integrity check; "ok" when the file is sound. */
  String integrityCheck() throws StoreException {
    synchronized (db) {
      try (Statement s = db.connection.createStatement();
          ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
        return r.next() ? r.getString(1) : "no answer";
      } catch (SQLException e) {
        throw new StoreException(db.file + ": " + SqliteDb.plain(e), e);
      }
    }
  }
}
