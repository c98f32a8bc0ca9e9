package coach.store;

import coach.session.Choice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Reason;
import coach.session.Rise;
import coach.session.StartOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every back end of the history promises, run against each of them (SQLite, PostgreSQL):
 * every record kind read back as written, the plan the next session is given, resuming,
 * who is running now, copying a history without doubles, and writers at once.
 */
abstract class HistoryStoreContract {
  /** Opens the history under test; each call is a new opening of the same history. */
  /** The time every store of a test writes: a millisecond later at each reading, no sleeps. */
  final StepClock clock = new StepClock(Instant.now());

  /** A store of this back end that writes the times {@code clock} tells. */
  abstract HistoryStore open(java.time.Clock clock) throws Exception;

  HistoryStore open() throws Exception {
    return open(clock);
  }

  /**
   * Returns once the store has let go of a session whose end it stored (a back end that sends
   * entries from a spool file drops the file after its end is sent); at once when it keeps none.
   */
  void untilLetGo(HistoryStore store, String sessionId) throws Exception {}

  /** Runs a statement on the history directly (to stand in for another computer). */
  abstract void sql(String statement) throws Exception;

  static Rating rating(int set, int value, String region) {
    return new Rating(Rating.Kind.SET, "glide", 1, "slider", set, 0, "left leg", value, region);
  }

  @Test
  void everyRecordingEffectIsKeptAndReadBack() throws Exception {
    String id;
    try (HistoryStore store = open()) {
      SessionRecorder r = store.begin("p1", "sciatica", "abc", Map.of("glide", 0));
      id = r.sessionId();
      r.apply(new Effect.RecordNextMorning(false));
      r.apply(new Effect.RecordRating(new Rating(Rating.Kind.BASELINE, null, -1, null, 0, -1, "",
          2, null)));
      r.apply(new Effect.RecordProgress(0, 1, 0));
      r.apply(new Effect.RecordRating(rating(1, 4, "thigh")));
      Rise rise = new Rise(2, 4, true, -1, 0, 3);
      r.apply(new Effect.RecordSwitch("glide", 0, 1, new Reason.Easier(rise, 0, 1)));
      r.apply(new Effect.RecordContactShown("glide", new Reason.AtEasiest(rise, 1)));
      r.apply(new Effect.RecordRedFlag("bladder"));
      r.apply(new Effect.ResumeAnswered(false));
      r.apply(new Effect.Bell());
      r.apply(new Effect.SessionEnded(Outcome.RED_FLAG));
      r.apply(new Effect.SessionEnded(Outcome.QUIT)); // the first end stands
    }
    try (HistoryStore store = open()) {
      List<HistoryStore.SessionRow> sessions = store.sessions("p1", null, null);
      assertEquals(1, sessions.size());
      HistoryStore.SessionRow s = sessions.get(0);
      assertEquals(id, s.id());
      assertEquals(Outcome.RED_FLAG, s.outcome());
      assertEquals(Map.of("glide", 1), s.levels());
      assertEquals(List.of(0, 1, 0), List.of(s.resumeExercise(), s.resumeSet(), s.resumeRound()));
      assertTrue(s.ended() != null && !s.ended().isBefore(s.started()));
      List<HistoryStore.RatingRow> ratings = store.ratings(s.id());
      assertEquals(List.of(1, 2), ratings.stream().map(HistoryStore.RatingRow::seq).toList());
      assertEquals(2, ratings.get(0).rating().value());
      assertEquals(rating(1, 4, "thigh"), ratings.get(1).rating());
      List<HistoryStore.EventRow> events = store.events(s.id());
      assertEquals(List.of(RecordKind.NEXT_MORNING, RecordKind.SWITCH, RecordKind.CONTACT,
          RecordKind.RED_FLAG, RecordKind.RESUME),
          events.stream().map(HistoryStore.EventRow::kind).toList());
      assertEquals(List.of(1, 2, 3, 4, 5),
          events.stream().map(HistoryStore.EventRow::seq).toList());
      // details are codes with their numbers, not sentences
      assertEquals(List.of("not worse", "easier pain=2>4 number spread=0>3 level=0>1",
          "easiest pain=2>4 number spread=0>3 level=1", "bladder", "started fresh"),
          events.stream().map(HistoryStore.EventRow::detail).toList());
      assertEquals(java.util.Optional.of(new Reason.Easier(new Rise(2, 4, true, -1, 0, 3), 0, 1)),
          Reason.parse(events.get(1).detail()));
      assertEquals(new HistoryStore.Counts(1, 2, 5), store.counts());
    }
  }

  @Test
  void aSessionsRecordClosesWithItsFirstEndEvenOnceItIsStored() throws Exception {
    try (HistoryStore store = open()) {
      SessionRecorder r = store.begin("p1", "sciatica", "abc", Map.of("glide", 0));
      r.apply(new Effect.RecordRating(rating(1, 4, "thigh")));
      r.apply(new Effect.SessionEnded(Outcome.RED_FLAG));
      long end = System.currentTimeMillis() + 10_000;
      while (store.sessions("p1", null, null).get(0).outcome() == null) { // stored, then let go
        assertTrue(System.currentTimeMillis() < end, "the end never reached the history");
        Thread.onSpinWait();
      }
      untilLetGo(store, r.sessionId());
      r.apply(new Effect.SessionEnded(Outcome.QUIT));
      r.apply(new Effect.RecordRating(rating(2, 6, "foot")));
      assertEquals(Outcome.RED_FLAG, store.sessions("p1", null, null).get(0).outcome());
      assertEquals(1, store.ratings(r.sessionId()).size());
    }
  }

  @Test
  void sessionsComeInOrderWithTheLevelsEachEndedAt() throws Exception {
    try (HistoryStore store = open()) {
      store.begin("p1", "sciatica", "h", Map.of("a", 0, "b", 1)).apply(
          new Effect.RecordSwitch("b", 1, 2, new Reason.MorningWorse()));
      store.begin("p1", "other", "h", Map.of());
      store.begin("p2", "sciatica", "h", Map.of("a", 2));
      store.begin("p1", "sciatica", "h", Map.of("c", 0));
      List<HistoryStore.SessionRow> p1 = store.sessions("p1", null, null);
      assertEquals(List.of(Map.of("a", 0, "b", 2), Map.of(), Map.of("c", 0)),
          p1.stream().map(HistoryStore.SessionRow::levels).toList());
      assertTrue(p1.get(0).started().compareTo(p1.get(2).started()) <= 0);
      assertEquals(List.of(Map.of("a", 0, "b", 2), Map.of("c", 0)),
          store.sessions("p1", "sciatica", null).stream().map(HistoryStore.SessionRow::levels)
              .toList());
      assertEquals(4, store.sessions(null, null, null).size());
      assertEquals(List.of("p1", "p2"), store.patients());
      assertEquals(List.of(), store.sessions("p1", null, Instant.now().plusSeconds(60)));
    }
  }

  private static Routine sciatica() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  private static Rating rating(String exercise, int value) {
    return new Rating(Rating.Kind.SET, exercise, 0, "l", 1, 0, "", value, null);
  }

  @Test
  void theEasiestLevelsOfAHighStartAreForThatDayOnly() throws Exception {
    Routine routine = sciatica();
    try (HistoryStore store = open()) {
      StoredSession high = new StoredSession(routine, store, "p", Instant.now());
      high.press(coach.session.Event.Key.CONFIRM).noRedFlags().rate(8, 1);
      assertEquals(coach.session.Screen.HIGH_PAIN, high.state().screen());
      // the gentle session: every exercise at its easiest level, today only
      high.press(coach.session.Event.Key.UP, coach.session.Event.Key.CONFIRM);
      for (int guard = 0; guard < 100 && high.state().exercise() < 2; guard++) {
        high.untilPain().rate(8, 1); // Cat/Camel and the nerve glide, steady at 8
      }
      assertEquals(coach.session.Screen.INTRO, high.state().screen());
      high.press(coach.session.Event.Key.QUIT, coach.session.Event.Key.YES);
      assertEquals(Outcome.QUIT, high.state().outcome());

      CarryOver.Plan next = CarryOver.plan(routine, store, "p", Instant.now());
      // nothing of a high start carries over: each starts where it would have
      assertEquals(Map.of("cat-camel", 0, "nerve-glide", 1, "straight-leg-raise", 1,
          "hip-cars", 0), next.options().startLevels());
      assertEquals(List.of("cat-camel", "nerve-glide"), store.events(high.recorder.sessionId())
          .stream().filter(e -> e.kind() == RecordKind.SWITCH).map(HistoryStore.EventRow::exerciseId)
          .toList());
    }
  }

  /** Steps of GUIDE 3's second-stop rule: start 1, Cat/Camel's first set 4 (a stop). */
  private static StoredSession toTheNerveGlide(Routine routine, HistoryStore store, String patient)
      throws Exception {
    StoredSession s = new StoredSession(routine, store, patient, Instant.now());
    s.press(coach.session.Event.Key.CONFIRM).noRedFlags().rate(1, 1).untilPain().rate(4, 1);
    assertEquals(coach.session.Screen.CONTACT, s.state().screen());
    assertEquals(Choice.FIRST, s.state().choice(), "a first stop: \"Next exercise\" is marked");
    return s.press(coach.session.Event.Key.CONFIRM);
  }

  @Test
  void aSessionKilledAndResumedIsOneSessionToThePainRulesAndTheSummary() throws Exception {
    Routine routine = sciatica();
    try (HistoryStore store = open()) {
      for (String patient : List.of("killed", "steady")) {
        // Cat/Camel at its easiest level, the nerve glide at the slider
        SessionRecorder before = store.begin(patient, routine.id(), "h",
            Map.of("cat-camel", 2, "nerve-glide", 1));
        before.apply(new Effect.SessionEnded(Outcome.COMPLETED));
      }
      StoredSession steady = toTheNerveGlide(routine, store, "steady");
      steady.untilPain().rate(6, 1).noRedFlags();

      StoredSession killed = toTheNerveGlide(routine, store, "killed");
      killed.press(coach.session.Event.Key.CONFIRM).advanceSeconds(1); // kill -9 in the countdown
      StoredSession resumed = new StoredSession(routine, store, "killed", Instant.now());
      assertEquals(killed.recorder.sessionId(), resumed.plan.interrupted().id());
      resumed.press(coach.session.Event.Key.CONFIRM);
      assertEquals(coach.session.Screen.RESUME, resumed.state().screen());
      resumed.press(coach.session.Event.Key.YES).noRedFlags().rate(3, 1).untilPain();
      assertEquals(List.of(1, 1, 0), List.of(resumed.state().exercise(), resumed.state().set(),
          resumed.state().round()));
      // above the ceiling, not at the easiest level: alone a stop of the exercise; with
      // Cat/Camel's stop in the part before, the second stop of the session
      resumed.rate(6, 1).noRedFlags();

      for (StoredSession s : List.of(steady, resumed)) {
        assertEquals(coach.session.Screen.STOP_TODAY, s.state().screen());
        Reason.StopToday why = (Reason.StopToday) s.state().stopReason();
        assertTrue(why.second(), why.code());
        assertEquals(List.of(4, 6), List.of(why.rise().from(), why.rise().to()));
        assertTrue(s.state().stopForToday());
        assertEquals(List.of("cat-camel", "nerve-glide"), s.state().stopped());
        assertEquals(List.of(1, 4, 6), s.state().ratings().stream()
            .filter(x -> x.kind() != Rating.Kind.BASELINE || x == s.state().baseline())
            .map(Rating::value).toList());
      }
      // each part keeps its own ratings: nothing is written twice
      assertEquals(2, store.ratings(killed.recorder.sessionId()).size());
      assertEquals(2, store.ratings(resumed.recorder.sessionId()).size());

      // cut off now, on the stop screen: a stop for today is never resumed, and the rest of
      // the day is locked
      CarryOver.Plan again = CarryOver.plan(routine, store, "killed", Instant.now());
      assertEquals(null, again.options().resume());
      assertTrue(again.options().gate().lockout() != null);
      assertTrue(again.options().gate().lockout().reason() instanceof Reason.StopToday);
    }
  }

  @Test
  void aRedFlagLocksTheRestOfTheDayAndTheNextDayAsksAboutADoctorFirst() throws Exception {
    Routine routine = sciatica();
    try (HistoryStore store = open()) {
      Instant now = Instant.now();
      StoredSession first = new StoredSession(routine, store, "rf", now);
      assertTrue(first.plan.options().gate().seriousSigns(), "a first self-started session");
      first.press(coach.session.Event.Key.CONFIRM);
      for (int i = 0; i < coach.session.SeriousSigns.IDS.size(); i++) {
        first.press(coach.session.Event.Key.NO);
      }
      first.press(coach.session.Event.Key.YES); // the first red flag: yes
      assertEquals(coach.session.Screen.URGENT, first.state().screen());

      // minutes later, the same day: what happened and when, no exercise
      StoredSession again = new StoredSession(routine, store, "rf", now.plusSeconds(180));
      StartOptions.Lockout lock = again.plan.options().gate().lockout();
      assertEquals("bowel-bladder", lock.redFlagId());
      assertFalse(again.plan.options().gate().seriousSigns(), "asked once");
      again.press(coach.session.Event.Key.CONFIRM);
      assertEquals(coach.session.Screen.LOCKED, again.state().screen());
      again.press(coach.session.Event.Key.CONFIRM);
      assertEquals(Outcome.QUIT, again.state().outcome());

      // the next day: "have you been seen by a doctor" before anything else
      Instant tomorrow = now.plus(Duration.ofDays(1));
      StoredSession next = new StoredSession(routine, store, "rf", tomorrow);
      assertNull(next.plan.options().gate().lockout());
      assertTrue(next.plan.options().gate().redFlagAt() != null);
      next.press(coach.session.Event.Key.CONFIRM);
      assertEquals(coach.session.Screen.CLEARANCE, next.state().screen());
      next.press(coach.session.Event.Key.YES);
      assertEquals(coach.session.Screen.SCREENING, next.state().screen());
      next.press(coach.session.Event.Key.QUIT, coach.session.Event.Key.YES);
      // cleared: not asked again
      assertNull(new StoredSession(routine, store, "rf", tomorrow.plusSeconds(60)).plan
          .options().gate().redFlagAt());
    }
  }

  @Test
  void aClinicianWhoAcknowledgedTheRedFlagSparesTheDoctorQuestion() throws Exception {
    Routine routine = sciatica();
    try (HistoryStore store = open()) {
      Instant now = Instant.now();
      StoredSession first = new StoredSession(routine, store, "ack", now);
      first.press(coach.session.Event.Key.CONFIRM).noRedFlags();
      first.press(coach.session.Event.Key.HELP, coach.session.Event.Key.HELP,
          coach.session.Event.Key.RED_FLAG, coach.session.Event.Key.YES);
      assertEquals(coach.session.Screen.URGENT, first.state().screen());
      HistoryStore.EventRow flag = store.events(first.recorder.sessionId()).stream()
          .filter(e -> e.kind() == RecordKind.RED_FLAG).findFirst().orElseThrow();
      AlertOutbox.AlertRow alert = store.outbox().raise("ack", AlertKind.RED_FLAG,
          flag.sessionId() + "#" + flag.seq(), "red flag", now).orElseThrow();
      Instant tomorrow = now.plus(Duration.ofDays(1));
      assertTrue(new StoredSession(routine, store, "ack", tomorrow).plan.options().gate()
          .redFlagAt() != null, "not acknowledged yet");
      assertTrue(store.outbox().acknowledge(alert.id(), "dr", "seen, may exercise", now));
      assertNull(new StoredSession(routine, store, "ack", tomorrow.plusSeconds(1)).plan
          .options().gate().redFlagAt());
    }
  }

  @Test
  void aStopForTodayLocksTheRestOfTheDayOnly() throws Exception {
    Routine routine = sciatica();
    try (HistoryStore store = open()) {
      Instant now = Instant.now();
      StoredSession first = new StoredSession(routine, store, "st", now);
      first.press(coach.session.Event.Key.CONFIRM).noRedFlags().rate(3, 2).untilPain()
          .rate(3, 5).noRedFlags(); // symptoms in the foot
      assertEquals(coach.session.Screen.STOP_TODAY, first.state().screen());
      first.press(coach.session.Event.Key.CONFIRM);
      assertEquals(Outcome.STOPPED_FOR_PAIN, first.state().outcome());
      StartOptions.Gate today = new StoredSession(routine, store, "st", now.plusSeconds(60))
          .plan.options().gate();
      assertTrue(today.lockout().reason() instanceof Reason.StopToday, "locked today");
      CarryOver.Plan tomorrow = CarryOver.plan(routine, store, "st",
          now.plus(Duration.ofDays(1)));
      assertNull(tomorrow.options().gate().lockout());
      assertNull(tomorrow.options().gate().redFlagAt());
      assertTrue(tomorrow.options().askNextMorning(), "keyed on the session that rated");
    }
  }

  @Test
  void aSessionCutOffIsOfferedAtItsSetWithItsRowAndSettledOnce() throws Exception {
    Routine routine = sciatica();
    try (HistoryStore store = open()) {
      SessionRecorder done = store.begin("p", routine.id(), "h", Map.of("cat-camel", 0));
      done.apply(new Effect.RecordRating(rating("cat-camel", 3)));
      done.apply(new Effect.RecordSwitch("cat-camel", 0, 1, new Reason.Easier(
          new Rise(2, 4, true, -1, -1, -1), 0, 1)));
      done.apply(new Effect.SessionEnded(Outcome.COMPLETED));
      SessionRecorder cut = store.begin("p", routine.id(), "h", Map.of("cat-camel", 1));
      cut.apply(new Effect.RecordProgress(1, 2, 1));
      cut.apply(new Effect.RecordRating(rating("nerve-glide", 5)));
      CarryOver.Plan plan = CarryOver.plan(routine, store, "p",
          Instant.now().plus(Duration.ofHours(9)));
      assertEquals(cut.sessionId(), plan.interrupted().id());
      StartOptions.ResumePoint at = plan.options().resume();
      assertEquals(List.of(1, 2, 1), List.of(at.exerciseIndex(), at.set(), at.round()));
      assertEquals(List.of(rating("nerve-glide", 5)), at.recorded().ratings());
      assertEquals(Map.of("cat-camel", 1), plan.options().startLevels());
      assertEquals(Map.of("cat-camel", List.of(3), "nerve-glide", List.of(5)),
          plan.options().earlier());
      assertFalse(plan.options().askNextMorning(), "not while a session waits to be resumed");
      store.settleInterrupted(cut.sessionId());
      CarryOver.Plan after = CarryOver.plan(routine, store, "p",
          Instant.now().plus(Duration.ofHours(9)));
      assertNull(after.interrupted());
      assertTrue(after.options().askNextMorning());
      HistoryStore.SessionRow settled = store.sessions("p", null, null).get(1);
      assertEquals(Outcome.INTERRUPTED, settled.outcome());
      assertTrue(settled.settled());
    }
  }

  @Test
  void aLiveSessionIsSeenFromAnotherOpeningOfTheSameHistoryUntilItEnds() throws Exception {
    try (HistoryStore first = open(); HistoryStore second = open()) {
      assertTrue(second.live("p1").isEmpty());
      SessionRecorder r = first.begin("p1", "sciatica", "abc", Map.of());
      first.sessions("p1", null, null); // its start has reached the history
      HistoryStore.Live live = second.live("p1").orElseThrow();
      assertEquals(r.sessionId(), live.sessionId());
      assertEquals(ProcessHandle.current().pid(), live.pid());
      assertEquals(Heartbeats.HOST, live.host());
      assertTrue(second.live("p2").isEmpty(), "another patient is free to start");
      r.apply(new Effect.SessionEnded(Outcome.QUIT));
      first.sessions("p1", null, null);
      assertTrue(second.live("p1").isEmpty());
    }
  }

  @Test
  void aSessionCutOffIsNotLive() throws Exception {
    try (HistoryStore store = open()) {
      SessionRecorder here = store.begin("p1", "sciatica", "abc", Map.of());
      SessionRecorder there = store.begin("p2", "sciatica", "abc", Map.of());
      store.sessions(null, null, null);
      // p1's process on this computer is gone (a kill -9): free at once
      Process gone = new ProcessBuilder("true").start();
      gone.waitFor();
      sql("UPDATE sessions SET pid = " + gone.pid() + " WHERE id = '" + here.sessionId() + "'");
      assertTrue(store.live("p1").isEmpty());
      // p2 runs on another computer that stopped saying so a minute ago
      sql("UPDATE sessions SET host = 'kiosk-7', heartbeat_at = '"
          + Instant.now().minusSeconds(60) + "' WHERE id = '" + there.sessionId() + "'");
      assertTrue(store.live("p2").isEmpty());
      // ... but one that said so moments ago is live, wherever it runs
      sql("UPDATE sessions SET heartbeat_at = '" + Instant.now().minusSeconds(5)
          + "' WHERE id = '" + there.sessionId() + "'");
      assertEquals("kiosk-7", store.live("p2").orElseThrow().host());
    }
  }

  @Test
  void aCopiedHistoryHasEverySessionOnceHoweverOftenItIsCopied() throws Exception {
    List<HistoryStore.SessionRow> rows;
    try (HistoryStore store = open()) {
      SessionRecorder r = store.begin("p1", "sciatica", "h", Map.of("glide", 0));
      r.apply(new Effect.RecordRating(rating(1, 3, null)));
      r.apply(new Effect.RecordSwitch("glide", 0, 1, new Reason.MorningWorse()));
      r.apply(new Effect.SessionEnded(Outcome.COMPLETED));
      rows = store.sessions(null, null, null);
      HistoryStore.SessionRow s = rows.get(0);
      List<HistoryStore.RatingRow> ratings = store.ratings(s.id());
      List<HistoryStore.EventRow> events = store.events(s.id());
      HistoryStore.SessionRow other = new HistoryStore.SessionRow("copied-1", "p2", "sciatica",
          "h", Instant.parse("2026-01-02T09:00:00Z"), Instant.parse("2026-01-02T09:20:00Z"),
          Outcome.STOPPED_FOR_PAIN, 2, 1, 0, false, Map.of("glide", 2));
      for (int i = 0; i < 2; i++) {
        store.copy(s, ratings, events);
        store.copy(other, List.of(new HistoryStore.RatingRow("copied-1", 1,
            Instant.parse("2026-01-02T09:05:00Z"), rating(1, 7, null))), List.of());
      }
      assertEquals(new HistoryStore.Counts(2, 2, 1), store.counts());
      HistoryStore.SessionRow back = store.sessions("p2", null, null).get(0);
      assertEquals(other, back);
      assertEquals(7, store.ratings("copied-1").get(0).rating().value());
    }
  }

  @Test
  @Timeout(120)
  void writersAtOnceOnTwoOpeningsKeepEveryRowInOrder() throws Exception {
    try (HistoryStore a = open(); HistoryStore b = open()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<String>> ids = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        HistoryStore store = t % 2 == 0 ? a : b;
        int n = t;
        ids.add(pool.submit(() -> {
          SessionRecorder r = store.begin("kiosk" + n, "sciatica", "h", Map.of("glide", 0));
          for (int i = 1; i <= 25; i++) {
            r.apply(new Effect.RecordRating(rating(i, i % 11, null)));
          }
          r.apply(new Effect.SessionEnded(Outcome.COMPLETED));
          return r.sessionId();
        }));
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(100, TimeUnit.SECONDS));
      // each opening's own writes are in the history once it reads (a database's may still be
      // on their way from the other one's spool until it has read too)
      a.counts();
      b.counts();
      for (HistoryStore store : List.of(a, b)) {
        for (Future<String> f : ids) {
          List<HistoryStore.RatingRow> rows = store.ratings(f.get());
          assertEquals(25, rows.size());
          for (int i = 0; i < 25; i++) {
            assertEquals(i + 1, rows.get(i).seq());
            assertEquals(i + 1, rows.get(i).rating().set());
          }
        }
      }
      assertEquals(8, a.patients().size());
      assertEquals(8 * 25, b.counts().ratings());
    }
  }

  @Test
  void anAlertIsRaisedOncePerOpenKindAndEachCauseOnlyOnce() throws Exception {
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    try (HistoryStore store = open()) {
      AlertOutbox.AlertRow first = store.outbox().raise("p1", AlertKind.ENDED_FOR_PAIN, "s1",
          "the session ended for pain", t).orElseThrow();
      assertTrue(first.open());
      // another cause of the same kind while the first is open: nothing new
      assertTrue(store.outbox().raise("p1", AlertKind.ENDED_FOR_PAIN, "s2", "again", t.plusSeconds(60))
          .isEmpty());
      // another kind, or another patient: raised
      assertTrue(store.outbox().raise("p1", AlertKind.RED_FLAG, "s2#1", "red flag", t.plusSeconds(120))
          .isPresent());
      assertTrue(store.outbox().raise("p2", AlertKind.ENDED_FOR_PAIN, "s9", "p2's", t).isPresent());
      // every red flag is its own alert, open or not
      assertTrue(store.outbox().raise("p2", AlertKind.RED_FLAG, "s9#1", "bladder", t).isPresent());
      assertTrue(store.outbox().raise("p2", AlertKind.RED_FLAG, "s10#1", "saddle", t).isPresent());
      assertTrue(store.outbox().raise("p2", AlertKind.RED_FLAG, "s10#1", "saddle", t).isEmpty());
      assertTrue(store.outbox().acknowledge(first.id(), "dr k", "called her", t.plusSeconds(300)));
      assertFalse(store.outbox().acknowledge(first.id(), "dr k", "twice", t.plusSeconds(301)));
      // acknowledged: the same cause never again, a new cause raises a new alert
      assertTrue(store.outbox().raise("p1", AlertKind.ENDED_FOR_PAIN, "s1", "same", t.plusSeconds(400))
          .isEmpty());
      AlertOutbox.AlertRow next = store.outbox().raise("p1", AlertKind.ENDED_FOR_PAIN, "s3", "new",
          t.plusSeconds(500)).orElseThrow();
      assertTrue(next.id() != first.id());
      List<AlertOutbox.AlertRow> p1 = store.outbox().alerts("p1", false, null);
      assertEquals(List.of(AlertKind.RED_FLAG, AlertKind.ENDED_FOR_PAIN,
          AlertKind.ENDED_FOR_PAIN), p1.stream().map(AlertOutbox.AlertRow::kind).toList());
      assertEquals(List.of("new", "the session ended for pain"), p1.subList(1, 3).stream()
          .map(AlertOutbox.AlertRow::facts).toList());
      AlertOutbox.AlertRow acked = p1.get(2);
      assertEquals("dr k", acked.by());
      assertEquals("called her", acked.note());
      assertEquals(t.plusSeconds(300), acked.acknowledged());
      assertEquals(2, store.outbox().alerts("p1", true, null).size());
      assertEquals(6, store.outbox().alerts(null, false, null).size());
      assertEquals(1, store.outbox().alerts(null, false, t.plusSeconds(450)).size());
    }
  }

  @Test
  void undeliveredAlertsWaitForTheirNextTryAndLeaveOnceDelivered() throws Exception {
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    try (HistoryStore store = open()) {
      long a = store.outbox().raise("p1", AlertKind.RED_FLAG, "x", "a", t).orElseThrow().id();
      long b = store.outbox().raise("p1", AlertKind.HIGH_START, "y", "b", t.plusSeconds(1)).orElseThrow()
          .id();
      assertEquals(List.of(a, b), store.outbox().undelivered(t.plusSeconds(2)).stream()
          .map(AlertOutbox.AlertRow::id).toList());
      store.outbox().delivery(List.of(a, b), t.plusSeconds(2), t.plusSeconds(30)); // failed: in 30 s
      assertEquals(List.of(), store.outbox().undelivered(t.plusSeconds(10)));
      assertEquals(2, store.outbox().undelivered(t.plusSeconds(30)).size());
      store.outbox().delivery(List.of(a), t.plusSeconds(31), null);
      List<AlertOutbox.AlertRow> left = store.outbox().undelivered(t.plusSeconds(60));
      assertEquals(List.of(b), left.stream().map(AlertOutbox.AlertRow::id).toList());
      assertEquals(1, left.get(0).attempts());
      AlertOutbox.AlertRow done = store.outbox().alerts("p1", false, null).get(0);
      assertEquals(t.plusSeconds(31), done.delivered());
      assertEquals(2, done.attempts());
    }
  }

  private static java.util.Set<String> changed(HistoryStore.Changes c) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    c.patients().forEach(p -> out.add(p.patient()));
    return out;
  }

  @Test
  void aReaderOfChangesReadsOnlyThePatientsChangedSinceItsMark() throws Exception {
    try (HistoryStore store = open()) {
      SessionRecorder a = store.begin("ann", "sciatica", "h", Map.of());
      SessionRecorder b = store.begin("bob", "sciatica", "h", Map.of());
      HistoryStore.Changes all = store.changes(0);
      assertEquals(java.util.Set.of("ann", "bob"), changed(all));
      assertTrue(all.patients().stream().allMatch(p -> p.lastStarted() != null));
      long mark = all.next();
      assertEquals(java.util.Set.of(), changed(store.changes(mark)), "nothing changed");

      a.apply(new Effect.RecordRating(rating(1, 3, null)));
      HistoryStore.Changes one = store.changes(mark);
      assertEquals(java.util.Set.of("ann"), changed(one));
      mark = one.next();
      b.apply(new Effect.RecordContactShown("glide", new Reason.AtEasiest(new Rise(2, 5, true,
          -1, -1, -1), 1)));
      one = store.changes(mark);
      assertEquals(java.util.Set.of("bob"), changed(one));
      mark = one.next();
      b.apply(new Effect.SessionEnded(Outcome.COMPLETED));
      one = store.changes(mark);
      assertEquals(java.util.Set.of("bob"), changed(one));
      mark = one.next();

      // an alert raised, then acknowledged, is a change of its patient, but not of their
      // sessions (the alert scan, which raised it, need not look again)
      long id = store.outbox().raise("ann", AlertKind.RISING_PAIN, "x", "facts", Instant.now())
          .orElseThrow().id();
      one = store.changes(mark);
      assertEquals(java.util.Set.of("ann"), changed(one));
      assertEquals(java.util.Set.of(), changed(store.changes(mark, false)));
      mark = one.next();
      assertTrue(store.outbox().acknowledge(id, "dr", "called", Instant.now()));
      one = store.changes(mark);
      assertEquals(java.util.Set.of("ann"), changed(one));
      mark = one.next();

      // when the attendance is due a look is not a change; it is found by its time
      Instant soon = Instant.now().plusSeconds(3600);
      Map<String, Instant> due = new java.util.HashMap<>();
      due.put("ann", soon);
      due.put("bob", null);
      store.attendanceAt(due);
      assertEquals(java.util.Set.of(), changed(store.changes(mark)));
      assertEquals(List.of(), store.attendanceDue(soon.minusSeconds(1)));
      assertEquals(List.of("ann"), store.attendanceDue(soon));
      // a session's mark of being live is not a change either
      sql("UPDATE sessions SET heartbeat_at = started_at");
      assertEquals(java.util.Set.of(), changed(store.changes(mark)));
    }
    // another opening (another coach) reads the same marks
    try (HistoryStore store = open()) {
      assertEquals(java.util.Set.of("ann", "bob"), changed(store.changes(0)));
      assertEquals(List.of("ann", "bob"), store.patients());
    }
  }

  @Test
  void aClinicianLooksAtAPatientAndOnlyLaterChangesAreNew() throws Exception {
    try (HistoryStore store = open()) {
      SessionRecorder a = store.begin("ann", "sciatica", "h", Map.of());
      assertEquals(Map.of(), store.looks("dr-kim"));
      long look = store.look("dr-kim", "ann", Instant.now());
      assertEquals(Map.of("ann", look), store.looks("dr-kim"));
      assertEquals(Map.of(), store.looks("dr-lee"));
      long before = store.changes(0).patients().get(0).changed();
      assertTrue(before < look, before + " then looked at " + look);
      a.apply(new Effect.RecordRating(rating(1, 4, null)));
      long after = store.changes(0).patients().get(0).changed();
      assertTrue(after >= look, "changed at " + after + " after the look at " + look);
      long again = store.look("dr-kim", "ann", Instant.now());
      assertTrue(again > after);
      assertEquals(Map.of("ann", again), store.looks("dr-kim"));
    }
  }

  @Test
  void aPlaceIsKeptAndNeverMovesBack() throws Exception {
    try (HistoryStore store = open()) {
      assertTrue(store.place("scan").isEmpty());
      Instant t = Instant.parse("2026-11-26T10:00:00Z");
      store.place("scan", 40, t);
      store.place("scan", 30, t.plusSeconds(60));
      assertEquals(40, store.place("scan").orElseThrow().mark());
      store.place("scan", 50, t.plusSeconds(120));
      assertEquals(new HistoryStore.Place(50, t.plusSeconds(120), null),
          store.place("scan").orElseThrow());
      assertTrue(store.place("other").isEmpty());
    }
  }

  @Test
  void onePatientsNewestSessionsTheirRatingsAndOpenAlertsAtOnce() throws Exception {
    List<String> ids = new ArrayList<>();
    try (HistoryStore store = open()) {
      Instant t = Instant.parse("2026-11-20T09:00:00Z");
      List<HistoryStore.Copied> batch = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String id = "ann-" + i;
        ids.add(id);
        batch.add(new HistoryStore.Copied(new HistoryStore.SessionRow(id, "ann", "sciatica",
            "h", t.plus(Duration.ofDays(i)), t.plus(Duration.ofDays(i)).plusSeconds(600),
            Outcome.COMPLETED, 0, 1, 0, false, Map.of("glide", i)), List.of(
            new HistoryStore.RatingRow(id, 1, t.plus(Duration.ofDays(i)), rating(1, i, null)),
            new HistoryStore.RatingRow(id, 2, t.plus(Duration.ofDays(i)), rating(2, i + 1,
                "thigh"))), List.of()));
      }
      batch.add(new HistoryStore.Copied(new HistoryStore.SessionRow("bob-0", "bob",
          "sciatica", "h", t, null, null, 0, 1, 0, false, Map.of()), List.of(), List.of()));
      store.copy(batch);
      store.copy(batch); // again: nothing doubled
      assertEquals(new HistoryStore.Counts(5, 8, 0), store.counts());
      List<HistoryStore.SessionRow> last = store.lastSessions("ann", 2);
      assertEquals(List.of("ann-2", "ann-3"), last.stream().map(HistoryStore.SessionRow::id)
          .toList());
      assertEquals(Map.of(), last.get(1).levels(), "read without levels");
      Map<String, List<HistoryStore.SessionRow>> both = store.lastSessions(List.of("ann",
          "bob", "cid"), 1, t.plus(Duration.ofDays(2)));
      assertEquals(List.of("ann-2", "ann-3"), both.get("ann").stream()
          .map(HistoryStore.SessionRow::id).toList(), "the newest, and those since the day");
      assertEquals(List.of("bob-0"), both.get("bob").stream().map(HistoryStore.SessionRow::id)
          .toList());
      assertTrue(!both.containsKey("cid"));
      assertEquals(4, store.lastSessions("ann", 9).size());
      Map<String, List<HistoryStore.RatingRow>> r = store.ratings(List.of("ann-1", "ann-3",
          "bob-0", "none"));
      assertEquals(java.util.Set.of("ann-1", "ann-3"), r.keySet());
      assertEquals(List.of(3, 4), r.get("ann-3").stream().map(x -> x.rating().value())
          .toList());
      HistoryStore.PatientMark ann = store.changes(0).patients().stream()
          .filter(p -> p.patient().equals("ann")).findFirst().orElseThrow();
      assertEquals(t.plus(Duration.ofDays(3)), ann.lastStarted());

      store.outbox().raise("ann", AlertKind.RISING_PAIN, "a", "f", t);
      long flag = store.outbox().raise("bob", AlertKind.RED_FLAG, "b", "f", t).orElseThrow().id();
      store.outbox().raise("cid", AlertKind.MISSED_SESSIONS, "c", "f", t);
      store.outbox().acknowledge(flag, "dr", null, t);
      assertEquals(List.of("ann"), store.outbox().openAlerts(List.of("ann", "bob")).stream()
          .map(AlertOutbox.AlertRow::patient).toList());
      // a patient with alerts copied in but no session of their own is listed as changed
      assertTrue(changed(store.changes(0)).contains("cid"));
      assertEquals(List.of("ann", "bob"), store.patients());
    }
  }

  @Test
  void copiedRowsKeepEveryCharacterAndAreKeptOnce() throws Exception {
    String odd = "tab\there, new\nline, back\\slash, \\N, quote\" and \u00e9\u202e";
    Instant t = Instant.parse("2026-11-20T09:00:00.123456Z");
    HistoryStore.Copied x = new HistoryStore.Copied(new HistoryStore.SessionRow("odd", "ann",
        "sciatica", "h", t, null, null, 0, 1, 0, false, Map.of()), List.of(
        new HistoryStore.RatingRow("odd", 1, t, new Rating(Rating.Kind.SET, odd, 0, null, 1, 0,
            odd, 3, odd)), new HistoryStore.RatingRow("odd", 1, t, new Rating(Rating.Kind.SET,
            "again", 0, null, 1, 0, "", 9, null))), List.of(new HistoryStore.EventRow("odd", 1,
        t, RecordKind.RED_FLAG, null, -1, -1, odd)));
    try (HistoryStore store = open()) {
      store.copy(List.of(x));
      store.copy(List.of(x));
      List<HistoryStore.RatingRow> r = store.ratings("odd");
      assertEquals(1, r.size(), "the same number twice is kept once, the first");
      assertEquals(odd, r.get(0).rating().region());
      assertEquals(odd, r.get(0).rating().exerciseId());
      assertEquals(odd, r.get(0).rating().roundLabel());
      assertEquals(t, r.get(0).at());
      assertEquals(odd, store.events("odd").get(0).detail());
    }
  }

  private static HistoryStore.Copied copied(String id, int ratings, int seqOfLast) {
    Instant t = Instant.parse("2026-11-20T09:00:00Z");
    List<HistoryStore.RatingRow> r = new java.util.ArrayList<>();
    for (int k = 1; k <= ratings; k++) {
      r.add(new HistoryStore.RatingRow(id, k == ratings ? seqOfLast : k, t, new Rating(
          Rating.Kind.SET, "x", 0, null, k, 0, "", 3, null)));
    }
    return new HistoryStore.Copied(new HistoryStore.SessionRow(id, "ann", "sciatica", "h", t,
        null, null, 0, 1, 0, false, Map.of()), r, List.of(new HistoryStore.EventRow(id, 1, t,
        RecordKind.RED_FLAG, null, -1, -1, "f")));
  }

  @Test
  void aCopySaysWhenItsSessionsAreThereExactlyAsCopied() throws Exception {
    try (HistoryStore store = open()) {
      assertTrue(store.copy(List.of(copied("a", 3, 3), copied("b", 2, 2)), null, null),
          "new sessions, every row new");
      assertFalse(store.copy(List.of(copied("a", 3, 3)), null, null), "the same again");
      assertFalse(store.copy(List.of(copied("c", 2, 2), copied("b", 3, 3)), null, null),
          "one of them was there");
      assertFalse(store.copy(List.of(copied("d", 3, 1)), null, null),
          "two ratings of one number: one of them is not kept");
      assertTrue(store.copy(List.of(copied("e", 0, 0)), null, null), "a session of no rating");
      assertEquals(3, store.ratings("a").size());
      assertEquals(2, store.ratings("d").size());
    }
  }
}
