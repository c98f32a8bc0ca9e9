package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Reason;
import coach.session.Rise;
import coach.store.AlertKind;
import coach.store.AlertOutbox;
import coach.store.HistoryStore;
import coach.store.PostgresHistoryStore;
import coach.store.PostgresUrl;
import coach.store.RecordKind;
import coach.store.SqliteHistoryStore;
import coach.store.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which alerts a patient's history calls for: each kind, the trends, and causes raised once. */
class AlertRulesTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  /** A Thursday. */
  private static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");

  private static final Routine SCIATICA = load();

  private static Routine load() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  private static Optional<Routine> routines(String id) {
    return id.equals(SCIATICA.id()) ? Optional.of(SCIATICA) : Optional.empty();
  }

  private static int n;

  /** A session at that time with a baseline, exercise ratings (in order), events, an outcome. */
  private static AlertRules.Session session(Instant at, Outcome outcome, int baseline,
      List<Integer> pains, HistoryStore.EventRow... events) {
    String id = "s" + (++n);
    List<HistoryStore.RatingRow> ratings = new ArrayList<>();
    ratings.add(new HistoryStore.RatingRow(id, 1, at, new Rating(Rating.Kind.BASELINE, null, -1,
        null, 0, -1, "", baseline, null)));
    for (int p : pains) {
      ratings.add(new HistoryStore.RatingRow(id, ratings.size() + 1, at, new Rating(
          Rating.Kind.SET, "nerve-glide", 0, "slider", 1, 0, "", p, null)));
    }
    List<HistoryStore.EventRow> ev = new ArrayList<>();
    for (HistoryStore.EventRow e : events) {
      ev.add(new HistoryStore.EventRow(id, ev.size() + 1, at, e.kind(), e.exerciseId(),
          e.fromLevel(), e.toLevel(), e.detail()));
    }
    return new AlertRules.Session(new HistoryStore.SessionRow(id, "p", SCIATICA.id(), "h", at,
        at.plusSeconds(900), outcome, 0, 1, 0, false, Map.of()), ratings, ev);
  }

  private static HistoryStore.EventRow event(RecordKind kind, String exercise, String detail) {
    return new HistoryStore.EventRow("", 0, NOW, kind, exercise, -1, -1, detail);
  }

  private static List<AlertRules.Candidate> rules(AlertRules.Session... sessions) {
    return AlertRules.of(List.of(sessions), AlertRulesTest::routines, NOW, UTC);
  }

  private static List<AlertKind> kinds(List<AlertRules.Candidate> c) {
    return c.stream().map(AlertRules.Candidate::kind).toList();
  }

  @Test
  void eachKindFromASessionWithTheFactsBehindIt() {
    String atEasiest = new Reason.AtEasiest(new Rise(2, 8, true, 5, -1, -1), 3).code();
    AlertRules.Session s = session(NOW.minusSeconds(3600), Outcome.STOPPED_FOR_PAIN, 7,
        List.of(2, 8), event(RecordKind.NEXT_MORNING, null, RecordKind.WORSE),
        event(RecordKind.CONTACT, "nerve-glide", atEasiest),
        event(RecordKind.RED_FLAG, null, SCIATICA.redFlags().questions().get(0).id()));
    List<AlertRules.Candidate> c = rules(s);
    assertEquals(List.of(AlertKind.WORSE_NEXT_MORNING, AlertKind.STOPPED_AT_EASIEST,
        AlertKind.RED_FLAG, AlertKind.ENDED_FOR_PAIN, AlertKind.HIGH_START), kinds(c));
    String stopped = c.get(1).facts();
    assertTrue(stopped.startsWith("pain 2 -> 8 (above the limit of 5) in Sciatic nerve glide,"
        + " stopped at "), stopped);
    assertTrue(c.get(2).facts().contains(SCIATICA.redFlags().questions().get(0).question()));
    assertEquals(s.row().id() + "#2", c.get(1).cause());
    assertTrue(c.get(4).facts().startsWith("pain 7 before starting"), c.get(4).facts());
    assertTrue(c.get(4).facts().endsWith("(the routine's ceiling is 5)"), c.get(4).facts());
    // a mild session of today raises nothing
    assertEquals(List.of(), rules(session(NOW.minusSeconds(60), Outcome.COMPLETED, 2,
        List.of(2, 2))));
    // an old history raises nothing (a history copied in, a patient discharged long ago)
    assertEquals(List.of(), rules(session(NOW.minus(Duration.ofDays(20)),
        Outcome.STOPPED_FOR_PAIN, 8, List.of(9)), session(NOW.minus(Duration.ofDays(19)),
        Outcome.COMPLETED, 1, List.of(4)), session(NOW.minus(Duration.ofDays(18)),
        Outcome.COMPLETED, 1, List.of(6))));
  }

  @Test
  void symptomsSpreadingStopTheExerciseAndTheSessionForTodayWithTheRegionsNamed() {
    Rise spread = new Rise(3, 3, false, -1, 2, 5);
    AlertRules.Session s = session(NOW.minusSeconds(3600), Outcome.STOPPED_FOR_PAIN, 2,
        List.of(3, 3), event(RecordKind.CONTACT, "nerve-glide",
            new Reason.Stopped(spread, 1).code()), event(RecordKind.STOP_TODAY, "nerve-glide",
            new Reason.StopToday(spread, 1, false).code()));
    List<AlertRules.Candidate> c = rules(s);
    // a spread alone is not a stop at the easiest level: the spread's alert names the level
    assertEquals(List.of(AlertKind.SYMPTOMS_SPREAD, AlertKind.STOPPED_FOR_TODAY,
        AlertKind.ENDED_FOR_PAIN), kinds(c));
    assertEquals("symptoms spread from the buttock to the foot in Sciatic nerve glide (Seated"
        + " nerve slider) on Thu 26 Nov", c.get(0).facts());
    assertEquals(s.row().id() + "#1", c.get(0).cause());
    assertEquals("stopped for today on Thu 26 Nov: symptoms reaching the foot in Sciatic nerve"
        + " glide (Seated nerve slider)", c.get(1).facts());
    assertEquals(s.row().id() + "#2", c.get(1).cause());
    // from no symptoms; a region whose name stands alone; the first level
    Rise fromNone = new Rise(2, 2, false, -1, 0, 4);
    List<AlertRules.Candidate> d = rules(session(NOW.minusSeconds(60), Outcome.STOPPED_FOR_PAIN,
        2, List.of(2), event(RecordKind.CONTACT, "nerve-glide",
            new Reason.Stopped(fromNone, 0).code()), event(RecordKind.STOP_TODAY,
            "nerve-glide", new Reason.StopToday(fromNone, 0, false).code())));
    assertEquals("symptoms spread to below the knee (no symptoms before) in Sciatic nerve glide"
        + " (Seated nerve tensioner) on Thu 26 Nov", d.get(0).facts());
    assertEquals("stopped for today on Thu 26 Nov: symptoms reaching below the knee in Sciatic"
        + " nerve glide (Seated nerve tensioner)", d.get(1).facts());
  }

  @Test
  void aStopAboveTheCeilingAtAnyLevelRaisesTheStoppedAlertAndNoSpread() {
    Rise above = new Rise(2, 8, true, 5, -1, -1);
    List<AlertRules.Candidate> c = rules(session(NOW.minusSeconds(3600), Outcome.COMPLETED, 2,
        List.of(2, 8), event(RecordKind.CONTACT, "nerve-glide",
            new Reason.Stopped(above, 0).code())));
    assertEquals(List.of(AlertKind.STOPPED_AT_EASIEST), kinds(c));
    assertEquals("pain 2 -> 8 (above the limit of 5) in Sciatic nerve glide, stopped at Seated"
        + " nerve tensioner on Thu 26 Nov", c.get(0).facts());
    // above the ceiling and spreading: both, each with its own facts
    Rise both = new Rise(2, 8, true, 5, 1, 3);
    List<AlertRules.Candidate> d = rules(session(NOW.minusSeconds(3600), Outcome.COMPLETED, 2,
        List.of(2, 8), event(RecordKind.CONTACT, "nerve-glide",
            new Reason.Stopped(both, 1).code())));
    assertEquals(List.of(AlertKind.SYMPTOMS_SPREAD, AlertKind.STOPPED_AT_EASIEST), kinds(d));
    assertEquals("symptoms spread from the back to the thigh in Sciatic nerve glide (Seated"
        + " nerve slider) on Thu 26 Nov", d.get(0).facts());
    assertEquals("pain 2 -> 8 (above the limit of 5) in Sciatic nerve glide, stopped at Seated"
        + " nerve slider on Thu 26 Nov", d.get(1).facts());
    // a stop for a rise by number only, at the easiest level, as before
    List<AlertRules.Candidate> e = rules(session(NOW.minusSeconds(3600), Outcome.COMPLETED, 2,
        List.of(2, 5), event(RecordKind.CONTACT, "nerve-glide",
            new Reason.AtEasiest(new Rise(3, 5, true, -1, -1, -1), 3).code())));
    assertEquals("pain 3 -> 5 in Sciatic nerve glide, stopped at Lying nerve slider on Thu 26"
        + " Nov", e.get(0).facts());
  }

  @Test
  void aStopForTodaySaysWhy() {
    Instant at = NOW.minusSeconds(3600);
    // above the ceiling at the easiest level
    assertEquals("stopped for today on Thu 26 Nov: pain 2 -> 8 (above the limit of 5) in"
        + " Sciatic nerve glide, already at the easiest level (Lying nerve slider)",
        today(at, "nerve-glide", new Reason.StopToday(new Rise(2, 8, true, 5, -1, -1), 3,
            false).code()));
    assertEquals("stopped for today on Thu 26 Nov: pain 7 (above the limit of 5) in Sciatic"
        + " nerve glide, already at the easiest level (Lying nerve slider)",
        today(at, "nerve-glide", new Reason.StopToday(new Rise(8, 7, false, 5, -1, -1), 3,
            false).code()));
    // a second exercise stopped
    assertEquals("stopped for today on Thu 26 Nov: a second exercise stopped, pain 2 -> 5 in"
        + " Active straight leg raise (Bent-knee leg lift)", today(at, "straight-leg-raise",
            new Reason.StopToday(new Rise(2, 5, true, -1, -1, -1), 3, true).code()));
    assertEquals("stopped for today on Thu 26 Nov: a second exercise stopped, symptoms spread"
        + " from the buttock to the thigh in Active straight leg raise (Active straight leg"
        + " raise)", today(at, "straight-leg-raise",
            new Reason.StopToday(new Rise(2, 2, false, -1, 2, 3), 0, true).code()));
    // pain before starting above the ceiling, and the person chose to end for today
    assertEquals("stopped for today on Thu 26 Nov: pain 7 before starting, above the limit of 5",
        today(at, null, new Reason.HighStartStop(7, 5).code()));
    // a detail that is not a code is shown as it is
    assertEquals("stopped for today on Thu 26 Nov: too much", today(at, null, "too much"));
  }

  /** The facts of the stop-for-today alert of a session with that one event. */
  private static String today(Instant at, String exercise, String detail) {
    List<AlertRules.Candidate> c = rules(session(at, Outcome.COMPLETED, 2, List.of(2),
        event(RecordKind.STOP_TODAY, exercise, detail)));
    assertEquals(List.of(AlertKind.STOPPED_FOR_TODAY), kinds(c));
    return c.get(0).facts();
  }

  @Test
  void withoutTheRoutineRegionsAndLevelsAreNumbered() {
    Rise spread = new Rise(3, 3, false, -1, 2, 5);
    AlertRules.Session s = session(NOW.minusSeconds(3600), Outcome.COMPLETED, 2, List.of(3),
        event(RecordKind.CONTACT, "nerve-glide", new Reason.Stopped(spread, 1).code()),
        event(RecordKind.STOP_TODAY, "nerve-glide",
            new Reason.StopToday(spread, 1, false).code()));
    AlertRules.Session unknown = new AlertRules.Session(new HistoryStore.SessionRow("u", "p",
        "gone-routine", "h", s.row().started(), s.row().ended(), Outcome.COMPLETED, 0, 1, 0,
        false, Map.of()), s.ratings(), s.events());
    List<AlertRules.Candidate> c = rules(unknown);
    assertEquals(List.of(AlertKind.SYMPTOMS_SPREAD, AlertKind.STOPPED_FOR_TODAY), kinds(c));
    assertEquals("symptoms spread from region 2 to region 5 in nerve-glide (level 1) on Thu 26"
        + " Nov", c.get(0).facts());
    assertEquals("stopped for today on Thu 26 Nov: symptoms reaching region 5 in nerve-glide"
        + " (level 1)", c.get(1).facts());
  }

  @Test
  void ofTheSameDayKindsOnlyTheNewestCause() {
    Rise spread = new Rise(3, 3, false, -1, 2, 5);
    String contact = new Reason.Stopped(spread, 1).code();
    String today = new Reason.StopToday(spread, 1, false).code();
    AlertRules.Session older = session(NOW.minus(Duration.ofDays(2)), Outcome.STOPPED_FOR_PAIN,
        2, List.of(3), event(RecordKind.CONTACT, "nerve-glide", contact),
        event(RecordKind.STOP_TODAY, "nerve-glide", today));
    AlertRules.Session newer = session(NOW.minus(Duration.ofDays(1)), Outcome.STOPPED_FOR_PAIN,
        2, List.of(3), event(RecordKind.CONTACT, "nerve-glide", contact),
        event(RecordKind.STOP_TODAY, "nerve-glide", today));
    List<AlertRules.Candidate> c = rules(older, newer).stream()
        .filter(x -> x.kind() == AlertKind.SYMPTOMS_SPREAD
            || x.kind() == AlertKind.STOPPED_FOR_TODAY).toList();
    assertEquals(List.of(AlertKind.SYMPTOMS_SPREAD, AlertKind.STOPPED_FOR_TODAY), kinds(c));
    assertEquals(newer.row().id() + "#1", c.get(0).cause());
    assertEquals(newer.row().id() + "#2", c.get(1).cause());
    assertTrue(c.get(0).facts().endsWith("on Wed 25 Nov"), c.get(0).facts());
  }

  @Test
  void theSameDayKindsComeRightAfterARedFlag() {
    assertEquals(List.of(AlertKind.RED_FLAG, AlertKind.SYMPTOMS_SPREAD,
        AlertKind.STOPPED_FOR_TODAY, AlertKind.HIGH_PAIN_THROUGHOUT,
        AlertKind.CONTINUED_AFTER_STOP, AlertKind.STOPPED_AT_EASIEST),
        List.of(AlertKind.values()).subList(0, 6));
    assertTrue(!AlertKind.SYMPTOMS_SPREAD.urgent() && !AlertKind.STOPPED_FOR_TODAY.urgent());
  }

  @Test
  void everyRedFlagOnItsOwnAndOfOtherKindsOnlyTheNewestCause() {
    String first = SCIATICA.redFlags().questions().get(0).id();
    String second = SCIATICA.redFlags().questions().get(1).id();
    AlertRules.Session a = session(NOW.minus(Duration.ofDays(3)), Outcome.STOPPED_FOR_PAIN, 2,
        List.of(6), event(RecordKind.RED_FLAG, null, first));
    AlertRules.Session b = session(NOW.minus(Duration.ofDays(2)), Outcome.STOPPED_FOR_PAIN, 2,
        List.of(6));
    AlertRules.Session c = session(NOW.minus(Duration.ofDays(1)), Outcome.STOPPED_FOR_PAIN, 2,
        List.of(6), event(RecordKind.RED_FLAG, null, second));
    List<AlertRules.Candidate> got = rules(a, b, c).stream()
        .filter(x -> x.kind() != AlertKind.BEHIND_THIS_WEEK).toList();
    assertEquals(List.of(AlertKind.RED_FLAG, AlertKind.RED_FLAG, AlertKind.ENDED_FOR_PAIN),
        kinds(got));
    assertEquals(c.row().id(), got.get(2).cause(), "the newest session ended for pain");
  }

  @Test
  void aRoutineThatCannotBeFoundSaysNothingAboutMissedDays() {
    AlertRules.Session s = session(NOW.minus(Duration.ofDays(4)), Outcome.COMPLETED, 2,
        List.of(2));
    AlertRules.Session unknown = new AlertRules.Session(new HistoryStore.SessionRow("u", "p",
        "gone-routine", "h", s.row().started(), s.row().ended(), Outcome.COMPLETED, 0, 1, 0,
        false, Map.of()), s.ratings(), s.events());
    assertEquals(List.of(), rules(unknown));
    assertEquals(AlertKind.MISSED_SESSIONS, rules(s).get(0).kind());
  }

  @Test
  void missedDaysAndABehindWeekAgainstTheRoutinesFrequency() {
    // daily: the last session on Monday of last week; nothing since
    AlertRules.Session last = session(NOW.minus(Duration.ofDays(10)), Outcome.COMPLETED, 2,
        List.of(2));
    List<AlertRules.Candidate> c = rules(last);
    assertEquals(List.of(AlertKind.MISSED_SESSIONS, AlertKind.BEHIND_THIS_WEEK), kinds(c));
    assertEquals("no session for 10 days (the routine asks for daily)", c.get(0).facts());
    assertEquals("0 of 7 days this week so far, at most 4 possible", c.get(1).facts());
    assertEquals("2026-W48", c.get(1).cause());
    // yesterday and today: neither
    assertEquals(List.of(), rules(session(NOW.minus(Duration.ofDays(3)), Outcome.COMPLETED, 2,
        List.of(2)), session(NOW.minus(Duration.ofDays(2)), Outcome.COMPLETED, 2, List.of(2)),
        session(NOW.minus(Duration.ofDays(1)), Outcome.COMPLETED, 2, List.of(2)),
        session(NOW.minus(Duration.ofHours(1)), Outcome.COMPLETED, 2, List.of(2)),
        session(NOW.minus(Duration.ofDays(7)), Outcome.COMPLETED, 2, List.of(2))).stream()
        .filter(x -> x.kind() == AlertKind.MISSED_SESSIONS).toList());
    // two days and a bit: missed (more than twice the daily interval)
    assertEquals(List.of(AlertKind.MISSED_SESSIONS), kinds(rules(session(NOW.minus(
        Duration.ofHours(49)), Outcome.COMPLETED, 2, List.of(2)))).subList(0, 1));
  }

  @Property(tries = 300)
  void risingEndsOfThreeSessionsRaiseTheTrendAndNothingElseDoes(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 5) Integer> ends) {
    List<AlertRules.Session> sessions = new ArrayList<>();
    for (int i = 0; i < ends.size(); i++) {
      sessions.add(session(NOW.minus(Duration.ofHours(12L * (ends.size() - i))),
          Outcome.COMPLETED, 1, List.of(ends.get(i))));
    }
    int k = ends.size();
    boolean rising = k >= 3 && ends.get(k - 3) < ends.get(k - 2)
        && ends.get(k - 2) < ends.get(k - 1);
    List<AlertRules.Candidate> c = AlertRules.of(sessions, AlertRulesTest::routines, NOW, UTC)
        .stream().filter(x -> x.kind() == AlertKind.RISING_PAIN).toList();
    assertEquals(rising ? 1 : 0, c.size(), ends.toString());
    if (rising) {
      assertEquals(sessions.get(k - 1).row().id(), c.get(0).cause());
    }
  }

  /** A history of each kind in a folder of its own: SQLite, or a PostgreSQL database. */
  private static HistoryStore store(String kind, Path dir) throws Exception {
    return kind.equals("sqlite") ? SqliteHistoryStore.open(dir.resolve("history.db"))
        : PostgresHistoryStore.open(PostgresUrl.parse(TestPostgres.newDatabase(), Map.of()),
            Map.of(), dir.resolve("spool"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aSessionThatSpreadAndStoppedForTodayIsKeptAndRaisedOnceInEachHistory(String kind)
      throws Exception {
    Path dir = Files.createTempDirectory("alerts");
    try (HistoryStore store = store(kind, dir)) {
      AlertScan scan = new AlertScan(store, AlertRulesTest::routines, UTC);
      Rise spread = new Rise(3, 3, false, -1, 2, 4);
      var r = store.begin("p", SCIATICA.id(), "h", Map.of());
      r.apply(new Effect.RecordRating(new Rating(Rating.Kind.SET, "nerve-glide", 1, "slider", 1,
          0, "", 3, "below the knee")));
      r.apply(new Effect.RecordContactShown("nerve-glide", new Reason.Stopped(spread, 1)));
      r.apply(new Effect.RecordStopForToday("nerve-glide",
          new Reason.StopToday(spread, 1, false)));
      r.apply(new Effect.SessionEnded(Outcome.STOPPED_FOR_PAIN));
      Instant now = Instant.now();
      List<AlertOutbox.AlertRow> raised = scan.patient("p", now);
      assertEquals(List.of(AlertKind.SYMPTOMS_SPREAD, AlertKind.STOPPED_FOR_TODAY,
          AlertKind.ENDED_FOR_PAIN), raised.stream().map(AlertOutbox.AlertRow::kind).toList());
      assertEquals(List.of(), scan.patient("p", now), "the same causes, raised once");
      List<AlertOutbox.AlertRow> open = store.outbox().alerts("p", true, null);
      assertEquals(List.of(AlertKind.SYMPTOMS_SPREAD, AlertKind.STOPPED_FOR_TODAY,
          AlertKind.ENDED_FOR_PAIN), open.stream().map(AlertOutbox.AlertRow::kind).toList(),
          "most urgent first");
      assertTrue(open.get(0).facts().startsWith("symptoms spread from the buttock to below the"
          + " knee in Sciatic nerve glide (Seated nerve slider) on "), open.get(0).facts());
      assertTrue(open.get(1).facts().endsWith(": symptoms reaching below the knee in Sciatic"
          + " nerve glide (Seated nerve slider)"), open.get(1).facts());
      // the history keeps the stop for today with its code and its exercise
      HistoryStore.EventRow stop = store.events(store.sessions("p", null, null).get(0).id())
          .stream().filter(e -> e.kind() == RecordKind.STOP_TODAY).findFirst().orElseThrow();
      assertEquals("nerve-glide", stop.exerciseId());
      assertEquals(new Reason.StopToday(spread, 1, false).code(), stop.detail());
    }
  }

  @Test
  void scanningAgainRaisesNothingNewAndAcknowledgingThenANewCauseRaisesANewOne()
      throws Exception {
    Path dir = Files.createTempDirectory("alerts");
    // each session a millisecond after the one before: in order without sleeping
    try (HistoryStore store = SqliteHistoryStore.open(dir.resolve("history.db"),
        new coach.store.StepClock(Instant.now()))) {
      AlertScan scan = new AlertScan(store, AlertRulesTest::routines, UTC);
      Instant now = Instant.now();
      for (int pain : new int[] {2, 3, 4}) {
        var r = store.begin("p", SCIATICA.id(), "h", Map.of());
        r.apply(new coach.session.Effect.RecordRating(new Rating(Rating.Kind.SET, "nerve-glide",
            0, "slider", 1, 0, "", pain, null)));
        r.apply(new coach.session.Effect.SessionEnded(Outcome.COMPLETED));
      }
      List<AlertOutbox.AlertRow> first = scan.patient("p", now);
      assertEquals(List.of(AlertKind.RISING_PAIN), first.stream()
          .map(AlertOutbox.AlertRow::kind).toList());
      assertEquals("pain at the end of the last three sessions: 2 -> 3 -> 4",
          first.get(0).facts());
      for (int i = 0; i < 3; i++) {
        assertEquals(List.of(), scan.patient("p", now), "the same cause, raised once");
      }
      store.outbox().acknowledge(first.get(0).id(), "dr k", null, now);
      assertEquals(List.of(), scan.patient("p", now), "acknowledged: not raised again");
      var r = store.begin("p", SCIATICA.id(), "h", Map.of());
      r.apply(new coach.session.Effect.RecordRating(new Rating(Rating.Kind.SET, "nerve-glide",
          0, "slider", 1, 0, "", 6, null)));
      r.apply(new coach.session.Effect.SessionEnded(Outcome.COMPLETED));
      List<AlertOutbox.AlertRow> again = scan.patient("p", now);
      assertEquals(1, again.size(), "a new rise (3 -> 4 -> 6) is a new cause");
      assertEquals(2, store.outbox().alerts("p", false, null).size());
    }
  }

  /** A session whose ratings and events come at the given minutes after its start, in order. */
  private static AlertRules.Session timed(Instant at, Outcome outcome, List<Object[]> ratings,
      List<Object[]> events) {
    String id = "s" + (++n);
    List<HistoryStore.RatingRow> rr = new ArrayList<>();
    for (Object[] r : ratings) {
      // {minute, exercise (null: before starting), level, value}
      Rating x = r[1] == null ? new Rating(Rating.Kind.BASELINE, null, -1, null, 0, -1, "",
          (int) r[3], null) : new Rating(Rating.Kind.SET, (String) r[1], (int) r[2], null, 1, 0,
          "", (int) r[3], null);
      rr.add(new HistoryStore.RatingRow(id, rr.size() + 1, at.plusSeconds(60L * (int) r[0]),
          x));
    }
    List<HistoryStore.EventRow> ev = new ArrayList<>();
    for (Object[] e : events) {
      // {minute, kind, exercise, detail}
      ev.add(new HistoryStore.EventRow(id, ev.size() + 1, at.plusSeconds(60L * (int) e[0]),
          (RecordKind) e[1], (String) e[2], -1, -1, (String) e[3]));
    }
    return new AlertRules.Session(new HistoryStore.SessionRow(id, "p", SCIATICA.id(), "h", at,
        at.plusSeconds(1800), outcome, 0, 1, 0, false, Map.of()), rr, ev);
  }

  private static List<AlertRules.Candidate> ofKind(List<AlertRules.Candidate> c, AlertKind k) {
    return c.stream().filter(x -> x.kind() == k).toList();
  }

  @Test
  void painAboveTheCeilingInEveryRatingOfASessionIsHighPainThroughout() {
    Instant at = NOW.minus(Duration.ofHours(3));
    List<AlertRules.Candidate> c = ofKind(rules(session(at, Outcome.COMPLETED, 8,
        java.util.Collections.nCopies(14, 8))), AlertKind.HIGH_PAIN_THROUGHOUT);
    assertEquals(1, c.size());
    assertEquals("pain 8 in all 14 ratings of the session of Thu 26 Nov (the routine's ceiling"
        + " is 5)", c.get(0).facts());
    assertEquals("pain 6 to 9 in all 3 ratings of the session of Thu 26 Nov (the routine's"
        + " ceiling is 5)", ofKind(rules(session(at, Outcome.COMPLETED, 6, List.of(6, 9, 7))),
        AlertKind.HIGH_PAIN_THROUGHOUT).get(0).facts());
    // one rating at the ceiling, fewer than three ratings, or no routine to know the ceiling
    List<Integer> oneAtFive = new ArrayList<>(java.util.Collections.nCopies(13, 8));
    oneAtFive.add(5);
    assertEquals(List.of(), ofKind(rules(session(at, Outcome.COMPLETED, 8, oneAtFive)),
        AlertKind.HIGH_PAIN_THROUGHOUT));
    assertEquals(List.of(), ofKind(rules(session(at, Outcome.COMPLETED, 8, List.of(8, 8))),
        AlertKind.HIGH_PAIN_THROUGHOUT));
    AlertRules.Session unknown = session(at, Outcome.COMPLETED, 8, List.of(8, 8, 8));
    unknown = new AlertRules.Session(new HistoryStore.SessionRow(unknown.row().id(), "p",
        "gone", "h", at, at, Outcome.COMPLETED, 0, 1, 0, false, Map.of()), unknown.ratings(),
        unknown.events());
    assertEquals(List.of(), ofKind(AlertRules.of(List.of(unknown), AlertRulesTest::routines,
        NOW, UTC), AlertKind.HIGH_PAIN_THROUGHOUT));
  }

  @Test
  void anotherExerciseRatedAfterAStopIsWentOnAfterAStop() {
    Instant at = NOW.minus(Duration.ofHours(3));
    String above = new Reason.Stopped(new Rise(3, 8, true, 5, -1, -1), 0).code();
    AlertRules.Session wentOn = timed(at, Outcome.COMPLETED, List.of(
        new Object[] {1, null, -1, 2}, new Object[] {3, "cat-camel", 0, 3},
        new Object[] {5, "cat-camel", 0, 8}, new Object[] {8, "nerve-glide", 3, 3}),
        List.<Object[]>of(new Object[] {6, RecordKind.CONTACT, "cat-camel", above}));
    List<AlertRules.Candidate> c = ofKind(rules(wentOn), AlertKind.CONTINUED_AFTER_STOP);
    assertEquals(1, c.size());
    assertEquals(wentOn.row().id(), c.get(0).cause());
    assertEquals("went on to Sciatic nerve glide (Lying nerve slider) after Cat/Camel series"
        + " was stopped on Thu 26 Nov: pain 3 -> 8 (above the limit of 5)", c.get(0).facts());
    // the same exercise rated after (none is, but a stored rating of it says nothing new), a
    // rating before the stop, the starting rating after it: none went on
    for (Object[] r : List.<Object[]>of(new Object[] {8, "cat-camel", 0, 3},
        new Object[] {4, "nerve-glide", 3, 3}, new Object[] {8, null, -1, 3})) {
      AlertRules.Session not = timed(at, Outcome.COMPLETED, List.of(
          new Object[] {1, null, -1, 2}, new Object[] {3, "cat-camel", 0, 3}, r),
          List.<Object[]>of(new Object[] {6, RecordKind.CONTACT, "cat-camel", above}));
      assertEquals(List.of(), ofKind(rules(not), AlertKind.CONTINUED_AFTER_STOP),
          java.util.Arrays.toString(r));
    }
    // after a stop for today (an older coach offered the next exercise): said so
    String today = new Reason.StopToday(new Rise(2, 8, true, 5, -1, -1), 3, false).code();
    AlertRules.Session afterToday = timed(at, Outcome.COMPLETED, List.of(
        new Object[] {1, null, -1, 2}, new Object[] {9, "hip-cars", 0, 4}),
        List.<Object[]>of(new Object[] {6, RecordKind.STOP_TODAY, "nerve-glide", today}));
    assertTrue(ofKind(rules(afterToday), AlertKind.CONTINUED_AFTER_STOP).get(0).facts()
        .startsWith("went on to Hip CARs"), rules(afterToday).toString());
  }

  @Test
  void theAttendanceIsDueALookWhenItsFirstNewCauseWouldHold() {
    // daily: Monday to Wednesday of this week and the week before; now Thursday 18:00
    List<AlertRules.Session> s = new ArrayList<>();
    for (int d = 10; d >= 1; d--) {
      if (d != 4 && d != 5) {
        s.add(session(NOW.minus(Duration.ofDays(d)).minus(Duration.ofHours(8)),
            Outcome.COMPLETED, 2, List.of(2)));
      }
    }
    Instant due = AlertRules.attendanceDue(s, AlertRulesTest::routines, NOW, UTC);
    // Thursday has no session: from Friday the week can no longer have seven days
    assertEquals(Instant.parse("2026-11-27T00:00:00Z"), due);
    assertEquals(List.of(), attendance(s, due.minusSeconds(1)));
    assertEquals(List.of(AlertKind.BEHIND_THIS_WEEK), attendance(s, due));
    // behind already, and missed from Friday 11:00 (49 hours after Wednesday's 10:00)
    Instant friday = Instant.parse("2026-11-27T12:00:00Z");
    Instant missed = AlertRules.attendanceDue(s, AlertRulesTest::routines,
        Instant.parse("2026-11-27T00:00:00Z"), UTC);
    assertEquals(Instant.parse("2026-11-27T11:00:00Z"), missed);
    assertEquals(List.of(AlertKind.BEHIND_THIS_WEEK), attendance(s, missed.minusSeconds(1)));
    assertEquals(List.of(AlertKind.MISSED_SESSIONS, AlertKind.BEHIND_THIS_WEEK),
        attendance(s, friday));
    // both hold: nothing new until next week's Tuesday (behind again), unless a session comes
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), AlertRules.attendanceDue(s,
        AlertRulesTest::routines, friday, UTC));
    // two weeks after the last session the patient no longer counts as seen lately
    assertEquals(null, AlertRules.attendanceDue(s, AlertRulesTest::routines,
        Instant.parse("2026-12-08T12:00:00Z"), UTC));
  }

  private static List<AlertKind> attendance(List<AlertRules.Session> s, Instant at) {
    return AlertRules.of(s, AlertRulesTest::routines, at, UTC).stream()
        .map(AlertRules.Candidate::kind)
        .filter(k -> k == AlertKind.MISSED_SESSIONS || k == AlertKind.BEHIND_THIS_WEEK)
        .toList();
  }

  /**
   * Looking at a patient only when their attendance is due misses nothing: at every hour from now
   * until then the attendance rules find no cause that did not hold now, and then they do.
   */
  @Property(tries = 300)
  void noAttendanceCauseComesBeforeItsDueLook(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 20) Integer> daysAgo,
      @ForAll @IntRange(min = 0, max = 23) int hour,
      @ForAll @IntRange(min = 1, max = 4) int frequencyPick) {
    Routine routine = frequencyPick == 1 ? SCIATICA : withFrequency(new String[] {null,
        null, "3 times a week", "twice a week", "every other day"}[frequencyPick]);
    Instant now = Instant.parse("2026-11-26T00:00:00Z").plus(Duration.ofHours(hour));
    List<AlertRules.Session> s = new ArrayList<>();
    daysAgo.stream().distinct().sorted(java.util.Comparator.reverseOrder()).forEach(d ->
        s.add(session(now.minus(Duration.ofDays(d)).minus(Duration.ofHours(3)),
            Outcome.COMPLETED, 2, List.of(2))));
    java.util.function.Function<String, Optional<Routine>> find = id -> Optional.of(routine);
    Instant due = AlertRules.attendanceDue(s, find, now, UTC);
    java.util.Set<String> before = causes(s, find, now);
    Instant end = due == null ? now.plus(Duration.ofDays(15)) : due;
    for (Instant t = now.plus(Duration.ofHours(1)); t.isBefore(end); t = t.plus(
        Duration.ofHours(1))) {
      java.util.Set<String> at = causes(s, find, t);
      at.removeAll(before);
      assertEquals(java.util.Set.of(), at, "a new cause at " + t + " before the look at " + due);
    }
    if (due != null) {
      java.util.Set<String> at = causes(s, find, due);
      at.removeAll(before);
      assertTrue(!at.isEmpty(), "nothing new at the look " + due);
    }
  }

  private static java.util.Set<String> causes(List<AlertRules.Session> s,
      java.util.function.Function<String, Optional<Routine>> find, Instant at) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (AlertRules.Candidate c : AlertRules.of(s, find, at, UTC)) {
      if (c.kind() == AlertKind.MISSED_SESSIONS || c.kind() == AlertKind.BEHIND_THIS_WEEK) {
        out.add(c.kind() + " " + c.cause());
      }
    }
    return out;
  }

  private static final Map<String, Routine> BY_FREQUENCY =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The sciatica routine with every exercise at that frequency. */
  private static Routine withFrequency(String frequency) {
    return BY_FREQUENCY.computeIfAbsent(frequency, AlertRulesTest::loadWithFrequency);
  }

  private static Routine loadWithFrequency(String frequency) {
    try {
      String yaml = Files.readString(Path.of("routines/sciatica.yaml"))
          .replace("frequency: daily", "frequency: " + frequency);
      Path f = Files.createTempFile("freq", ".yaml");
      Files.writeString(f, yaml);
      LoadResult r = new RoutineLoader().load(f);
      Files.delete(f);
      assertTrue(r.ok(), r.problems().toString());
      assertEquals(switch (frequency) {
        case "3 times a week" -> 3;
        case "twice a week" -> 2;
        default -> 4;
      }, Attendance.daysPerWeek(r.routine()));
      return r.routine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
