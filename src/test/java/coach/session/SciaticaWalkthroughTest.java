package coach.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.RoutineCatalog;
import coach.routine.Routine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole sessions on the bundled sciatica routine, rated as the patients of GUIDE section 3. */
class SciaticaWalkthroughTest {
  private static Routine sciatica() {
    LoadResult r = new RoutineCatalog(Path.of("no-such-folder"), Path.of(".")).find("sciatica");
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  private static List<Integer> prescribed(Routine r) {
    List<Integer> out = new ArrayList<>();
    r.exercises().forEach(e -> out.add(e.startLevel()));
    return out;
  }

  @Test
  void steadyMildPainAfterAStartOfOneRunsEveryExerciseAsPrescribed() {
    Routine r = sciatica();
    Driver d = new Driver(r).throughScreening().rate(1, 2);
    int[] steady = {2, 2, 3, 2, 3, 3};
    int checks = 0;
    while (d.state.screen() != Screen.SUMMARY) {
      d.untilPainOrStop();
      if (d.state.screen() == Screen.PAIN) {
        d.rate(steady[checks++ % steady.length], 2);
      }
      assertFalse(d.state.screen() == Screen.SWITCH || d.state.screen() == Screen.CONTACT,
          "switched at check " + checks + ": " + d.state.notice());
    }
    // 3x3 + 3x2 + 3x2 + 2x4 pain checks, every one at the prescribed level
    assertEquals(29, checks);
    assertEquals(Outcome.COMPLETED, d.state.outcome());
    assertEquals(prescribed(r), d.state.levels());
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty());
    assertEquals(1, d.state.levels().get(1), "the nerve glide starts at the slider");
  }

  @Test
  void painOfEightAfterAStartOfTwoEndsAtTheContactCardWithTheSessionEndedByDefault() {
    Routine r = sciatica();
    Driver d = new Driver(r).throughScreening().rate(2, 1);
    while (d.state.screen() != Screen.CONTACT) {
      d.untilPainOrStop();
      if (d.state.screen() == Screen.PAIN) {
        d.rate(8, 1);
      } else if (d.state.screen() == Screen.SWITCH) {
        d.press(Event.Key.CONFIRM);
      }
    }
    // one level easier at each 8, then the easiest level still at 8: stop for today
    assertEquals(0, d.state.exercise());
    assertEquals(2, d.effectsOf(Effect.RecordSwitch.class).size());
    assertTrue(d.state.stopForToday());
    assertEquals(1, d.state.choice(), "\"End the session\" is the marked choice");
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(Outcome.STOPPED_FOR_PAIN, d.state.outcome());
  }

  /** Cat/Camel and the nerve glide at their easiest levels, as carried over. */
  private static final java.util.Map<String, Integer> EASIEST =
      java.util.Map.of("cat-camel", 2, "nerve-glide", 3);

  @Test
  void aSecondExerciseStoppedInOneSessionEndsItByDefault() {
    Driver d = new Driver(sciatica(), new StartOptions(EASIEST, false, List.of(), null))
        .throughScreening().rate(3, 1).untilPainOrStop().rate(4, 1);
    assertEquals(Screen.CONTACT, d.state.screen());
    assertEquals(0, d.state.choice(), "a first stop: \"Next exercise\" is marked");
    d.press(Event.Key.CONFIRM).untilPainOrStop().rate(5, 1);
    assertEquals(Screen.CONTACT, d.state.screen());
    assertTrue(d.notice().startsWith("Pain 4 -> 5"), d.notice());
    assertTrue(d.state.stopForToday());
    assertEquals(1, d.state.choice(), "a second stop: \"End the session\" is marked");
  }

  @Test
  void aResumedSessionCarriesTheStopsAndRatingsOfTheInterruptedOne() {
    Routine r = sciatica();
    // what the interrupted session recorded: a start of 3, Cat/Camel's first set at 4 and its
    // stop at the easiest level; then it was cut off in the nerve glide's first countdown
    Rating start = new Rating(Rating.Kind.BASELINE, null, -1, null, 0, -1, "", 3, "back");
    Rating cat = new Rating(Rating.Kind.SET, "cat-camel", 2, "seated", 1, 0, "lower back", 4,
        "back");
    StartOptions.Recorded done = new StartOptions.Recorded(List.of(start, cat), List.of(),
        List.of("cat-camel"), false);
    Driver d = new Driver(r, new StartOptions(EASIEST, false, List.of(),
        new StartOptions.ResumePoint(1, 1, 0, done)));
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.RESUME, d.state.screen());
    d.press(Event.Key.YES);
    while (d.state.screen() == Screen.SCREENING) {
      d.press(Event.Key.NO);
    }
    d.rate(3, 1).untilPainOrStop();
    assertEquals(1, d.state.exercise());
    d.rate(5, 1);
    assertEquals(Screen.CONTACT, d.state.screen());
    // compared with the last rating of the exercise's start (4), the new start (3) below it
    assertTrue(d.notice().startsWith("Pain 4 -> 5"), d.notice());
    assertTrue(d.state.stopForToday(), "the second exercise stopped in this session");
    assertEquals(1, d.state.choice(), "\"End the session\" is marked");
    assertEquals(List.of("cat-camel", "nerve-glide"), d.state.stopped());
    // only the new ratings are recorded again; the summary has them all
    assertEquals(List.of(3, 5), d.recordedRatings().stream().map(Rating::value).toList());
    assertEquals(List.of(3, 4, 3, 5), d.state.ratings().stream().map(Rating::value).toList());
    assertEquals(3, d.state.baseline().value());
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(Outcome.STOPPED_FOR_PAIN, d.state.outcome());
  }

  @Test
  void aResumedSessionJudgesTheExerciseUnderWayFromWhereItWas() {
    Routine r = sciatica();
    // cut off in set 2 of the nerve glide, whose set 1 rose from 2 to 4 and switched once
    Rating start = new Rating(Rating.Kind.BASELINE, null, -1, null, 0, -1, "", 2, null);
    Rating left = new Rating(Rating.Kind.SET, "nerve-glide", 1, "slider", 1, 0, "left leg", 4,
        null);
    Rating right = new Rating(Rating.Kind.SET, "nerve-glide", 2, "slider-small", 1, 1,
        "right leg", 3, null);
    Reason why = new Reason.Easier(new Rise(2, 4, true, -1, -1, -1), 1, 2);
    StartOptions.Recorded done = new StartOptions.Recorded(List.of(start, left, right),
        List.of(new SwitchNote("nerve-glide", 1, 2, why, false)), List.of(), false);
    Driver d = new Driver(r, new StartOptions(java.util.Map.of("nerve-glide", 2), false,
        List.of(), new StartOptions.ResumePoint(1, 2, 0, done)));
    d.press(Event.Key.CONFIRM, Event.Key.YES);
    while (d.state.screen() == Screen.SCREENING) {
      d.press(Event.Key.NO);
    }
    d.rate(1, 0).untilPainOrStop().rate(4, 0);
    // the reference is the 4 that caused the switch: the same 4 again is no new rise
    assertFalse(d.state.screen() == Screen.SWITCH, d.notice());
    d.untilPainOrStop().rate(5, 0);
    assertEquals(Screen.SWITCH, d.state.screen());
    assertTrue(d.notice().startsWith("Pain 4 -> 5"), d.notice());
    assertEquals(2, d.state.switches().size());
  }

  @Test
  void theRedFlagScreenOffersNoBooking() {
    Routine r = sciatica();
    Driver d = new Driver(r).press(Event.Key.CONFIRM, Event.Key.YES);
    assertEquals(Screen.URGENT, d.state.screen());
    assertTrue(d.effectsOf(Effect.RecordContactShown.class).isEmpty());
  }
}
