package coach.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.PainRule;
import coach.routine.Routine;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CoachTest {
  private final Routine routine = TestRoutines.twoExercises();

  @Test
  void sessionWithSteadyPainWalksEveryRoundAndEndsCompleted() {
    Driver d = new Driver(routine).throughScreening();
    assertEquals(Screen.PAIN, d.state.screen());
    assertEquals(Rating.Kind.BASELINE, d.state.painKind());
    d.rate(2, 1);
    int checks = 0;
    while (d.state.screen() != Screen.SUMMARY) {
      d.untilPainOrStop();
      if (d.state.screen() == Screen.PAIN) {
        d.rate(2, 1);
        checks++;
      }
    }
    // a: 2 sets x 2 rounds = 4 checks; b: 1 set x 1 round = 1 check
    assertEquals(5, checks);
    assertEquals(Outcome.COMPLETED, d.state.outcome());
    assertEquals(List.of(new Effect.SessionEnded(Outcome.COMPLETED)),
        d.effectsOf(Effect.SessionEnded.class));
    List<Rating> rs = d.recordedRatings();
    assertEquals(6, rs.size());
    assertEquals(Rating.Kind.BASELINE, rs.get(0).kind());
    assertEquals("left", rs.get(1).roundLabel());
    assertEquals("right", rs.get(2).roundLabel());
    assertEquals(2, rs.get(3).set());
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty());
  }

  @Test
  void painRiseSwitchesToEasierVariantNamingBothLevels() {
    Driver d = new Driver(routine).throughScreening().rate(3, 0).untilPainOrStop();
    d.rate(5, 0);
    assertEquals(Screen.SWITCH, d.state.screen());
    assertEquals(1, d.state.level(0));
    Reason why = new Reason.Easier(new Rise(3, 5, true, -1, -1, -1), 0, 1);
    assertEquals(why, d.state.notice());
    assertEquals("Pain 3 -> 5: from \"Level a0\" to the easier \"Level a1\"", d.notice());
    assertEquals(List.of(new Effect.RecordSwitch("a", 0, 1, why)),
        d.effectsOf(Effect.RecordSwitch.class));
    // the remaining sets run at the easier level
    d.press(Event.Key.CONFIRM).untilPainOrStop();
    assertEquals(Screen.PAIN, d.state.screen());
    assertEquals(1, d.state.round());
    d.rate(5, 0);
    assertEquals("a1", d.recordedRatings().get(2).levelId());
    // the switch answered the rise once: the same 5 again is no new rise
    assertEquals(1, d.state.level(0));
  }

  @Test
  void steadyMildPainAfterALowStartNeverSwitches() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0);
    int[] values = {2, 2, 3, 3, 3};
    for (int v : values) {
      d.untilPainOrStop().rate(v, 0);
    }
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(Outcome.COMPLETED, d.state.outcome());
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty());
  }

  @Test
  void theFirstSetComparesWithTheStartingRating() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0).untilPainOrStop().rate(4, 0);
    assertEquals(Screen.SWITCH, d.state.screen());
    assertTrue(d.notice().startsWith("Pain 1 -> 4"), d.notice());
  }

  @Test
  void aDipAndAReturnToTheSamePainIsNotANewRise() {
    Driver d = new Driver(routine).throughScreening().rate(4, 0);
    d.untilPainOrStop().rate(3, 0); // dip
    d.untilPainOrStop().rate(4, 0); // back to where it was
    d.untilPainOrStop().rate(4, 0);
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty());
    d.untilPainOrStop().rate(5, 0); // above the highest so far
    assertEquals(Screen.SWITCH, d.state.screen());
    assertTrue(d.notice().startsWith("Pain 4 -> 5"), d.notice());
  }

  @Test
  void aNewExerciseStartsFromTheSessionsLastRating() {
    Driver d = new Driver(routine).throughScreening().rate(2, 0);
    d.untilPainOrStop().rate(5, 0).press(Event.Key.CONFIRM); // a: 2 -> 5 switches once
    for (int i = 0; i < 3; i++) {
      d.untilPainOrStop().rate(5, 0);
    }
    assertEquals(Screen.INTRO, d.state.screen());
    assertEquals(1, d.state.exercise());
    d.untilPainOrStop().rate(5, 0); // b's first set at the same 5: no rise
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(1, d.effectsOf(Effect.RecordSwitch.class).size());
  }

  @Test
  void contactOffersToEndTheSession() {
    Routine oneLevel = TestRoutines.routine(TestRoutines.rule(null, PainRule.AskAfter.SET),
        TestRoutines.exercise("x", 1, 1, List.of(""), 0, TestRoutines.level("x0", 1)),
        TestRoutines.exercise("y", 1, 1, List.of(""), 0, TestRoutines.level("y0", 1)));
    Driver d = new Driver(oneLevel).throughScreening().rate(0, 0).untilPainOrStop().rate(6, 0);
    assertEquals(Screen.CONTACT, d.state.screen());
    // a first stop within the ceiling: next exercise first
    assertEquals(Choice.FIRST, d.state.choice());
    d.press(Event.Key.DOWN, Event.Key.CONFIRM);
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(Outcome.STOPPED_FOR_PAIN, d.state.outcome());
  }

  @Test
  void painAboveTheCeilingStopsTheExerciseAtOnceAndAsksTheRedFlagsAgain() {
    Routine capped = TestRoutines.routine(TestRoutines.rule(5, PainRule.AskAfter.SET),
        routine.exercises().toArray(new coach.routine.Exercise[0]));
    Driver d = new Driver(capped).throughScreening().rate(2, 0);
    d.untilPainOrStop().rate(8, 0);
    assertEquals(Screen.SCREENING, d.state.screen(), "the red flags, asked again");
    assertTrue(d.state.recheck());
    d.noRedFlags();
    assertEquals(Screen.CONTACT, d.state.screen(), "no step down above the ceiling");
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty());
    assertTrue(d.notice().contains("above the limit of 5"), d.notice());
    assertFalse(d.state.stopForToday());
    assertEquals(Choice.SECOND, d.state.choice()); // "End the session" is marked
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(Outcome.STOPPED_FOR_PAIN, d.state.outcome());
  }

  @Test
  void painAboveTheCeilingAtTheEasiestLevelStopsForToday() {
    Routine capped = TestRoutines.routine(TestRoutines.rule(5, PainRule.AskAfter.SET),
        routine.exercises().toArray(new coach.routine.Exercise[0]));
    Driver d = new Driver(capped, new StartOptions(java.util.Map.of("a", 2, "b", 1), false,
        List.of(), null)).throughScreening().rate(2, 0);
    d.untilPainOrStop().rate(6, 0).noRedFlags();
    assertEquals(Screen.STOP_TODAY, d.state.screen());
    assertTrue(d.state.stopForToday());
    assertEquals(List.of(new Effect.RecordStopForToday("a", d.state.stopReason())),
        d.effectsOf(Effect.RecordStopForToday.class));
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(Outcome.STOPPED_FOR_PAIN, d.state.outcome());
  }

  @Test
  void aSecondExerciseStoppedInOneSessionStopsForToday() {
    Routine oneLevel = TestRoutines.routine(TestRoutines.rule(null, PainRule.AskAfter.SET),
        TestRoutines.exercise("x", 1, 1, List.of(""), 0, TestRoutines.level("x0", 1)),
        TestRoutines.exercise("y", 1, 1, List.of(""), 0, TestRoutines.level("y0", 1)),
        TestRoutines.exercise("z", 1, 1, List.of(""), 0, TestRoutines.level("z0", 1)));
    Driver d = new Driver(oneLevel).throughScreening().rate(1, 0).untilPainOrStop().rate(4, 0);
    assertEquals(Screen.CONTACT, d.state.screen());
    assertFalse(d.state.stopForToday());
    d.press(Event.Key.CONFIRM).untilPainOrStop().rate(5, 0);
    assertEquals(Screen.STOP_TODAY, d.state.screen());
    assertTrue(d.state.stopForToday());
    assertTrue(d.state.stopReason() instanceof Reason.StopToday t && t.second());
  }

  @Test
  void aStartAboveTheCeilingMarksTheEndAndItsGentleSessionStopsForTodayAboveTheStart() {
    Routine capped = TestRoutines.routine(TestRoutines.rule(5, PainRule.AskAfter.SET),
        routine.exercises().toArray(new coach.routine.Exercise[0]));
    Driver d = new Driver(capped).throughScreening().rate(7, 0);
    assertEquals(Screen.HIGH_PAIN, d.state.screen());
    assertEquals(Choice.SECOND, d.state.choice()); // "End for today" is marked
    d.press(Event.Key.UP, Event.Key.CONFIRM);
    assertEquals(List.of(2, 1), d.state.levels(), "every exercise at its easiest level");
    assertEquals(Screen.INTRO, d.state.screen());
    d.untilPainOrStop().rate(7, 0); // as high as the start: not a rise
    d.untilPainOrStop().rate(6, 0);
    d.untilPainOrStop().rate(7, 0);
    // only a's change is recorded so far: b has not begun (see the next test)
    assertEquals(1, d.effectsOf(Effect.RecordSwitch.class).size());
    d.untilPainOrStop().rate(8, 0).noRedFlags(); // above the start
    assertEquals(Screen.STOP_TODAY, d.state.screen());
  }

  @Test
  void theEasiestLevelsOfAHighStartAreRecordedOnlyForExercisesBegunThatDay() {
    Routine capped = TestRoutines.routine(TestRoutines.rule(5, PainRule.AskAfter.SET),
        routine.exercises().toArray(new coach.routine.Exercise[0]));
    Driver d = new Driver(capped).throughScreening().rate(8, 0)
        .press(Event.Key.UP, Event.Key.CONFIRM);
    assertEquals(List.of(2, 1), d.state.levels());
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty(), "nothing begun yet");
    d.untilPainOrStop().rate(8, 0); // a's first set began: its change is recorded then
    Reason why = new Reason.HighStartEasier(8, 5);
    assertEquals(List.of(new Effect.RecordSwitch("a", 0, 2, why)),
        d.effectsOf(Effect.RecordSwitch.class));
    int at = d.effects.indexOf(new Effect.RecordSwitch("a", 0, 2, why));
    assertEquals(new Effect.RecordProgress(0, 1, 0), d.effects.get(at + 1),
        "recorded as the set begins, before its ratings");
    d.press(Event.Key.QUIT, Event.Key.YES); // b never begun: the history keeps it at 0
    assertEquals(Outcome.QUIT, d.state.outcome());
    assertEquals(List.of(new Effect.RecordSwitch("a", 0, 2, why)),
        d.effectsOf(Effect.RecordSwitch.class));
    // the screens still say today's plan: b would have run at its easiest level
    assertEquals(2, d.state.switches().size());
  }

  @Test
  void anExerciseWhoseIntroWasShownButSkippedHasNotBegun() {
    Routine capped = TestRoutines.routine(TestRoutines.rule(5, PainRule.AskAfter.SET),
        routine.exercises().toArray(new coach.routine.Exercise[0]));
    Driver d = new Driver(capped).throughScreening().rate(8, 0)
        .press(Event.Key.UP, Event.Key.CONFIRM);
    d.press(Event.Key.SKIP); // a's introduction, skipped
    assertEquals(1, d.state.exercise());
    d.press(Event.Key.CONFIRM); // b's first set begins
    assertEquals(List.of(new Effect.RecordSwitch("b", 0, 1, new Reason.HighStartEasier(8, 5))),
        d.effectsOf(Effect.RecordSwitch.class));
  }

  @Test
  void aStartAboveTheCeilingEndsForTodayByDefault() {
    Routine capped = TestRoutines.routine(TestRoutines.rule(5, PainRule.AskAfter.SET),
        routine.exercises().toArray(new coach.routine.Exercise[0]));
    Driver d = new Driver(capped).throughScreening().rate(9, 0);
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.STOP_TODAY, d.state.screen());
    assertTrue(d.state.stopForToday());
    assertEquals(1, d.effectsOf(Effect.RecordContactShown.class).size());
    assertEquals(1, d.effectsOf(Effect.RecordStopForToday.class).size());
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(Outcome.STOPPED_FOR_PAIN, d.state.outcome());
  }

  @Test
  void symptomsSpreadingDownTheLegStopTheExerciseWhateverTheNumber() {
    Driver d = new Driver(routine).throughScreening().rate(2, 2).untilPainOrStop();
    d.rate(2, 4); // same number, now below the knee (was buttock)
    assertEquals(Screen.SCREENING, d.state.screen(), "the red flags, asked again");
    d.noRedFlags();
    assertEquals(Screen.CONTACT, d.state.screen(), "the exercise stops at once");
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty());
    assertTrue(d.notice().contains("buttock"), d.notice());
    assertTrue(d.notice().contains("below the knee"), d.notice());
  }

  @Test
  void symptomsMovingUpTowardTheBackAreGoodNews() {
    Driver d = new Driver(routine).throughScreening().rate(4, 4).untilPainOrStop();
    d.rate(4, 1);
    assertEquals(Screen.GET_READY, d.state.screen());
    assertEquals(0, d.state.level(0));
    assertTrue(d.goodNews().contains("below the knee -> back"), d.goodNews());
    // and moving back down to where they were is not a new rise either
    d.untilPainOrStop().rate(4, 4);
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty());
  }

  @Test
  void aRoutineThatDoesNotCountSpreadNeverAsksWhere() {
    Routine noSpread = TestRoutines.routine(PainRule.of(1, false, 5, PainRule.AskAfter.SET),
        routine.exercises().toArray(new coach.routine.Exercise[0]));
    Driver d = new Driver(noSpread).throughScreening();
    d.press(new Event.Digit(2), Event.Key.CONFIRM);
    assertEquals(Screen.INTRO, d.state.screen());
    d.untilPainOrStop().press(Event.Key.CONFIRM);
    assertEquals(Screen.GET_READY, d.state.screen());
    for (Rating r : d.recordedRatings()) {
      assertNull(r.region());
    }
  }

  @Test
  void theStartingRatingHasNothingMarkedAndEnterAloneRecordsNothing() {
    Driver d = new Driver(routine).throughScreening();
    assertEquals(OptionalInt.empty(), d.state.draftValue());
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.PAIN, d.state.screen());
    d.press(new Event.Digit(1), Event.Key.CONFIRM);
    // the first symptom answer of a session has no default either: Enter waits for it
    assertEquals(Screen.PAIN, d.state.screen());
    assertEquals(OptionalInt.of(1), d.state.draftValue());
    assertEquals(OptionalInt.empty(), d.state.draftRegion());
    assertTrue(d.recordedRatings().isEmpty());
    d.press(Event.Key.DOWN, Event.Key.DOWN, Event.Key.DOWN, Event.Key.CONFIRM);
    assertEquals(1, d.recordedRatings().get(0).value());
    assertEquals("buttock", d.recordedRatings().get(0).region());
  }

  @Test
  void oneCheckIsOneScreenAndOneEnterKeepsBothAnswersOfTheLastCheck() {
    Driver d = new Driver(routine).throughScreening().rate(2, 2);
    d.untilPainOrStop();
    assertEquals(Screen.PAIN, d.state.screen());
    // both answers of the last check are marked; Enter alone confirms both, on this screen
    assertEquals(OptionalInt.of(2), d.state.draftValue());
    assertEquals(OptionalInt.of(2), d.state.draftRegion());
    d.press(Event.Key.CONFIRM);
    assertNotEquals(Screen.PAIN, d.state.screen());
    Rating r = d.recordedRatings().get(1);
    assertEquals(2, r.value());
    assertEquals("buttock", r.region());
  }

  @Test
  void onTheCheckDigitsAndSidewaysArrowsSetTheNumberAndUpDownSetWhere() {
    Driver d = new Driver(routine).throughScreening().rate(3, 1);
    d.untilPainOrStop();
    // a digit always means the pain number, even after the symptoms' answer was changed
    d.press(Event.Key.DOWN, new Event.Digit(4));
    assertEquals(OptionalInt.of(4), d.state.draftValue());
    assertEquals(OptionalInt.of(2), d.state.draftRegion());
    d.press(Event.Key.RIGHT, Event.Key.RIGHT, Event.Key.LEFT);
    assertEquals(OptionalInt.of(5), d.state.draftValue());
    assertEquals(OptionalInt.of(2), d.state.draftRegion());
    d.press(Event.Key.UP, Event.Key.UP, Event.Key.UP);
    assertEquals(OptionalInt.of(0), d.state.draftRegion(), "up stops at no symptoms");
    for (int i = 0; i < 10; i++) {
      d.press(Event.Key.DOWN);
    }
    assertEquals(OptionalInt.of(routine.painRule().regions().size()), d.state.draftRegion(),
        "down stops at the last");
    // 1 then 0 is 10, and an arrow between them breaks the pair
    d.press(new Event.Digit(1), Event.Key.UP, new Event.Digit(0));
    assertEquals(OptionalInt.of(0), d.state.draftValue());
    d.press(new Event.Digit(1), new Event.Digit(0));
    assertEquals(OptionalInt.of(10), d.state.draftValue());
  }

  @Test
  void lowerPainKeepsTheLevel() {
    Driver d = new Driver(routine).throughScreening().rate(5, 0).untilPainOrStop().rate(3, 0);
    assertEquals(0, d.state.level(0));
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty());
  }

  @Test
  void anExerciseStartsAtItsPrescribedLevelWithHarderOnesAbove() {
    Routine r = TestRoutines.routine(TestRoutines.rule(5, PainRule.AskAfter.SET),
        new coach.routine.Exercise("g", "Glide", null, 1, 1, List.of(""), List.of(), 0,
            List.of(TestRoutines.level("hard", 1), TestRoutines.level("start", 1),
                TestRoutines.level("easy", 1)), 1));
    Driver d = new Driver(r);
    assertEquals(List.of(1), d.state.levels());
    d = new Driver(r, new StartOptions(Map.of(), false, List.of("g"), null)).throughScreening();
    assertEquals(Screen.OFFER_HARDER, d.state.screen());
    d.press(Event.Key.YES);
    assertEquals(List.of(0), d.state.levels());
  }

  @Test
  void typingOneThenZeroRatesTen() {
    Driver d = new Driver(routine).throughScreening();
    d.press(new Event.Digit(1), new Event.Digit(0));
    assertEquals(OptionalInt.of(10), d.state.draftValue());
    d.press(Event.Key.LEFT, Event.Key.LEFT);
    assertEquals(OptionalInt.of(8), d.state.draftValue());
    d.press(new Event.Digit(7));
    assertEquals(OptionalInt.of(7), d.state.draftValue());
  }

  @Test
  void laterPainChecksPreselectThePreviousAnswers() {
    Driver d = new Driver(routine).throughScreening().rate(4, 2).untilPainOrStop();
    assertEquals(OptionalInt.of(4), d.state.draftValue());
    assertEquals(OptionalInt.of(2), d.state.draftRegion());
  }

  @Test
  void escapeOnTheRegionStepGoesBackWithoutLosingTheNumber() {
    Driver d = new Driver(routine).throughScreening();
    d.press(new Event.Digit(6), Event.Key.CONFIRM, Event.Key.BACK);
    assertEquals(Screen.PAIN, d.state.screen());
    assertEquals(OptionalInt.of(6), d.state.draftValue());
    assertTrue(d.recordedRatings().isEmpty());
  }

  @Test
  void redFlagYesEndsExerciseAndShowsUrgentAdviceOnly() {
    Driver d = new Driver(routine).press(Event.Key.CONFIRM, Event.Key.NO, Event.Key.YES);
    assertEquals(Screen.URGENT, d.state.screen());
    assertEquals(Outcome.RED_FLAG, d.state.outcome());
    assertEquals(List.of(new Effect.RecordRedFlag("saddle")),
        d.effectsOf(Effect.RecordRedFlag.class));
    assertTrue(d.recordedRatings().isEmpty());
    assertTrue(d.effectsOf(Effect.RecordContactShown.class).isEmpty());
    d.press(Event.Key.CONFIRM);
    assertTrue(d.effects.contains(new Effect.Exit()));
  }

  @Test
  void redFlagKeyDuringARepPausesAndAllNoReturnsPaused() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0).press(Event.Key.CONFIRM);
    d.advanceSeconds(3); // get ready over: first phase of 3 s
    assertEquals(Screen.REP, d.state.screen());
    d.advanceSeconds(1);
    long before = d.state.remaining(d.clock.nanoTime());
    d.press(Event.Key.RED_FLAG);
    assertEquals(Screen.SCREENING, d.state.screen());
    d.advanceSeconds(60);
    d.press(Event.Key.NO, Event.Key.NO);
    assertEquals(Screen.REP, d.state.screen());
    assertEquals(Overlay.PAUSE, d.state.overlay());
    assertEquals(before, d.state.remaining(d.clock.nanoTime()));
    d.press(Event.Key.PAUSE);
    assertEquals(before, d.state.remaining(d.clock.nanoTime()));
    assertNull(d.state.outcome());
  }

  /**
   * The red-flag questions opened from a countdown: closing the quit dialog or help over them
   * shows no pause box (nothing on this screen is timed), so a "yes" that follows is an answer,
   * not a key the box swallows; all "no" still returns to the countdown, paused.
   */
  @Test
  void closingADialogOverTheRedFlagQuestionsLeavesThemAnswerable() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0).press(Event.Key.CONFIRM);
    d.advanceSeconds(4);
    assertEquals(Screen.REP, d.state.screen());
    d.press(Event.Key.RED_FLAG, Event.Key.QUIT, Event.Key.CONFIRM); // "No, keep going"
    assertEquals(Screen.SCREENING, d.state.screen());
    assertEquals(Overlay.NONE, d.state.overlay());
    d.press(Event.Key.HELP, Event.Key.BACK);
    assertEquals(Overlay.NONE, d.state.overlay());
    d.press(Event.Key.YES);
    assertEquals(Screen.URGENT, d.state.screen());
    assertEquals(Outcome.RED_FLAG, d.state.outcome());
  }

  @Test
  void pauseKeepsTheRemainingTimeExactly() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0).press(Event.Key.CONFIRM);
    d.advanceSeconds(3.0);
    d.clock.advanceNanos(1_234_567_891L);
    d.press(Event.Key.PAUSE);
    long left = d.state.remaining(d.clock.nanoTime());
    assertEquals(3 * Coach.SECOND - 1_234_567_891L, left);
    d.advanceSeconds(500);
    assertEquals(Screen.REP, d.state.screen());
    assertEquals(0, d.state.phase());
    assertTrue(d.coach.nextWake(d.state, d.clock.nanoTime()).isEmpty());
    d.press(Event.Key.PAUSE);
    assertEquals(left, d.state.remaining(d.clock.nanoTime()));
    d.clock.advanceNanos(left);
    d.press(new Event.Tick());
    assertEquals(1, d.state.phase());
  }

  /**
   * The core is a function of its input: the moment comes with the event, so the same state,
   * event and moment give the same result, whatever any clock reads meanwhile.
   */
  @Test
  void theMomentComesWithTheEventAndTheSameInputGivesTheSameResult() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0).press(Event.Key.CONFIRM);
    SessionState ready = d.state;
    long deadline = ready.deadline();
    Transition early = d.coach.update(ready, Event.Key.PAUSE, deadline - 2_500_000_000L);
    Transition late = d.coach.update(ready, Event.Key.PAUSE, deadline - 400_000_000L);
    assertEquals(2_500_000_000L, early.state().remaining(Long.MAX_VALUE), "paused as pressed");
    assertEquals(400_000_000L, late.state().remaining(0));
    d.clock.advanceNanos(123 * Coach.SECOND); // the driver's clock moves; nothing reads it
    assertEquals(early, d.coach.update(ready, Event.Key.PAUSE, deadline - 2_500_000_000L));
    assertSame(ready, d.coach.update(ready, new Event.Tick(), deadline - 1).state());
    assertEquals(Screen.REP, d.coach.update(ready, new Event.Tick(), deadline).state().screen());
    assertEquals(java.util.OptionalLong.of(deadline - 2 * Coach.SECOND),
        d.coach.nextWake(ready, deadline - 2_500_000_000L));
    assertEquals(3, d.coach.secondsShown(ready, deadline - 2_500_000_000L));
  }

  /** A window that does not show the session holds its timer as a pause does, and gives it back. */
  @Test
  void aHiddenWindowHoldsTheTimerAndAShownOneRunsItOn() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0).press(Event.Key.CONFIRM);
    d.clock.advanceNanos(1_000_000_000L);
    long left = d.state.remaining(d.clock.nanoTime());
    d.press(new Event.Window(false));
    assertTrue(d.state.hidden());
    assertTrue(d.coach.nextWake(d.state, d.clock.nanoTime()).isEmpty(), "nothing to wake for");
    d.advanceSeconds(100);
    assertEquals(Screen.GET_READY, d.state.screen());
    assertEquals(left, d.state.remaining(d.clock.nanoTime()));
    SessionState hidden = d.state;
    assertSame(hidden, d.coach.update(hidden, new Event.Window(false), d.clock.nanoTime())
        .state(), "hidden twice is hidden once");
    d.press(Event.Key.CONFIRM); // the reps begin while hidden: their timer waits too
    assertEquals(Screen.REP, d.state.screen());
    long rep = d.state.remaining(d.clock.nanoTime());
    d.advanceSeconds(50);
    assertEquals(rep, d.state.remaining(d.clock.nanoTime()));
    d.press(new Event.Window(true));
    assertFalse(d.state.hidden());
    assertEquals(rep, d.state.remaining(d.clock.nanoTime()));
    d.advanceSeconds(rep / (double) Coach.SECOND);
    assertEquals(1, d.state.phase());
  }

  /** The person's own pause outlasts the window: shown again, it stays paused. */
  @Test
  void aPauseTakenWhileHiddenStaysWhenShownAgain() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0).press(Event.Key.CONFIRM);
    d.press(new Event.Window(false), Event.Key.PAUSE, new Event.Window(true));
    assertEquals(Overlay.PAUSE, d.state.overlay());
    assertTrue(d.coach.nextWake(d.state, d.clock.nanoTime()).isEmpty());
  }

  @Test
  void aTickBeforeTheTimerRunsOutGivesBackTheSameStateAndOneAtItMovesOn() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0).press(Event.Key.CONFIRM);
    assertEquals(Screen.GET_READY, d.state.screen());
    SessionState before = d.state;
    long left = before.remaining(d.clock.nanoTime());
    d.clock.advanceNanos(left - 1);
    assertSame(before, d.coach.update(before, new Event.Tick(), d.clock.nanoTime()).state());
    assertTrue(d.send(new Event.Tick()).isEmpty());
    d.press(Event.Key.PAUSE);
    d.clock.advanceNanos(10 * Coach.SECOND);
    SessionState paused = d.state;
    assertSame(paused, d.coach.update(paused, new Event.Tick(), d.clock.nanoTime()).state(),
        "paused: nothing runs");
    d.press(Event.Key.PAUSE);
    d.clock.advanceNanos(1);
    d.press(new Event.Tick());
    assertEquals(Screen.REP, d.state.screen(), "the get-ready timer ran out at its last nanosecond");
  }

  @Test
  void quitAsksFirstAndEscapeKeepsGoing() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0);
    d.press(Event.Key.QUIT);
    assertEquals(Overlay.QUIT_CONFIRM, d.state.overlay());
    d.press(Event.Key.BACK);
    assertEquals(Overlay.NONE, d.state.overlay());
    assertNull(d.state.outcome());
    d.press(Event.Key.QUIT, Event.Key.YES);
    assertEquals(Outcome.QUIT, d.state.outcome());
    // a quit session ends on its summary, like every other way out
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(new Effect.SessionEnded(Outcome.QUIT), d.effects.get(d.effects.size() - 1));
    d.press(Event.Key.CONFIRM);
    assertEquals(new Effect.Exit(), d.effects.get(d.effects.size() - 1));
  }

  @Test
  void enterInTheQuitDialogDefaultsToKeepGoing() {
    Driver d = new Driver(routine).throughScreening();
    d.press(Event.Key.QUIT, Event.Key.CONFIRM);
    assertNull(d.state.outcome());
    assertEquals(Screen.PAIN, d.state.screen());
  }

  @Test
  void interruptEndsTheSessionAsInterrupted() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0);
    d.send(new Event.Interrupt("SIGTERM"));
    assertEquals(Outcome.INTERRUPTED, d.state.outcome());
    assertTrue(d.effects.contains(new Effect.Exit()));
  }

  @Test
  void worseNextMorningStartsEachExerciseOneLevelEasier() {
    Driver d = new Driver(routine, new StartOptions(Map.of("a", 1), true, List.of(), null));
    d.throughScreening();
    assertEquals(Screen.NEXT_MORNING, d.state.screen());
    d.press(Event.Key.YES);
    assertEquals(List.of(2, 1), d.state.levels());
    assertEquals(List.of(new Effect.RecordNextMorning(true)),
        d.effectsOf(Effect.RecordNextMorning.class));
    assertEquals(2, d.effectsOf(Effect.RecordSwitch.class).size());
    assertEquals(Screen.PAIN, d.state.screen());
  }

  @Test
  void carriedOverLevelIsWhereTheExerciseStarts() {
    Driver d = new Driver(routine, new StartOptions(Map.of("a", 2, "b", 9), false, List.of(), null));
    assertEquals(List.of(2, 1), d.state.levels());
  }

  @Test
  void harderLevelOfferedAfterQuietSessionsCanBeTaken() {
    Driver d = new Driver(routine,
        new StartOptions(Map.of("a", 2, "b", 1), false, List.of("a", "b"), null));
    d.throughScreening();
    assertEquals(Screen.OFFER_HARDER, d.state.screen());
    assertEquals("a", d.coach.offered(d.state).id());
    d.press(Event.Key.YES);
    assertEquals("b", d.coach.offered(d.state).id());
    d.press(Event.Key.NO);
    assertEquals(List.of(1, 1), d.state.levels());
    assertEquals(Screen.PAIN, d.state.screen());
    assertTrue(d.state.switches().get(0).harder());
  }

  @Test
  void askingAfterEachExerciseAsksOncePerExercise() {
    Routine r = TestRoutines.routine(TestRoutines.rule(null, PainRule.AskAfter.EXERCISE),
        routine.exercises().toArray(new coach.routine.Exercise[0]));
    Driver d = new Driver(r).throughScreening().rate(1, 0);
    int checks = 0;
    while (d.state.screen() != Screen.SUMMARY) {
      d.untilPainOrStop();
      if (d.state.screen() == Screen.PAIN) {
        assertEquals(Rating.Kind.EXERCISE, d.state.painKind());
        d.rate(1, 0);
        checks++;
      }
    }
    assertEquals(2, checks);
  }

  @Test
  void resumeStartsAtTheSetAndRoundWhereItStopped() {
    Driver d = new Driver(routine, new StartOptions(Map.of(), true, List.of(),
        new StartOptions.ResumePoint(0, 2, 1)));
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.RESUME, d.state.screen());
    d.press(Event.Key.YES);
    assertEquals(List.of(new Effect.ResumeAnswered(true)),
        d.effectsOf(Effect.ResumeAnswered.class));
    d.press(Event.Key.NO, Event.Key.NO);
    // a resumed session skips the next-morning question: straight to the baseline
    assertEquals(Screen.PAIN, d.state.screen());
    d.rate(1, 0).untilPainOrStop();
    assertEquals(2, d.state.set());
    assertEquals(1, d.state.round());
    assertEquals(new Effect.RecordProgress(0, 2, 1), d.effectsOf(Effect.RecordProgress.class).get(0));
  }

  @Test
  void declinedResumeStartsFromTheBeginning() {
    Driver d = new Driver(routine, new StartOptions(Map.of(), false, List.of(),
        new StartOptions.ResumePoint(1, 1, 0)));
    d.press(Event.Key.CONFIRM, Event.Key.NO, Event.Key.NO, Event.Key.NO);
    d.rate(1, 0);
    assertEquals(Screen.INTRO, d.state.screen());
    assertEquals(0, d.state.exercise());
    assertEquals(List.of(new Effect.ResumeAnswered(false)),
        d.effectsOf(Effect.ResumeAnswered.class));
  }

  @Test
  void skipOnTheIntroSkipsTheExercise() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0).press(Event.Key.SKIP);
    assertEquals(Screen.INTRO, d.state.screen());
    assertEquals(1, d.state.exercise());
  }

  @Test
  void skipDuringRepsGoesToThePainCheck() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0).press(Event.Key.CONFIRM);
    d.advanceSeconds(3).press(Event.Key.SKIP);
    assertEquals(Screen.PAIN, d.state.screen());
  }

  @Test
  void untimedPhaseWaitsForEnter() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0);
    d.press(Event.Key.SKIP); // to exercise b: level b0 timed 4 s; force the untimed level b1
    d = new Driver(routine, new StartOptions(Map.of("b", 1), false, List.of(), null))
        .throughScreening().rate(1, 0).press(Event.Key.SKIP, Event.Key.CONFIRM);
    d.advanceSeconds(3);
    assertEquals(Screen.REP, d.state.screen());
    assertTrue(d.coach.nextWake(d.state, d.clock.nanoTime()).isEmpty());
    d.advanceSeconds(100);
    assertEquals(Screen.REP, d.state.screen());
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.PAIN, d.state.screen());
  }

  @Test
  void nextWakeFallsOnEachWholeSecondOfTheCountdown() {
    Driver d = new Driver(routine).throughScreening().rate(1, 0).press(Event.Key.CONFIRM);
    long start = d.clock.nanoTime();
    assertEquals(start + Coach.SECOND, d.coach.nextWake(d.state, start).getAsLong());
    assertEquals(3, d.coach.secondsShown(d.state, start));
    long later = start + Coach.SECOND + 1;
    assertEquals(start + 2 * Coach.SECOND, d.coach.nextWake(d.state, later).getAsLong());
    assertEquals(2, d.coach.secondsShown(d.state, later));
    assertFalse(d.state.paused());
  }
}
