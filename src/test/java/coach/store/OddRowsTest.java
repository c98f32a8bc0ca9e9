package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Effect;
import coach.session.Outcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One odd row does not blind the clinic: a kind a newer coach wrote, or a time that is not one,
 * is passed over or named in one line, and everything else is read.
 */
class OddRowsTest {
  @TempDir
  Path tmp;

  private void sql(Path file, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }

  @Test
  void kindsOfANewerCoachArePassedOverAndTheRestIsRead() throws Exception {
    Path file = SqliteHistoryStore.fileIn(tmp);
    String session;
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      SessionRecorder r = store.begin("p1", "sciatica", "h", Map.of());
      r.apply(new Effect.RecordRedFlag("bowel-bladder"));
      r.apply(new Effect.SessionEnded(Outcome.RED_FLAG));
      session = r.sessionId();
      store.raise("p1", AlertKind.RED_FLAG, session + "#1", "red flag", Instant.now());
    }
    sql(file, "INSERT INTO alerts(patient, kind, cause, raised_at, facts, attempts)"
        + " VALUES ('p2', 'ROOT_KIT', 'x', '2026-12-06T10:00:00Z', 'from a newer coach', 0)",
        "INSERT INTO events(session_id, seq, at, kind, exercise_id, from_level, to_level, detail)"
        + " VALUES ('" + session + "', 9, '2026-12-06T10:00:00Z', 'FUTURE_THING', NULL, -1,"
        + " -1, 'x')");
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      List<AlertOutbox.AlertRow> open = store.alerts(null, true, null);
      assertEquals(List.of(AlertKind.RED_FLAG), open.stream().map(AlertOutbox.AlertRow::kind)
          .toList());
      assertEquals(List.of(RecordKind.RED_FLAG), store.events(session).stream()
          .map(HistoryStore.EventRow::kind).toList());
      assertEquals(1, store.undelivered(Instant.now()).size());
    }
  }

  @Test
  void aHeartbeatThatIsNotATimeKeepsNobodyFromStarting() throws Exception {
    Path file = SqliteHistoryStore.fileIn(tmp);
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      store.begin("p1", "sciatica", "h", Map.of());
    }
    sql(file, "UPDATE sessions SET heartbeat_at = 'garbage'");
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      assertFalse(store.live("p1").isPresent());
    }
  }

  @Test
  void aStartThatIsNotATimeIsAProblemInOneLineNotACrash() throws Exception {
    Path file = SqliteHistoryStore.fileIn(tmp);
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      store.begin("p1", "sciatica", "h", Map.of()).apply(
          new Effect.SessionEnded(Outcome.COMPLETED));
    }
    sql(file, "UPDATE sessions SET started_at = 'not-a-time'");
    SqliteCheck.Check c = SqliteCheck.check(file);
    assertFalse(c.sound());
    String all = String.join("\n", c.problems());
    assertTrue(all.contains("started_at holds \"not-a-time\", which is not a time"), all);
  }
}
