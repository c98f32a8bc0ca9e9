package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Reason;
import coach.session.Rise;
import coach.store.AlertKind;
import coach.store.HistoryStore;
import coach.store.RecordKind;
import coach.store.SqliteHistoryStore;
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
    assertTrue(stopped.startsWith("pain 2 -> 8 in Sciatic nerve glide, stopped at "), stopped);
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

  @Test
  void scanningAgainRaisesNothingNewAndAcknowledgingThenANewCauseRaisesANewOne()
      throws Exception {
    Path dir = Files.createTempDirectory("alerts");
    try (HistoryStore store = SqliteHistoryStore.open(dir.resolve("history.db"))) {
      AlertScan scan = new AlertScan(store, AlertRulesTest::routines, UTC);
      Instant now = Instant.now();
      for (int pain : new int[] {2, 3, 4}) {
        var r = store.begin("p", SCIATICA.id(), "h", Map.of());
        r.apply(new coach.session.Effect.RecordRating(new Rating(Rating.Kind.SET, "nerve-glide",
            0, "slider", 1, 0, "", pain, null)));
        r.apply(new coach.session.Effect.SessionEnded(Outcome.COMPLETED));
        Thread.sleep(5);
      }
      List<HistoryStore.AlertRow> first = scan.patient("p", now);
      assertEquals(List.of(AlertKind.RISING_PAIN), first.stream()
          .map(HistoryStore.AlertRow::kind).toList());
      assertEquals("pain at the end of the last three sessions: 2 -> 3 -> 4",
          first.get(0).facts());
      for (int i = 0; i < 3; i++) {
        assertEquals(List.of(), scan.patient("p", now), "the same cause, raised once");
      }
      store.acknowledge(first.get(0).id(), "dr k", null, now);
      assertEquals(List.of(), scan.patient("p", now), "acknowledged: not raised again");
      var r = store.begin("p", SCIATICA.id(), "h", Map.of());
      r.apply(new coach.session.Effect.RecordRating(new Rating(Rating.Kind.SET, "nerve-glide",
          0, "slider", 1, 0, "", 6, null)));
      r.apply(new coach.session.Effect.SessionEnded(Outcome.COMPLETED));
      List<HistoryStore.AlertRow> again = scan.patient("p", now);
      assertEquals(1, again.size(), "a new rise (3 -> 4 -> 6) is a new cause");
      assertEquals(2, store.alerts("p", false, null).size());
    }
  }
}
