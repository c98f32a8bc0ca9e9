package coach.store;

import coach.session.Effect;
import coach.session.Rating;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Writes one session's effects into the history as they happen, each in its own transaction,
 * durable before {@link #apply} returns: ratings in {@code ratings}, changes of level in
 * {@code levels}, events (see {@link RecordKind}) in {@code events} with codes as their detail,
 * and the session's progress and end in {@code sessions}.
 */
final class SqliteRecorder implements SessionRecorder {
  private final SqliteDb db;
  private final Heartbeats heartbeats;
  private final String id;
  private int seq;

  SqliteRecorder(SqliteDb db, Heartbeats heartbeats, String id) {
    this.db = db;
    this.heartbeats = heartbeats;
    this.id = id;
  }

  private PreparedStatement sql(String statement) throws SQLException {
    return db.connection.prepareStatement(statement);
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
      db.write("a pain rating", () -> {
        try (PreparedStatement p = sql("INSERT INTO ratings(session_id, seq,"
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
      db.write("a change of level", () -> {
        event(now, RecordKind.SWITCH, s.exerciseId(), s.fromLevel(), s.toLevel(),
            s.reason().code());
        try (PreparedStatement p = sql("INSERT OR REPLACE INTO levels"
            + "(session_id, exercise_id, level) VALUES (?, ?, ?)")) {
          p.setString(1, id);
          p.setString(2, s.exerciseId());
          p.setInt(3, s.toLevel());
          p.executeUpdate();
        }
      });
    } else if (effect instanceof Effect.RecordContactShown c) {
      db.write("a contact note", () -> event(now, RecordKind.CONTACT, c.exerciseId(), -1, -1,
          c.reason().code()));
    } else if (effect instanceof Effect.RecordRedFlag f) {
      db.write("a red flag", () -> event(now, RecordKind.RED_FLAG, null, -1, -1, f.questionId()));
    } else if (effect instanceof Effect.RecordNextMorning m) {
      db.write("the next-morning answer", () -> event(now, RecordKind.NEXT_MORNING, null, -1, -1,
          m.worse() ? RecordKind.WORSE : RecordKind.NOT_WORSE));
    } else if (effect instanceof Effect.ResumeAnswered a) {
      db.write("the resume answer", () -> event(now, RecordKind.RESUME, null, -1, -1,
          a.resumed() ? RecordKind.CONTINUED : RecordKind.STARTED_FRESH));
    } else if (effect instanceof Effect.RecordProgress p) {
      db.write("the session's progress", () -> {
        try (PreparedStatement st = sql("UPDATE sessions SET resume_exercise"
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
      db.write("the end of the session", () -> {
        try (PreparedStatement st = sql("UPDATE sessions SET ended_at = ?,"
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
    try (PreparedStatement p = sql("INSERT INTO events(session_id, at, kind,"
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
