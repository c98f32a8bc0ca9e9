package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Coach;
import coach.session.Effect;
import coach.session.Event;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Reason;
import coach.session.Rise;
import coach.session.Screen;
import coach.session.SessionState;
import coach.session.StartOptions;
import coach.session.Transition;
import coach.store.CarryOver;
import coach.store.SessionRecorder;
import coach.store.SqliteHistoryStore;
import coach.tui.ManualClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history, export and report on a store filled by real sessions of the core. */
class HistoryCommandsTest {
  @TempDir Path data;

  private static Routine sciatica() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok());
    return r.routine();
  }

  /** Runs a session through the core into the store; pain on the first exercise as given. */
  private void session(String patient, int... pain) throws Exception {
    Routine routine = sciatica();
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(data))) {
      // each session is planned as if it were the next day, so the morning-after question is due
      CarryOver.Plan plan = CarryOver.plan(routine, store, patient,
          java.time.Instant.now().plus(java.time.Duration.ofHours(9)));
      ManualClock clock = new ManualClock();
      Coach coach = new Coach(routine, plan.options());
      SessionState s = coach.start();
      SessionRecorder rec = store.begin(patient, routine.id(), "hash", Map.of());
      int i = 0;
      for (int guard = 0; guard < 2000 && s.outcome() == null; guard++) {
        Event e;
        if (s.screen() == Screen.PAIN) {
          e = new Event.Digit(i < pain.length ? pain[i] : pain[pain.length - 1]);
          s = apply(coach, s, e, clock.nanoTime(), rec);
          i++;
          // the symptoms reach the back (the first answer of a session has no default)
          while (routine.painRule().spreadCounts() && s.draftRegion().orElse(-1) < 1) {
            s = apply(coach, s, Event.Key.DOWN, clock.nanoTime(), rec);
          }
          e = Event.Key.CONFIRM;
        } else if (s.screen() == Screen.SCREENING || s.screen() == Screen.NEXT_MORNING
            || s.screen() == Screen.OFFER_HARDER || s.screen() == Screen.SERIOUS_SIGNS) {
          e = Event.Key.NO;
        } else if (s.screen() == Screen.INTRO && s.exercise() > 0) {
          e = Event.Key.SKIP; // only the first exercise is done in these tests
        } else if (coach.nextWake(s, clock.nanoTime()).isPresent()) {
          clock.advanceNanos(coach.nextWake(s, clock.nanoTime()).getAsLong() - clock.nanoTime());
          e = new Event.Tick();
        } else {
          e = Event.Key.CONFIRM;
        }
        s = apply(coach, s, e, clock.nanoTime(), rec);
      }
    }
  }

  private static SessionState apply(Coach coach, SessionState s, Event e, long now,
      SessionRecorder rec) throws Exception {
    Transition t = coach.update(s, e, now);
    for (Effect fx : t.effects()) {
      rec.apply(fx);
    }
    return t.state();
  }

  private String[] run(String... args) {
    return InProcess.run(Map.of("USER", "pat", "HOME", data.toString(), "LANG", "C.UTF-8"),
        Path.of("").toAbsolutePath(), args).asArray();
  }

  @BeforeEach
  void twoSessions() throws Exception {
    // baseline 2, then 2; 4 one level easier; 5 no rise from 4; 6 above the ceiling stops the
    // exercise at once, and the marked choice ends the session
    session("pat", 2, 2, 4, 5, 6);
    session("pat", 1, 1, 1, 1);
  }

  @Test
  void historyShowsSessionsAndATrendChart() {
    String[] r = run("history", "--data-dir", data.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("Sessions of pat:"), r[1]);
    assertEquals(2, r[1].lines().filter(l -> l.contains(" sciatica ")).count(), r[1]);
    assertTrue(r[1].contains("Cat/Camel series"), r[1]);
    assertTrue(r[1].matches("(?s).*Cat/Camel series\\s+[\u2581-\u2588]{2}\\s+6 1.*"), r[1]);
    String[] ascii = run("history", "--data-dir", data.toString(), "--ascii");
    assertTrue(ascii[1].lines().filter(l -> l.contains("Cat/Camel")).allMatch(
        l -> l.chars().allMatch(c -> c < 128)), ascii[1]);
  }

  /**
   * A chart for each routine: a later session of another routine no longer hides the first
   * routine's chart, and a routine none of whose sessions rated an exercise says so.
   */
  @Test
  void historyChartsEachRoutineAndSaysWhenOneHasNothingToChart() throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(data))) {
      SessionRecorder rec = store.begin("pat", "knee", "h", Map.of());
      rec.apply(new Effect.SessionEnded(coach.session.Outcome.QUIT));
    }
    String[] r = run("history", "--data-dir", data.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("Pain trend per exercise (sciatica;"), r[1]);
    assertTrue(r[1].matches("(?s).*Cat/Camel series\\s+[\u2581-\u2588]{2}\\s+6 1.*"), r[1]);
    assertTrue(r[1].contains("No pain trend for knee: none of its sessions rated an exercise."),
        r[1]);
    String[] only = run("history", "--data-dir", data.toString(), "--routine", "knee");
    assertEquals("0", only[0], only[2]);
    assertEquals(1, only[1].lines().filter(l -> l.contains(" knee ")).count(), only[1]);
    assertFalse(only[1].contains("sciatica"), only[1]);
    String[] none = run("history", "--data-dir", data.toString(), "--routine", "hip");
    assertEquals("No sessions of routine hip for pat yet.\n", none[1]);
  }

  @Test
  void exportOfAPatientWithNoSessionIsRefusedAndWritesNothing() {
    Path file = data.resolve("typo.csv");
    for (String format : List.of("csv", "json")) {
      String[] r = run("export", "--patient", "pta", "--format", format, "--data-dir",
          data.toString(), "-o", file.toString());
      assertEquals("1", r[0], r[2]);
      assertEquals("coach export: no sessions recorded for patient \"pta\"; nothing written\n",
          r[2]);
      assertFalse(Files.exists(file));
    }
    String[] fhir = run("export", "--patient", "pta", "--format", "fhir", "--patient-system",
        "urn:oid:1.2.3", "--data-dir", data.toString(), "-o", file.toString());
    assertEquals("1", fhir[0], fhir[2]);
    assertFalse(Files.exists(file));
  }

  @Test
  void exportCsvHasEveryRatingAndEvent() throws Exception {
    Path file = data.resolve("out.csv");
    String[] r = run("export", "--format", "csv", "--data-dir", data.toString(), "-o",
        file.toString());
    assertEquals("0", r[0], r[2]);
    List<String> lines = Files.readAllLines(file);
    assertEquals(String.join(",", coach.app.TableExport.COLUMNS), lines.get(0));
    long ratings = lines.stream().filter(l -> l.contains(",RATING,")).count();
    // first session: baseline 2, then 2, 4 (easier), 5 (easiest), 6 (contact, session ends)
    // = 5; second: baseline and 3 sets x 3 segments = 10
    assertEquals(15, ratings);
    assertTrue(lines.stream().anyMatch(l -> l.contains(",CONTACT,")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.contains(",SWITCH,") && l.contains("Pain 2 -> 4")),
        String.join("\n", lines));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(file)));
  }

  @Test
  void exportJsonParsesBack() throws Exception {
    String[] r = run("export", "--format", "json", "--data-dir", data.toString());
    assertEquals("0", r[0], r[2]);
    JsonNode rows = new ObjectMapper().readTree(r[1]);
    assertTrue(rows.isArray());
    long values = 0;
    for (JsonNode row : rows) {
      if (row.get("record").asText().equals("RATING")) {
        values++;
        assertTrue(row.get("value").isInt());
      }
    }
    assertEquals(15, values);
  }

  @Test
  void reportSummarisesForTheTherapist() {
    String[] r = run("report", "--data-dir", data.toString());
    assertEquals("0", r[0], r[2]);
    String text = r[1];
    assertTrue(text.contains("Sessions: 2"), text);
    assertTrue(text.contains("Routine: Sciatica relief routine (sciatica), version 3"), text);
    // days, not sessions: both sessions were on one day
    assertTrue(text.contains("Days with exercise per week (the routine asks for: daily; 7 days"
        + " a week):"), text);
    assertTrue(text.matches("(?s).*-W\\d\\d: 1 of 7 days \\(2 sessions\\)\n.*"), text);
    assertTrue(text.contains("Outcomes: 1 stopped for pain, 1 completed"), text);
    assertTrue(text.contains("Pain before exercise (baseline): 2 1"), text);
    assertTrue(text.contains("Highest pain during each session: 6 1"), text);
    assertTrue(text.contains("Cat/Camel series: 2 -> 1"), text);
    assertTrue(text.contains("\n    symptoms reached: "), text);
    assertTrue(text.contains("\"Cat/Camel on hands and knees\" -> \"Small-range Cat/Camel on"
        + " hands and knees\" (Pain 2 -> 4"), text);
    assertTrue(text.contains("Worse the morning after?"), text);
    assertTrue(text.contains("not worse"), text);
  }

  @Test
  void theReportPutsStoredCodesIntoWordsAndShowsOlderSentencesAsTheyAre() throws Exception {
    Path db = SqliteHistoryStore.fileIn(data);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        java.sql.Statement st = c.createStatement()) {
      // the history keeps codes with their numbers
      try (java.sql.ResultSet rs = st.executeQuery(
          "SELECT detail FROM events WHERE kind = 'SWITCH' ORDER BY id LIMIT 1")) {
        assertTrue(rs.next());
        assertEquals("easier pain=2>4 number level=0>1", rs.getString(1));
      }
      // an older version stored the sentence itself: it is shown as it is
      st.executeUpdate("UPDATE events SET detail = 'Pain 3 -> 4: from \"Old\" to the easier"
          + " \"Older\"' WHERE id = (SELECT min(id) FROM events WHERE kind = 'SWITCH')");
    }
    String[] r = run("report", "--data-dir", data.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("(Pain 3 -> 4: from \"Old\" to the easier \"Older\")"), r[1]);
    assertTrue(r[1].contains("Cat/Camel series: Pain went from 5 to 6, above the limit of 5: the"
        + " exercise stopped at \"Small-range Cat/Camel on hands and knees\""), r[1]);
    assertTrue(r[1].contains("\nStopped for today: none\n"), r[1]);
  }

  @Test
  void theNextSessionKnowsEarlierRatingsForItsSummary() throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(data))) {
      // the next morning: the question about the morning after is due
      CarryOver.Plan plan = CarryOver.plan(sciatica(), store, "pat",
          java.time.Instant.now().plus(java.time.Duration.ofHours(9)));
      assertEquals(List.of(6, 1), plan.options().earlier().get("cat-camel"));
      assertTrue(plan.options().askNextMorning());
      // minutes after the last session it is not
      assertFalse(CarryOver.plan(sciatica(), store, "pat", java.time.Instant.now())
          .options().askNextMorning());
    }
  }

  @Test
  void csvCellsCannotRunAsFormulas() {
    assertEquals("'=cmd|' /C calc'!A0", coach.app.TableExport.cell("=cmd|' /C calc'!A0"));
    assertEquals("\"a,b\"", coach.app.TableExport.cell("a,b"));
    assertEquals("-3", coach.app.TableExport.cell(-3));
  }

  @Test
  void anExportedCsvRunsNoTextCellAsAFormula() throws Exception {
    // text that a routine or the history could carry, each starting as a spreadsheet formula
    List<String> hostile = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0",
        "-2+3", "@SUM(A1)");
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(data))) {
      SessionRecorder rec = store.begin("p-2", "sciatica", "hash", Map.of());
      rec.apply(new Effect.RecordRating(new coach.session.Rating(coach.session.Rating.Kind.SET,
          hostile.get(0), 0, hostile.get(1), 1, 0, hostile.get(2), 3, hostile.get(3))));
      rec.apply(new Effect.RecordSwitch(hostile.get(0), 0, 1, new coach.session.Reason.Easier(
          new coach.session.Rise(2, 4, true, -1, -1, -1), 0, 1)));
      rec.apply(new Effect.RecordContactShown(hostile.get(1), new coach.session.Reason.AtEasiest(
          new coach.session.Rise(2, 6, true, 5, -1, -1), 1)));
      rec.apply(new Effect.RecordRedFlag(hostile.get(3)));
    }
    Path file = data.resolve("p-2.csv");
    String[] r = run("export", "--patient", "p-2", "--data-dir", data.toString(), "-o",
        file.toString());
    assertEquals("0", r[0], r[2]);
    List<List<String>> rows = parseCsv(Files.readString(file, StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    int seen = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals(header.size(), row.size(), row.toString());
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        boolean number = cell.matches("-?\\d+");
        assertTrue(cell.isEmpty() || number || "=+-@\t\r".indexOf(cell.charAt(0)) < 0,
            header.get(i) + " starts like a formula: " + cell);
        if (cell.startsWith("'") && hostile.contains(cell.substring(1))) {
          seen++;
        }
      }
    }
    assertTrue(seen >= 7, "each hostile text is in the export, defused: " + seen);
  }

  /** RFC 4180: fields separated by commas, quoted fields with doubled quotes, CRLF rows. */
  private static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new java.util.ArrayList<>();
    List<String> row = new java.util.ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new java.util.ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    return rows;
  }

  @Test
  void aMissingHistorySaysSoAndAnAlienFileIsRefused() throws Exception {
    Path empty = data.resolve("empty");
    String[] r = run("report", "--data-dir", empty.toString());
    assertEquals("0", r[0]);
    assertTrue(r[1].startsWith("No sessions recorded yet"), r[1]);
    Path alien = data.resolve("alien");
    Files.createDirectories(alien);
    Files.writeString(alien.resolve("history.db"), "not a database");
    r = run("history", "--data-dir", alien.toString());
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("not a Rehab Coach history file"), r[2]);
    assertEquals("not a database", Files.readString(alien.resolve("history.db")));
  }

  @Test
  void migrateCopiesIntoPostgresOnceAndTheReadingCommandsSeeTheSame() throws Exception {
    String url = coach.store.TestPostgres.newDatabase();
    for (int run = 0; run < 2; run++) {
      String[] r = run("migrate", "--from", data.toString(), "--to", url);
      assertEquals("0", r[0], r[2]);
      // 2 sessions, 15 ratings; events: the morning-after answer, 2 switches and the contact
      assertTrue(r[1].matches("(?s).*sessions\\s+2 copied, all in the database \\(it holds 2\\).*"),
          r[1]);
      assertTrue(r[1].matches("(?s).*ratings\\s+15 copied, all in the database \\(it holds 15\\).*"),
          r[1]);
      assertTrue(r[1].matches("(?s).*events\\s+(\\d+) copied, all in the database \\(it holds \\1\\).*"),
          r[1]);
    }
    assertEquals(run("report", "--data-dir", data.toString())[1],
        run("report", "--data-dir", data.toString(), "--db", url)[1]);
    // alerts come along, acknowledged ones staying acknowledged
    String local = run("alerts", "--all", "--format", "json", "--data-dir", data.toString())[1];
    JsonNode here = new ObjectMapper().readTree(local);
    run("alerts", "ack", here.get(0).get("id").asText(), "--by", "Dr Kim", "--data-dir",
        data.toString());
    String[] again = run("migrate", "--from", data.toString(), "--to", url);
    assertEquals("0", again[0], again[2]);
    JsonNode there = new ObjectMapper().readTree(run("alerts", "--all", "--format", "json",
        "--db", url, "--data-dir", data.toString())[1]);
    assertEquals(here.size(), there.size());
    assertTrue(there.toString().contains("\"by\":\"Dr Kim\""), there.toString());
    String[] fromDb = run("export", "--format", "json", "--db", url, "--data-dir",
        data.toString());
    assertEquals("0", fromDb[0], fromDb[2]);
    assertEquals(new ObjectMapper().readTree(run("export", "--format", "json", "--data-dir",
        data.toString())[1]).size(), new ObjectMapper().readTree(fromDb[1]).size());
  }

  @Test
  void aDatabaseUrlWithAPasswordIsAUsageErrorThatDoesNotRepeatIt() {
    String[] r = run("report", "--db", "postgresql://coach:hunter2@db/rehab");
    assertEquals(Integer.toString(ExitCodes.USAGE), r[0]);
    assertTrue(r[2].startsWith("coach report: --db "), r[2]);
    assertTrue(r[2].contains("PGPASSWORD or ~/.pgpass"), r[2]);
    assertEquals(1, r[2].lines().count(), r[2]);
    assertFalse(r[2].contains("hunter2"), r[2]);
    String[] m = run("migrate", "--from", data.toString());
    assertEquals(Integer.toString(ExitCodes.USAGE), m[0]);
    assertTrue(m[2].contains("--to URL (or COACH_DB)"), m[2]);
  }

  @Test
  void alertsListWhatTheClinicianShouldActOnAndAckRecordsWhoAndWhat() throws Exception {
    String[] r = run("alerts", "--data-dir", data.toString());
    assertEquals("0", r[0], r[2]);
    // the first session stopped Cat/Camel above the ceiling (pain 5 -> 6) and ended for pain
    assertTrue(r[1].startsWith("2 open alerts, most urgent first:"), r[1]);
    assertTrue(r[1].contains("exercise stopped for pain"), r[1]);
    assertTrue(r[1].contains("pain 5 -> 6 (above the limit of 5) in Cat/Camel series, stopped at"
        + " Small-range Cat/Camel on hands and knees on "), r[1]);
    assertTrue(r[1].contains("session ended for pain"), r[1]);
    JsonNode list = new ObjectMapper().readTree(run("alerts", "--format", "json", "--data-dir",
        data.toString())[1]);
    assertEquals(2, list.size());
    assertEquals("STOPPED_AT_EASIEST", list.get(0).get("kind").asText());
    long id = list.get(0).get("id").asLong();
    // looking again raises nothing new
    assertEquals(r[1], run("alerts", "--data-dir", data.toString())[1]);
    String[] ack = run("alerts", "ack", "#" + id, "--by", "Dr Kim", "--note", "called her",
        "--data-dir", data.toString());
    assertEquals("0", ack[0], ack[2]);
    assertEquals("Acknowledged #" + id + " (by Dr Kim).\n", ack[1]);
    String[] again = run("alerts", "ack", Long.toString(id), "--data-dir", data.toString());
    assertEquals("1", again[0]);
    assertEquals("coach alerts: no open alert #" + id + "\n", again[2]);
    assertTrue(run("alerts", "--data-dir", data.toString())[1].startsWith("1 open alert,"));
    String all = run("alerts", "--all", "--patient", "pat", "--data-dir", data.toString())[1];
    assertTrue(all.contains("acknowledged by Dr Kim at "), all);
    assertTrue(all.contains(": called her"), all);
    assertEquals("2", run("alerts", "ack", "twelve", "--data-dir", data.toString())[0]);
    assertEquals("2", run("alerts", "--open", "--all", "--data-dir", data.toString())[0]);
  }

  @Test
  void symptomsSpreadingAndAStopForTodayReachTheAlertsAndTheReport() throws Exception {
    Rise spread = new Rise(3, 3, false, -1, 2, 5);
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(data))) {
      SessionRecorder rec = store.begin("sp", "sciatica", "hash", Map.of());
      rec.apply(new Effect.RecordSeriousSigns(null));
      rec.apply(new Effect.RecordRating(new Rating(Rating.Kind.SET, "nerve-glide", 1, "slider",
          1, 0, "", 3, "foot")));
      rec.apply(new Effect.RecordContactShown("nerve-glide", new Reason.Stopped(spread, 1)));
      rec.apply(new Effect.RecordStopForToday("nerve-glide",
          new Reason.StopToday(spread, 1, false)));
      rec.apply(new Effect.SessionEnded(Outcome.STOPPED_FOR_PAIN));
    }
    JsonNode list = new ObjectMapper().readTree(run("alerts", "--patient", "sp", "--format",
        "json", "--data-dir", data.toString())[1]);
    assertEquals(3, list.size(), list.toString());
    assertEquals("SYMPTOMS_SPREAD", list.get(0).get("kind").asText());
    assertEquals("symptoms spread", list.get(0).get("what").asText());
    assertFalse(list.get(0).get("urgent").asBoolean());
    assertTrue(list.get(0).get("facts").asText().startsWith("symptoms spread from the buttock to"
        + " the foot in Sciatic nerve glide (Seated nerve slider) on "), list.toString());
    assertEquals("STOPPED_FOR_TODAY", list.get(1).get("kind").asText());
    assertEquals("session stopped for today", list.get(1).get("what").asText());
    assertTrue(list.get(1).get("facts").asText().endsWith(": symptoms reaching the foot in"
        + " Sciatic nerve glide (Seated nerve slider)"), list.toString());
    assertEquals("ENDED_FOR_PAIN", list.get(2).get("kind").asText());
    String text = run("alerts", "--patient", "sp", "--data-dir", data.toString())[1];
    assertTrue(text.contains(" symptoms spread "), text);
    assertTrue(text.contains(" session stopped for today "), text);
    String report = run("report", "--patient", "sp", "--data-dir", data.toString())[1];
    assertTrue(report.contains("Sciatic nerve glide: The symptoms spread (buttock -> foot): the"
        + " exercise stopped at \"Seated nerve slider\""), report);
    assertTrue(report.contains("Stopped for today: \n  " + java.time.LocalDate.now()
        + "  Sciatic nerve glide: The symptoms spread (buttock -> foot), at \"Seated nerve"
        + " slider\": the session stops for today"), report);
    assertTrue(report.contains("none of the signs of a serious cause"), report);
    String csv = run("export", "--format", "csv", "--patient", "sp", "--data-dir",
        data.toString())[1];
    assertTrue(csv.lines().anyMatch(l -> l.contains(",STOP_TODAY,") && l.contains("the session"
        + " stops for today")), csv);
  }
}
