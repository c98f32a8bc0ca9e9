package coach.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.PainRule;
import coach.routine.Routine;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the core over random routines and random rating sequences. */
class CoachPropertiesTest {

  @Provide
  Arbitrary<Routine> routines() {
    Arbitrary<Level> level = Arbitraries.integers().between(1, 5).list().ofMinSize(1).ofMaxSize(3)
        .map(secs -> TestRoutines.level("l" + secs.hashCode(),
            secs.stream().mapToInt(Integer::intValue).toArray()));
    Arbitrary<Exercise> exercise = Combinators.combine(
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(0, 5),
            level.list().ofMinSize(1).ofMaxSize(4))
        .as((sets, reps, rounds, rest, levels) -> {
          List<String> labels = new ArrayList<>();
          for (int i = 0; i < rounds; i++) {
            labels.add("round " + i);
          }
          List<Level> distinct = new ArrayList<>();
          for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            distinct.add(new Level("lv" + i, "Level " + i, l.feel(), l.phases()));
          }
          return TestRoutines.exercise("x", sets, reps, labels, rest,
              distinct.toArray(new Level[0]));
        });
    Arbitrary<PainRule> rules = Combinators.combine(
            Arbitraries.integers().between(1, 3),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(3, 10).injectNull(0.3),
            Arbitraries.of(PainRule.AskAfter.class),
            Arbitraries.integers().between(0, 3))
        .as((by, spread, max, ask, safe) -> PainRule.of(by, spread, max, ask)
            .withSafeUpTo(max == null ? safe : Math.min(safe, max)));
    return Combinators.combine(rules, exercise.list().ofMinSize(1).ofMaxSize(3))
        .as((rule, exercises) -> {
          Exercise[] numbered = new Exercise[exercises.size()];
          for (int i = 0; i < exercises.size(); i++) {
            Exercise e = exercises.get(i);
            numbered[i] = new Exercise("ex" + i, e.name(), e.frequency(), e.sets(), e.reps(),
                e.rounds(), e.restSeconds(), e.levels());
          }
          return TestRoutines.routine(rule, numbered);
        });
  }

  /** Runs a whole session, rating with the given values (cycled) and regions. */
  private static Driver run(Routine routine, List<Integer> values, List<Integer> regions) {
    Driver d = new Driver(routine).throughScreening();
    int i = 0;
    for (int guard = 0; guard < 10_000 && d.state.screen() != Screen.SUMMARY; guard++) {
      switch (d.state.screen()) {
        case PAIN -> {
          d.rate(values.get(i % values.size()), regions.get(i % regions.size()));
          i++;
        }
        case SWITCH, CONTACT, HIGH_PAIN, STOP_TODAY -> d.press(Event.Key.CONFIRM);
        case SCREENING -> d.noRedFlags();
        default -> d.untilPainOrStop();
      }
    }
    assertEquals(Screen.SUMMARY, d.state.screen());
    return d;
  }

  @Property(tries = 200)
  void afterAnIncreaseTheNextSetIsNeverHarder(
      @ForAll("routines") Routine routine,
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 10) Integer> values,
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 5) Integer> regions) {
    Driver d = run(routine, values, regions);
    // levels of each exercise's ratings never go back toward the prescribed one
    List<Rating> rs = d.recordedRatings();
    for (int a = 0; a < rs.size(); a++) {
      for (int b = a + 1; b < rs.size(); b++) {
        Rating x = rs.get(a);
        Rating y = rs.get(b);
        if (x.exerciseId() != null && x.exerciseId().equals(y.exerciseId())) {
          assertTrue(y.level() >= x.level(), "level went from " + x.level() + " to " + y.level());
        }
      }
    }
    for (Effect.RecordSwitch s : d.effectsOf(Effect.RecordSwitch.class)) {
      assertEquals(s.fromLevel() + 1, s.toLevel());
    }
  }

  /** Exercise screens: none may follow a stop for today. */
  private static final java.util.Set<Screen> EXERCISE = java.util.EnumSet.of(Screen.INTRO,
      Screen.GET_READY, Screen.REP, Screen.REST, Screen.SWITCH, Screen.PAIN);

  /** Where the session went after a rating, as one of the oracle's answers. */
  private static PainRuleOracleTest.Expect where(SessionState s) {
    Screen at = s.screen() == Screen.SCREENING && s.recheck() ? s.returnTo() : s.screen();
    return switch (at) {
      case SWITCH -> PainRuleOracleTest.Expect.EASIER;
      case CONTACT -> PainRuleOracleTest.Expect.STOP_EXERCISE;
      case STOP_TODAY -> PainRuleOracleTest.Expect.STOP_TODAY;
      default -> PainRuleOracleTest.Expect.NONE;
    };
  }

  @Property(tries = 300)
  void eachRatingLeadsWhereTheGuideSays(
      @ForAll("routines") Routine routine,
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 10) Integer> values,
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 5) Integer> regions) {
    Driver d = new Driver(routine).throughScreening();
    PainRule rule = routine.painRule();
    int ceiling = rule.maxAcceptable() == null ? 11 : rule.maxAcceptable();
    int i = 0;
    for (int guard = 0; guard < 10_000 && d.state.screen() != Screen.SUMMARY; guard++) {
      if (d.state.screen() == Screen.PAIN && d.state.painKind() != Rating.Kind.BASELINE) {
        SessionState before = d.state;
        int ex = before.exercise();
        String id = routine.exercises().get(ex).id();
        int value = values.get(i % values.size());
        int region = rule.spreadCounts() ? regions.get(i % regions.size()) : 0;
        i++;
        d.rate(value, region);
        PainRuleOracleTest.Expect want = PainRuleOracleTest.oracle(rule.increaseBy(),
            rule.safeUpTo(), ceiling, 0, before.refValue(), before.refRegion(),
            before.baseline().value(), value, region,
            before.level(ex) == routine.exercises().get(ex).easiestLevel(),
            before.stopped().stream().anyMatch(x -> !x.equals(id)));
        assertEquals(want, where(d.state), "rating " + value + " region " + region
            + " against " + before.refValue() + "/" + before.refRegion());
      } else if (d.state.screen() == Screen.PAIN) {
        d.rate(values.get(0), regions.get(0));
      } else {
        d.onward();
        if (d.state.screen() == Screen.STOP_TODAY) {
          d.press(Event.Key.CONFIRM);
        }
      }
    }
    long stops = d.effectsOf(Effect.RecordContactShown.class).stream()
        .filter(c -> c.exerciseId() != null).count();
    assertEquals(d.state.stopped().size(), stops);
  }

  @Property(tries = 200)
  void afterAStopForTodayNoExerciseScreenFollowsAndNothingAboveTheCeilingOrSpreadGoesOn(
      @ForAll("routines") Routine routine,
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 10) Integer> values,
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 5) Integer> regions) {
    Driver d = new Driver(routine).throughScreening();
    int i = 0;
    boolean stopped = false;
    String ended = null; // an exercise that must not get another set
    for (int guard = 0; guard < 10_000 && d.state.screen() != Screen.SUMMARY; guard++) {
      if (stopped) {
        assertFalse(EXERCISE.contains(d.state.screen()), "after a stop for today: "
            + d.state.screen());
      }
      if (d.state.screen() == Screen.PAIN && d.state.painKind() != Rating.Kind.BASELINE) {
        String id = routine.exercises().get(d.state.exercise()).id();
        assertFalse(id.equals(ended), "another set of " + id + " after it stopped");
        d.rate(values.get(i % values.size()), regions.get(i % regions.size()));
        i++;
        if (d.effectsOf(Effect.RecordContactShown.class).stream()
            .anyMatch(c -> id.equals(c.exerciseId()))) {
          ended = id;
        }
      } else if (d.state.screen() == Screen.PAIN) {
        d.rate(values.get(0), regions.get(0));
      } else if (d.state.screen() == Screen.STOP_TODAY) {
        d.press(Event.Key.CONFIRM);
      } else {
        d.onward();
      }
      stopped |= d.state.stopForToday();
    }
  }

  @Property(tries = 200)
  void aSteadyRatingInsideTheSafeZoneNeverSwitches(
      @ForAll("routines") Routine routine,
      @ForAll @IntRange(min = 0, max = 3) int start,
      @ForAll @IntRange(min = 0, max = 3) int steady,
      @ForAll @IntRange(min = 0, max = 5) int region) {
    int safe = routine.painRule().safeUpTo();
    Driver d = run(routine, List.of(Math.min(start, safe), Math.min(steady, safe)),
        List.of(region, region));
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty());
    assertTrue(d.effectsOf(Effect.RecordContactShown.class).isEmpty());
    assertEquals(Outcome.COMPLETED, d.state.outcome());
  }

  @Property(tries = 300)
  void theReferenceNeverDrifts(
      @ForAll("routines") Routine routine,
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 10) Integer> values,
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 5) Integer> regions) {
    // Within one exercise, a rating no higher and reaching no further than one already given
    // since the last switch (and within the ceiling) is never a new rise: the same rating twice
    // never switches twice, and a dip and a return never switches.
    Driver d = run(routine, values, regions);
    Integer max = routine.painRule().maxAcceptable();
    List<Rating> seen = new ArrayList<>();
    List<Effect> fx = d.effects;
    for (Effect e : fx) {
      if (answersARise(e)) {
        if (!seen.isEmpty()) {
          Rating cause = seen.get(seen.size() - 1);
          seen.clear();
          seen.add(cause); // after a switch the rating that caused it is the reference
        }
      } else if (e instanceof Effect.RecordRating r) {
        Rating x = r.rating();
        if (x.kind() == Rating.Kind.BASELINE) {
          seen.clear();
          seen.add(x);
          continue;
        }
        if (!seen.isEmpty() && seen.get(seen.size() - 1).exerciseId() != null
            && !seen.get(seen.size() - 1).exerciseId().equals(x.exerciseId())) {
          Rating last = seen.get(seen.size() - 1);
          seen.clear();
          seen.add(last); // a new exercise starts from the session's last rating
        }
        int rank = new PainPolicy(routine.painRule()).regionRank(x.region());
        boolean repeat = seen.stream().anyMatch(p -> p.value() >= x.value()
            && new PainPolicy(routine.painRule()).regionRank(p.region()) >= rank);
        boolean withinCeiling = max == null || x.value() <= max
            || x.value() <= d.state.baseline().value();
        int index = fx.indexOf(e);
        boolean rose = index + 1 < fx.size() && answersARise(fx.get(index + 1));
        if (repeat && withinCeiling) {
          assertTrue(!rose, "rating " + x + " repeated one already seen: " + seen);
        }
        seen.add(x);
      }
    }
  }

  /**
   * A switch or stop caused by a rating; not a change made before an exercise begins (a high
   * start's easier level is recorded as the exercise's first set begins, after earlier ratings).
   */
  private static boolean answersARise(Effect e) {
    return e instanceof Effect.RecordSwitch s && s.reason() instanceof Reason.Easier
        || e instanceof Effect.RecordContactShown c && c.exerciseId() != null;
  }

  @Property(tries = 200)
  void theRedFlagKeyOpensTheQuestionsFromEveryScreenAndOverlay(
      @ForAll("routines") Routine routine,
      @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 0, max = 10) Integer> values,
      @ForAll @IntRange(min = 0, max = 2) int overlay) {
    Driver d = new Driver(routine);
    int i = 0;
    for (int guard = 0; guard < 2_000; guard++) {
      SessionState s = d.state;
      if (s.screen() != Screen.SCREENING && s.screen() != Screen.URGENT) {
        SessionState probe = s;
        if (overlay == 1) {
          probe = d.coach.update(s, Event.Key.HELP, d.clock.nanoTime()).state();
        } else if (overlay == 2 && s.screen() != Screen.SUMMARY) {
          probe = d.coach.update(s, Event.Key.QUIT, d.clock.nanoTime()).state();
        }
        SessionState after = d.coach.update(probe, Event.Key.RED_FLAG, d.clock.nanoTime()).state();
        assertEquals(Screen.SCREENING, after.screen(), "from " + s.screen() + " "
            + probe.overlay());
        assertEquals(Overlay.NONE, after.overlay());
      }
      if (s.screen() == Screen.SUMMARY) {
        break;
      }
      switch (s.screen()) {
        case WELCOME, SWITCH, CONTACT, HIGH_PAIN -> d.press(Event.Key.CONFIRM);
        case SCREENING, NEXT_MORNING, OFFER_HARDER, RESUME -> d.press(Event.Key.NO);
        case PAIN -> d.rate(values.get(i++ % values.size()), 1);
        case INTRO, GET_READY, REP, REST -> {
          d.advanceSeconds(1);
          if (d.state.screen() == s.screen() && d.coach.nextWake(d.state, d.clock.nanoTime()).isEmpty()) {
            d.press(Event.Key.CONFIRM);
          }
          if (d.state.screen() == Screen.INTRO) {
            d.press(Event.Key.CONFIRM);
          }
        }
        default -> d.press(Event.Key.CONFIRM);
      }
    }
  }

  @Property(tries = 200)
  void everyConfirmedRatingProducesARecordEffect(
      @ForAll("routines") Routine routine,
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 10) Integer> values,
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 5) Integer> regions) {
    Driver d = run(routine, values, regions);
    assertEquals(d.state.ratings(), d.recordedRatings());
    for (int k = 0; k < d.state.ratings().size(); k++) {
      assertEquals(values.get(k % values.size()), d.state.ratings().get(k).value());
    }
  }

  @Property(tries = 100)
  void pauseAndResumeLoseNoTime(
      @ForAll("routines") Routine routine,
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 4000) Integer> pausesMs) {
    // Every rep and rest of the session is timed; pausing at random moments for random lengths
    // must shift the end of the session by exactly the total pause time.
    long[] used = new long[1];
    long plain = sessionLength(routine, List.of(), used);
    used[0] = 0;
    long paused = sessionLength(routine, pausesMs, used);
    assertTrue(used[0] > 0);
    assertEquals(plain + used[0], paused);
  }

  /** Clock time from the first exercise's Enter to the summary, pausing as given on each timed screen. */
  private static long sessionLength(Routine routine, List<Integer> pausesMs, long[] pausedNanos) {
    Driver d = new Driver(routine).throughScreening().rate(0, 0);
    long start = d.clock.nanoTime();
    int p = 0;
    for (int guard = 0; guard < 100_000 && d.state.screen() != Screen.SUMMARY; guard++) {
      switch (d.state.screen()) {
        case PAIN -> d.rate(0, 0);
        case INTRO -> d.press(Event.Key.CONFIRM);
        case GET_READY, REST, REP -> {
          var wake = d.coach.nextWake(d.state, d.clock.nanoTime());
          if (wake.isEmpty()) {
            d.press(Event.Key.CONFIRM);
            break;
          }
          if (p < pausesMs.size()) {
            // part of the way to the next wake, then pause, wait, resume
            long step = Math.max(0, wake.getAsLong() - d.clock.nanoTime()) / 2;
            d.clock.advanceNanos(step);
            d.press(Event.Key.PAUSE);
            long pause = pausesMs.get(p++) * 1_000_000L;
            pausedNanos[0] += pause;
            d.clock.advanceNanos(pause);
            d.press(new Event.Tick(), Event.Key.PAUSE);
            wake = d.coach.nextWake(d.state, d.clock.nanoTime());
          }
          d.clock.advanceNanos(Math.max(0, wake.getAsLong() - d.clock.nanoTime()));
          d.send(new Event.Tick());
        }
        default -> d.press(Event.Key.CONFIRM);
      }
    }
    return d.clock.nanoTime() - start;
  }

  @Property(tries = 30)
  void thirtySimulatedMinutesOfLateTicksEndWithZeroDrift(
      @ForAll @Size(min = 50, max = 200) List<@IntRange(min = 0, max = 900) Integer> lateMs) {
    // One long exercise: 30 minutes of 2 s + 3 s phases (360 reps), ticks arriving late.
    Routine r = TestRoutines.routine(TestRoutines.rule(null, PainRule.AskAfter.EXERCISE),
        TestRoutines.exercise("long", 1, 360, List.of(""), 0, TestRoutines.level("l", 2, 3)));
    Driver d = new Driver(r).throughScreening().rate(0, 0).press(Event.Key.CONFIRM);
    long repsStart = d.clock.nanoTime() + Coach.GET_READY;
    int k = 0;
    while (d.state.screen() != Screen.PAIN) {
      long wake = d.coach.nextWake(d.state, d.clock.nanoTime()).getAsLong();
      long late = lateMs.get(k++ % lateMs.size()) * 1_000_000L;
      d.clock.advanceNanos(Math.max(0, wake - d.clock.nanoTime()) + late);
      d.send(new Event.Tick());
      if (d.state.screen() == Screen.REP) {
        // the running phase's deadline is always exactly where the schedule says
        long phasesBefore = (d.state.rep() - 1) * 2L + d.state.phase();
        long expectedStart = repsStart + (d.state.rep() - 1) * 5 * Coach.SECOND
            + (d.state.phase() == 1 ? 2 * Coach.SECOND : 0);
        assertEquals(expectedStart + d.state.duration(), d.state.deadline(),
            "drift after " + phasesBefore + " phases");
      }
    }
    assertEquals(360, d.state.rep());
  }
}
