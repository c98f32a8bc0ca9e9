package coach.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Effect;
import coach.session.Event;
import coach.session.Outcome;
import coach.session.Screen;
import coach.session.StartOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whole sessions through the real loop on a virtual terminal, with a manual clock. */
@Timeout(30)
class PilotTest {
  private static final Routine SCIATICA = load();

  private static Routine load() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  private static Pilot start() {
    return new Pilot(SCIATICA, StartOptions.fresh(), 80, 24);
  }

  /** Welcome, all red flags no, baseline rating with no symptoms, to the first intro. */
  static void toFirstExercise(Pilot p, int baseline) throws InterruptedException {
    p.press(Event.Key.CONFIRM).noRedFlags();
    // the number, "no symptoms" (the first answer of a session has no default), Enter for both
    p.press(new Event.Digit(baseline), Event.Key.DOWN, Event.Key.CONFIRM);
  }

  private static void rate(Pilot p, int value) throws InterruptedException {
    if (value == 10) {
      p.press(new Event.Digit(1), new Event.Digit(0));
    } else {
      p.press(new Event.Digit(value));
    }
    p.press(Event.Key.CONFIRM); // the symptoms as last time: one Enter confirms both
  }

  @Test
  void painRisingOnOneExerciseSwitchesDownThenShowsContact() throws Exception {
    try (Pilot p = start()) {
      assertTrue(p.screen().contains("Sciatica relief routine"), p.screen());
      toFirstExercise(p, 1);
      assertTrue(p.screen().contains("Cat/Camel series"), p.screen());
      p.press(Event.Key.CONFIRM).advance(3);
      assertTrue(p.screen().contains("Rep 1 of 5"), p.screen());
      p.advance(40);
      assertEquals(Screen.PAIN, p.state().screen());
      assertTrue(p.screen().contains("your worst pain right now, back or leg"), p.screen());
      rate(p, 4);
      assertTrue(p.screen().contains("Let's make this easier"), p.screen());
      assertTrue(p.screen().contains("Pain 1 -> 4"), p.screen());
      assertTrue(p.screen().contains("Small-range Cat/Camel"), p.screen());
      p.press(Event.Key.CONFIRM).advance(3).advance(30);
      // 7 is above the ceiling: the exercise stops at once, with no second step down, and the
      // red flags are asked again
      rate(p, 7);
      assertTrue(p.screen().contains("Safety check (1 of 4)"), p.screen());
      assertTrue(p.state().recheck());
      p.noRedFlags();
      String contact = p.screen();
      assertTrue(contact.contains("This exercise stops for today"), contact);
      assertTrue(contact.contains("Pain went from 4 to 7, above the limit of 5"), contact);
      assertTrue(contact.contains("support@parfourperformance.com"), contact);
      // a pain stop shows how to reach a person, never a sales offer
      assertFalse(contact.contains("discovery call"), contact);
      // ending is the marked choice
      assertTrue(contact.contains("> End the session"), contact);
      assertEquals(1, p.persisted.stream().filter(e -> e instanceof Effect.RecordContactShown)
          .count());
      assertEquals(1, p.persisted.stream().filter(e -> e instanceof Effect.RecordSwitch).count());
      p.press(Event.Key.UP, Event.Key.CONFIRM);
      assertTrue(p.screen().contains("Sciatic nerve glide"), p.screen());
      assertEquals(SCIATICA.exercises().get(1).easiestLevel(), p.state().level(1),
          "the next exercise at its easiest level");
    }
  }

  @Test
  void redFlagFromAnyScreenEndsExerciseWithUrgentAdvice() throws Exception {
    try (Pilot p = start()) {
      toFirstExercise(p, 2);
      p.press(Event.Key.CONFIRM).advance(4);
      p.press(Event.Key.RED_FLAG);
      assertTrue(p.screen().contains("Safety check (1 of 4)"), p.screen());
      p.press(Event.Key.YES);
      String s = p.screen();
      assertTrue(s.contains("Please stop and get medical help now"), s);
      assertTrue(s.contains("emergency"), s);
      assertTrue(p.persisted.contains(new Effect.RecordRedFlag("bowel-bladder")));
      assertTrue(p.persisted.contains(new Effect.SessionEnded(Outcome.RED_FLAG)));
      p.press(Event.Key.CONFIRM);
      assertTrue(p.finished());
    }
  }

  @Test
  void pauseStopsTheCountdownUntilResumed() throws Exception {
    try (Pilot p = start()) {
      toFirstExercise(p, 0);
      p.press(Event.Key.CONFIRM).advance(3).advance(1.5);
      long before = p.app.coach().secondsShown(p.state(), p.clock.nanoTime());
      p.press(Event.Key.PAUSE);
      assertTrue(p.screen().contains("Paused"), p.screen());
      p.advance(120);
      assertEquals(before, p.app.coach().secondsShown(p.state(), p.clock.nanoTime()));
      assertEquals(Screen.REP, p.state().screen());
      assertEquals(0, p.state().phase());
      p.press(Event.Key.PAUSE).advance(3);
      assertEquals(1, p.state().phase());
      assertFalse(p.screen().contains("Paused"));
    }
  }

  @Test
  void skipOnAnIntroMovesToTheNextExercise() throws Exception {
    try (Pilot p = start()) {
      toFirstExercise(p, 0);
      p.press(Event.Key.SKIP);
      assertTrue(p.screen().contains("Sciatic nerve glide"), p.screen());
    }
  }

  @Test
  void quitAsksFirstThenSavesTheEnd() throws Exception {
    try (Pilot p = start()) {
      toFirstExercise(p, 4);
      p.press(Event.Key.QUIT);
      assertTrue(p.screen().contains("End the session now?"), p.screen());
      p.press(Event.Key.BACK);
      assertFalse(p.screen().contains("End the session now?"));
      p.press(Event.Key.QUIT, Event.Key.YES);
      assertEquals(new Effect.SessionEnded(Outcome.QUIT), p.persisted.get(p.persisted.size() - 1));
      // the summary, with what to do next, before leaving
      assertTrue(p.screen().contains("Session summary: ended early"), p.screen());
      assertTrue(p.screen().contains("What next:"), p.screen());
      assertFalse(p.finished());
      p.press(Event.Key.CONFIRM);
      assertTrue(p.finished());
      assertTrue(p.persisted.stream().anyMatch(e -> e instanceof Effect.RecordRating r
          && r.rating().value() == 4));
    }
  }

  @Test
  void aFullDiskKeepsTheRatingOnScreenAndSavesItOnceWhenThereIsRoom() throws Exception {
    try (Pilot p = start()) {
      toFirstExercise(p, 2);
      p.press(Event.Key.CONFIRM).advance(3).advance(40);
      int savedBefore = p.persisted.size();
      p.diskFull = true;
      rate(p, 3);
      String s = p.screen();
      assertTrue(s.contains("Not saved yet"), s);
      assertTrue(s.contains("The disk is full"), s);
      assertTrue(s.contains("database or disk is full"), s); // the real cause
      assertEquals(savedBefore, p.persisted.size());
      // still full: Enter tries again and keeps the rating waiting
      p.press(Event.Key.CONFIRM);
      assertTrue(p.screen().contains("Not saved yet"), p.screen());
      // other keys do not move the session on while it waits
      p.press(Event.Key.SKIP, new Event.Digit(7)).advance(60);
      assertTrue(p.screen().contains("Not saved yet"), p.screen());
      p.diskFull = false;
      p.press(Event.Key.CONFIRM);
      assertFalse(p.screen().contains("Not saved yet"), p.screen());
      List<Effect.RecordRating> ratings = p.persisted.stream()
          .filter(e -> e instanceof Effect.RecordRating).map(e -> (Effect.RecordRating) e)
          .toList();
      assertEquals(1, ratings.stream().filter(r -> r.rating().value() == 3).count(),
          "the retried rating lands once");
      assertEquals(2, ratings.size());
      // the timer that started behind the box waited: the session is paused, not ahead
      assertTrue(p.screen().contains("Paused"), p.screen());
    }
  }

  @Test
  void onAFullDiskQuitEndsWithWhatWasSaved() throws Exception {
    try (Pilot p = start()) {
      toFirstExercise(p, 2);
      p.press(Event.Key.CONFIRM).advance(3).advance(40);
      p.diskFull = true;
      rate(p, 3);
      p.press(Event.Key.QUIT);
      assertTrue(p.finished());
      assertEquals(1, p.persisted.stream().filter(e -> e instanceof Effect.RecordRating)
          .count());
    }
  }

  @Test
  void anInterruptedSessionIsOfferedForResumption() throws Exception {
    try (Pilot p = new Pilot(SCIATICA, new StartOptions(Map.of("nerve-glide", 1), false,
        List.of(), new StartOptions.ResumePoint(1, 2, 1)), 80, 24)) {
      p.press(Event.Key.CONFIRM);
      assertTrue(p.screen().contains("Welcome back"), p.screen());
      assertTrue(p.screen().contains("Continue at Sciatic nerve glide, set 2 of"), p.screen());
      p.press(Event.Key.YES, Event.Key.NO, Event.Key.NO, Event.Key.NO, Event.Key.NO);
      p.press(new Event.Digit(1), Event.Key.DOWN, Event.Key.CONFIRM);
      assertTrue(p.screen().contains("Continuing at set 2"), p.screen());
      assertTrue(p.screen().contains("Seated nerve slider"), p.screen());
    }
  }

  @Test
  void aResumedSessionShowsWhatTheInterruptedPartDidAndCountsItsStop() throws Exception {
    // cut off in the nerve glide's first countdown, after Cat/Camel was stopped at its easiest
    // level at 5 (start 3)
    coach.session.Rating start = new coach.session.Rating(coach.session.Rating.Kind.BASELINE,
        null, -1, null, 0, -1, "", 3, null);
    coach.session.Rating cat = new coach.session.Rating(coach.session.Rating.Kind.SET,
        "cat-camel", 2, "lying-pelvic-tilt", 1, 0, "lower back", 5, null);
    StartOptions.Recorded done = new StartOptions.Recorded(List.of(start, cat), List.of(),
        List.of(new StartOptions.Stop("cat-camel", null)));
    try (Pilot p = new Pilot(SCIATICA, new StartOptions(Map.of("cat-camel", 2, "nerve-glide", 3),
        false, List.of(), new StartOptions.ResumePoint(1, 1, 0, done)), 80, 24)) {
      p.press(Event.Key.CONFIRM);
      assertTrue(p.screen().contains("Continue at Sciatic nerve glide, set 1 of"),
          p.screen());
      p.press(Event.Key.YES, Event.Key.NO, Event.Key.NO, Event.Key.NO, Event.Key.NO);
      rate(p, 3);
      p.press(Event.Key.CONFIRM);
      for (int i = 0; i < 200 && p.state().screen() != Screen.PAIN; i++) {
        p.advance(5);
      }
      // symptoms reaching the thigh: alone this would stop only the nerve glide, but it is the
      // second exercise stopped, so the session stops for today
      assertEquals(OptionalInt.of(0), p.state().draftRegion());
      p.press(new Event.Digit(4), Event.Key.DOWN, Event.Key.DOWN, Event.Key.DOWN,
          Event.Key.CONFIRM);
      assertTrue(p.state().recheck(), "the red flags are asked again");
      p.noRedFlags();
      assertEquals(Screen.STOP_TODAY, p.state().screen());
      String stop = p.screen();
      assertTrue(stop.contains("A second exercise stopped at \"Lying nerve slider\""), stop);
      assertTrue(stop.contains("the session stops for today"), stop);
      assertTrue(stop.contains("Stop these exercises today"), stop);
      assertFalse(stop.contains("Next exercise"), "a stop for today offers no exercise: " + stop);
      p.press(Event.Key.CONFIRM);
      String summary = p.screen();
      assertTrue(summary.contains("Lying pelvic tilts (stopped for pain): pain 5"), summary);
      assertFalse(summary.contains("Lying pelvic tilts (not done)"), summary);
    }
  }

  @Test
  void tooSmallWindowsAskToBeLargerAndRecover() throws Exception {
    try (Pilot p = start()) {
      p.resize(30, 10);
      assertTrue(p.screen().contains("Please make the window larger"), p.screen());
      assertFalse(p.screen().contains("Enter"), p.screen());
      p.resize(20, 5);
      assertTrue(p.screen().contains("Make window larger"), p.screen());
      p.resize(1, 1);
      assertEquals("+\n", p.screen());
      p.resize(80, 24);
      assertTrue(p.screen().contains("Press Enter to begin"), p.screen());
    }
  }

  /**
   * Under "Please make the window larger" nobody sees the countdown, so it waits, as a pause
   * would; the window large enough again, it runs on from the very nanosecond it stopped at.
   */
  @Test
  void aWindowTooSmallHoldsTheCountdownUntilItIsLargeEnoughAgain() throws Exception {
    try (Pilot p = start()) {
      toFirstExercise(p, 0);
      p.press(Event.Key.CONFIRM).advance(3).advance(1.5);
      assertEquals(Screen.REP, p.state().screen());
      long left = p.state().remaining(p.clock.nanoTime());
      assertEquals(2_500_000_000L, left);
      p.resize(30, 10);
      assertTrue(p.screen().contains("Please make the window larger"), p.screen());
      p.advance(60).advance(60);
      assertEquals(0, p.state().phase(), "no phase went by unseen");
      assertEquals(left, p.state().remaining(p.clock.nanoTime()));
      p.press(Event.Key.HELP, Event.Key.BACK); // keys still work; help still pauses
      p.resize(80, 24);
      assertTrue(p.screen().contains("Paused"), "closing help left it paused: " + p.screen());
      p.press(Event.Key.PAUSE);
      assertEquals(left, p.state().remaining(p.clock.nanoTime()), "nothing lost");
      p.resize(20, 5).advance(30).resize(80, 24);
      assertEquals(left, p.state().remaining(p.clock.nanoTime()), "nor here");
      assertFalse(p.screen().contains("Paused"), "a window large again runs on: " + p.screen());
      assertTrue(p.screen().contains("Rep 1 of 5"), p.screen());
      p.advance(2.4);
      assertEquals(0, p.state().phase());
      p.advance(0.1);
      assertEquals(1, p.state().phase(), "the phase ends on time, counted only while seen");
    }
  }

  @Test
  void theBellRingsAtPhaseChanges() throws Exception {
    try (Pilot p = start()) {
      toFirstExercise(p, 0);
      int before = p.bells;
      p.press(Event.Key.CONFIRM).advance(3).advance(4).advance(4);
      assertEquals(before + 3, p.bells);
    }
  }
}
