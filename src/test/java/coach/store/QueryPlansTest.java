package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.app.AlertScan;
import coach.app.Attendance;
import coach.app.ClinicView;
import coach.app.FivePatients;
import coach.app.report.ReportReader;
import coach.app.report.TextReport;
import coach.session.Outcome;
import coach.session.Rating;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statement the clinic board, the alert scan and one patient's commands run is pinned to
 * an index: each is recorded with its values as they run on a filled history, then the
 * database's own plan for it is read (EXPLAIN QUERY PLAN on SQLite; EXPLAIN on PostgreSQL, on
 * tables with thousands of rows and fresh statistics). No plan may read the whole of a table that
 * grows with the clinic: sessions, levels, ratings, events, alerts (the open alerts' partial
 * index excepted) or the clinicians' looks; only the board's very first read lists every
 * patient, one row each. (The scan's place is one row.)
 */
@Timeout(300)
class QueryPlansTest {
  private static final String PATIENT = "P-1003";

  @TempDir Path dir;

  /** What ran, each distinct statement once with the values of its first run. */
  private final Map<String, List<Object>> ran = new LinkedHashMap<>();

  /** Runs the board, the scan and one patient's commands on the store, recording what they run. */
  private void drive(SqlHistoryStore store) throws Exception {
    FivePatients.before(store);
    FivePatients.today(store);
    store.watch((sql, values) -> {
      synchronized (ran) {
        ran.putIfAbsent(sql, values);
      }
    });
    Instant now = FivePatients.NOW;
    AlertScan scan = new AlertScan(store, FivePatients::routines, FivePatients.ZONE);
    scan.changed(now); // the first scan looks at every patient once
    ClinicView view = new ClinicView(store, FivePatients::routines, (s, p) -> ReportReader
        .read(s, p, FivePatients::routines, null, null, FivePatients.ZONE)
        .map(TextReport::lines).orElse(List.of()), "dr-kim", FivePatients.ZONE,
        Clock.fixed(now, FivePatients.ZONE));
    List<String> all = view.rows().stream().map(r -> r.patient()).toList();
    view.details(all.subList(0, Math.min(60, all.size())));
    // a session lands; the board reads what changed and the scan looks again
    store.copy(new HistoryStore.SessionRow("late", PATIENT, "sciatica", "h", now.minusSeconds(60),
        now, Outcome.COMPLETED, 0, 1, 0, false, Map.of("cat-camel", 0)), List.of(
        new HistoryStore.RatingRow("late", 1, now, new Rating(Rating.Kind.BASELINE, null, -1,
            null, 0, -1, "", 3, null))), List.of());
    view.rows();
    view.details(List.of(PATIENT));
    scan.changed(now.plus(Duration.ofDays(1)));
    long alert = store.openAlerts(List.of(PATIENT)).get(0).id();
    view.acknowledge(PATIENT, alert, "called");
    view.report(PATIENT);
    view.rows();
    // one patient's commands: report, due, history, a session's start
    ReportReader.read(store, PATIENT, FivePatients::routines, null, null, FivePatients.ZONE);
    Attendance.of(store, PATIENT, FivePatients.SCIATICA, now, FivePatients.ZONE);
    CarryOver.plan(FivePatients.SCIATICA, store, PATIENT, now);
    store.live(PATIENT);
    store.alerts(PATIENT, false, null);
    store.watch(null);
    for (String must : List.of("FROM patients WHERE changed >= ?", "WHERE attend_at <= ?",
        "WHERE ack_at IS NULL AND patient", "FROM looks WHERE clinician = ?",
        "FROM places WHERE name = ?", "FROM ratings WHERE session_id IN")) {
      assertTrue(ran.keySet().stream().anyMatch(s -> s.contains(must)), "never ran: " + must
          + "\n" + String.join("\n", ran.keySet()));
    }
  }

  /** The statements worth a plan: every read and every write that finds its rows. */
  private Map<String, List<Object>> planned() {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    ran.forEach((sql, values) -> {
      String s = sql.strip().toUpperCase(java.util.Locale.ROOT);
      if (s.startsWith("SELECT") || s.startsWith("UPDATE") || s.startsWith("DELETE")
          || s.startsWith("INSERT") && s.contains("SELECT")) {
        out.put(sql, values);
      }
    });
    return out;
  }

  /** The board's first read: every patient, one row each (the board's content). */
  private static boolean listsEveryPatient(String sql, List<Object> values) {
    return sql.contains("FROM patients WHERE changed >= ?")
        && values.stream().allMatch(v -> v.equals(0L));
  }

  @Test
  void onSqliteEveryStatementSearchesAnIndex() throws Exception {
    Path file = dir.resolve("history.db");
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      filler(store, 300, 20);
      drive(store);
    }
    Pattern bigScan = Pattern.compile("^SCAN (sessions|levels|ratings|events|alerts|looks)"
        + "\\b(?! USING INDEX alerts_unacknowledged)");
    List<String> bad = new ArrayList<>();
    int plans = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      for (Map.Entry<String, List<Object>> e : planned().entrySet()) {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("EXPLAIN QUERY PLAN " + e.getKey())) {
          bind(p, e.getValue());
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              plan.add(r.getString(4));
            }
          }
        }
        plans++;
        for (String line : plan) {
          boolean patientsScan = line.startsWith("SCAN patients")
              && !listsEveryPatient(e.getKey(), e.getValue());
          if (bigScan.matcher(line).find() || patientsScan) {
            bad.add(e.getKey() + "\n    " + String.join("\n    ", plan));
          }
        }
      }
    }
    assertTrue(plans >= 15, "only " + plans + " statements planned");
    assertEquals(List.of(), bad, "statements that read a whole table:\n" + String.join("\n",
        bad));
  }

  @Test
  void onPostgresEveryStatementUsesAnIndexOnTablesWithThousandsOfRows() throws Exception {
    String url = TestPostgres.newDatabase();
    PostgresUrl u = PostgresUrl.parse(url, Map.of());
    try (PostgresHistoryStore store = PostgresHistoryStore.open(u, Map.of(),
        dir.resolve("spool"))) {
      try (Connection c = DriverManager.getConnection(u.jdbcUrl(), "postgres", "postgres");
          Statement s = c.createStatement()) {
        fillerSql(s, 2000, 30);
        s.execute("ANALYZE");
      }
      drive(store);
    }
    Pattern bigScan = Pattern.compile("Seq Scan on (sessions|levels|ratings|events|alerts"
        + "|looks)\\b");
    List<String> bad = new ArrayList<>();
    int plans = 0;
    try (Connection c = DriverManager.getConnection(u.jdbcUrl(), "postgres", "postgres")) {
      for (Map.Entry<String, List<Object>> e : planned().entrySet()) {
        List<String> plan = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("EXPLAIN " + e.getKey())) {
          bind(p, e.getValue());
          try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
              plan.add(r.getString(1));
            }
          }
        }
        plans++;
        String text = String.join("\n", plan);
        boolean patientsScan = text.contains("Seq Scan on patients")
            && !listsEveryPatient(e.getKey(), e.getValue());
        if (bigScan.matcher(text).find() || patientsScan) {
          bad.add(e.getKey() + "\n    " + text.replace("\n", "\n    "));
        }
      }
    }
    assertTrue(plans >= 15, "only " + plans + " statements planned");
    assertEquals(List.of(), bad, "statements that read a whole table:\n" + String.join("\n",
        bad));
  }

  private static void bind(PreparedStatement p, List<Object> values) throws Exception {
    for (int i = 0; i < values.size(); i++) {
      p.setObject(i + 1, values.get(i));
    }
  }

  /** Patients F-0..., each with daily sessions of ten ratings and an event, through the store. */
  private static void filler(HistoryStore store, int patients, int days) throws Exception {
    Instant start = FivePatients.NOW.minus(Duration.ofDays(days + 1));
    List<HistoryStore.Copied> batch = new ArrayList<>();
    for (int p = 0; p < patients; p++) {
      for (int d = 0; d < days; d++) {
        String id = "f" + p + "-" + d;
        Instant at = start.plus(Duration.ofDays(d)).plusSeconds(p);
        List<HistoryStore.RatingRow> r = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
          r.add(new HistoryStore.RatingRow(id, i, at.plusSeconds(60L * i), new Rating(i == 1
              ? Rating.Kind.BASELINE : Rating.Kind.SET, i == 1 ? null : "cat-camel", i == 1
              ? -1 : 0, null, i == 1 ? 0 : i, i == 1 ? -1 : 0, "", 2 + i % 3, "back")));
        }
        batch.add(new HistoryStore.Copied(new HistoryStore.SessionRow(id, "F-" + p,
            "sciatica", "h", at, at.plusSeconds(900), Outcome.COMPLETED, 0, 1, 0, false,
            Map.of("cat-camel", 0)), r, List.of(new HistoryStore.EventRow(id, 1, at,
            RecordKind.NEXT_MORNING, null, -1, -1, "same"))));
      }
      if (batch.size() >= 500) {
        store.copy(batch);
        batch.clear();
      }
    }
    store.copy(batch);
  }

  /** As {@link #filler}, written by the database itself (faster for many rows). */
  private static void fillerSql(Statement s, int patients, int days) throws Exception {
    String t0 = "timestamptz '" + FivePatients.NOW.minus(Duration.ofDays(days + 1)) + "'";
    s.execute("INSERT INTO sessions(id, patient, routine_id, routine_hash, started_at,"
        + " ended_at, outcome) SELECT 'f' || p || '-' || d, 'F-' || p, 'sciatica', 'h', " + t0
        + " + d * interval '1 day' + p * interval '1 second', " + t0 + " + d * interval '1 day'"
        + " + p * interval '1 second' + interval '15 minutes', 'COMPLETED'"
        + " FROM generate_series(0, " + (patients - 1) + ") p, generate_series(0, " + (days - 1)
        + ") d");
    s.execute("INSERT INTO levels SELECT id, 'cat-camel', 0 FROM sessions");
    s.execute("INSERT INTO ratings(session_id, seq, at, kind, exercise_id, level, level_id,"
        + " set_no, round_no, round_label, value, region) SELECT id, i, started_at + i *"
        + " interval '1 minute', CASE WHEN i = 1 THEN 'BASELINE' ELSE 'SET' END, CASE WHEN"
        + " i = 1 THEN NULL ELSE 'cat-camel' END, CASE WHEN i = 1 THEN -1 ELSE 0 END, NULL,"
        + " CASE WHEN i = 1 THEN 0 ELSE i END, CASE WHEN i = 1 THEN -1 ELSE 0 END, '',"
        + " 2 + i % 3, 'back' FROM sessions, generate_series(1, 10) i");
    s.execute("INSERT INTO events(session_id, seq, at, kind, detail) SELECT id, 1, started_at,"
        + " 'NEXT_MORNING', 'same' FROM sessions");
    s.execute("INSERT INTO patients(patient, last_started, changed) SELECT patient,"
        + " max(started_at), 1 FROM sessions GROUP BY patient");
    // alerts of every patient, all acknowledged but one in fifty
    s.execute("INSERT INTO alerts(patient, kind, cause, raised_at, facts, ack_at, ack_by)"
        + " SELECT 'F-' || p, 'MISSED_SESSIONS', 'c' || k, " + t0 + ", 'f', CASE WHEN"
        + " (p + k) % 50 = 0 THEN NULL ELSE " + t0 + " END, CASE WHEN (p + k) % 50 = 0 THEN"
        + " NULL ELSE 'dr' END FROM generate_series(0, " + (patients - 1) + ") p,"
        + " generate_series(0, 4) k WHERE (p + k) % 50 <> 0 OR k = 0");
    // three other clinicians who looked at every patient
    s.execute("INSERT INTO looks SELECT 'dr-' || k, 'F-' || p, 1, " + t0 + " FROM"
        + " generate_series(0, " + (patients - 1) + ") p, generate_series(1, 3) k");
  }
}
