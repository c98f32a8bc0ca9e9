package coach.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Wrote src/test/resources/histories/schema-N.db once, for each released schema version: the
 * tables as that version's migrations made them, and the rows as that version wrote them (three
 * sessions of two patients, their levels, ratings and events). They are kept as they were
 * written and never remade, so that {@code OldHistoriesTest} opens what an older coach left on
 * a disk. A new schema version adds its own file: {@code java ... OldHistoryFixtures 4}.
 */
public final class OldHistoryFixtures {
  private OldHistoryFixtures() {}

  public static void main(String[] args) throws Exception {
    for (String a : args) {
      int version = Integer.parseInt(a);
      Path file = Path.of("src/test/resources/histories/schema-" + version + ".db");
      Files.deleteIfExists(file);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement s = c.createStatement()) {
        for (String sql : Migrations.SQLITE.statementsUpTo(version)) {
          s.execute(sql);
        }
        s.execute("PRAGMA application_id = " + SqliteOpening.APPLICATION_ID);
        s.execute("PRAGMA user_version = " + version);
        String live = version >= 2 ? ", host, pid, heartbeat_at" : "";
        String liveValues = version >= 2 ? ", 'kiosk-1', 4242, '2026-03-02T09:20:00Z'" : "";
        s.execute("INSERT INTO sessions(id, patient, routine_id, routine_hash, started_at,"
            + " ended_at, outcome, resume_exercise, resume_set, resume_round, settled" + live
            + ") VALUES"
            + " ('s-ann-1', 'ann', 'sciatica', 'h1', '2026-03-01T09:00:00Z',"
            + " '2026-03-01T09:25:00Z', 'COMPLETED', 0, 1, 0, 0" + liveValues + "),"
            + " ('s-ann-2', 'ann', 'sciatica', 'h1', '2026-03-02T09:00:00Z', NULL, NULL, 1, 2,"
            + " 0, 0" + liveValues + "),"
            + " ('s-bob-1', 'bob', 'sciatica', 'h1', '2026-03-02T10:00:00Z',"
            + " '2026-03-02T10:12:00Z', 'STOPPED_FOR_PAIN', 0, 1, 0, 0" + liveValues + ")");
        s.execute("INSERT INTO levels VALUES ('s-ann-1', 'cat-camel', 0),"
            + " ('s-ann-1', 'nerve-glide', 2), ('s-bob-1', 'nerve-glide', 3)");
        s.execute("INSERT INTO ratings(session_id, seq, at, kind, exercise_id, level, level_id,"
            + " set_no, round_no, round_label, value, region) VALUES"
            + " ('s-ann-1', 1, '2026-03-01T09:01:00Z', 'BASELINE', NULL, -1, NULL, 0, -1, '', 3,"
            + " 'buttock'),"
            + " ('s-ann-1', 2, '2026-03-01T09:04:00Z', 'SET', 'cat-camel', 0, 'hands-knees', 1, 0,"
            + " 'lower back', 2, 'back'),"
            + " ('s-ann-1', 3, '2026-03-01T09:12:00Z', 'SET', 'nerve-glide', 1, 'slider',"
            + " 1, 0, 'left leg', 5, 'thigh'),"
            + " ('s-ann-2', 1, '2026-03-02T09:01:00Z', 'BASELINE', NULL, -1, NULL, 0, -1, '', 2,"
            + " NULL),"
            + " ('s-bob-1', 1, '2026-03-02T10:01:00Z', 'BASELINE', NULL, -1, NULL, 0, -1, '', 4,"
            + " 'below the knee'),"
            + " ('s-bob-1', 2, '2026-03-02T10:08:00Z', 'SET', 'nerve-glide', 3, 'lying-slider',"
            + " 1, 0, 'right leg', 7, 'foot')");
        String seq = version >= 3 ? ", seq" : "";
        String[] seqs = version >= 3 ? new String[] {", 1", ", 1", ", 2"} : new String[] {"",
          "", ""};
        // before codes, an older coach kept the reason of a switch as a sentence
        String switchDetail = version >= 2 ? "easier pain=3>5 number level=1>2"
            : "Pain 3 -> 5: from Seated nerve slider to the easier Small-range nerve slider";
        s.execute("INSERT INTO events(session_id, at, kind, exercise_id, from_level, to_level,"
            + " detail" + seq + ") VALUES"
            + " ('s-ann-1', '2026-03-01T09:12:30Z', 'SWITCH', 'nerve-glide', 1, 2, '"
            + switchDetail + "'" + seqs[0] + "),"
            + " ('s-bob-1', '2026-03-02T10:00:30Z', 'NEXT_MORNING', NULL, -1, -1, 'worse'"
            + seqs[1] + "),"
            + " ('s-bob-1', '2026-03-02T10:08:30Z', 'CONTACT', 'nerve-glide', -1, -1,"
            + " 'easiest pain=4>7 number limit=5 level=3'" + seqs[2] + ")");
        if (version >= 4) {
          s.execute("INSERT INTO alerts(patient, kind, cause, raised_at, facts, ack_at, ack_by,"
              + " ack_note, delivered_at, attempts) VALUES ('bob', 'ENDED_FOR_PAIN', 's-bob-1',"
              + " '2026-03-02T10:13:00Z', 'the session of Mon 2 Mar ended for pain',"
              + " '2026-03-02T11:00:00Z', 'dr k', 'called', '2026-03-02T10:13:05Z', 1)");
        }
        if (version >= 5) {
          // as schema 5 keeps them: a row per patient with the mark of their last change, a
          // clinician's look, where the alert scan got to
          s.execute("INSERT INTO patients(patient, last_started, changed, attend_at) VALUES"
              + " ('ann', '2026-03-02T09:00:00Z', 7, '2026-03-04T10:00:00Z'),"
              + " ('bob', '2026-03-02T10:00:00Z', 9, NULL)");
          s.execute("INSERT INTO looks(clinician, patient, mark, at) VALUES"
              + " ('dr k', '', 3, '2026-03-01T08:00:00Z'),"
              + " ('dr k', 'bob', 10, '2026-03-02T11:00:00Z')");
          s.execute("INSERT INTO places(name, mark, at, key) VALUES"
              + " ('alert-scan', 10, '2026-03-02T11:00:00Z', NULL)");
        }
      }
    }
  }
}
