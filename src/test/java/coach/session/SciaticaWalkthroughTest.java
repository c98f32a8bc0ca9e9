package coach.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whole sessions on the bundled sciatica routine, rated as the seven patients of GUIDE section 3
 * (third version) were: steady mild pain, a 3-4 wobble, a jump to 8, symptoms that spread, a
 * start of 7, a red flag or a stop and then a new start the same day. Regions: 1 back, 2 buttock,
 * 3 thigh, 4 below the knee, 5 foot.
 */
class SciaticaWalkthroughTest {
  /** Screens of exercise: none may follow a stop for today. */
  private static final Set<Screen> EXERCISE = EnumSet.of(Screen.INTRO, Screen.GET_READY,
      Screen.REP, Screen.REST, Screen.SWITCH, Screen.PAIN);

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

  /** Rates every check with the values in turn (cycled), going on past every other screen. */
  private static int rateThrough(Driver d, int[] values, int region) {
    int checks = 0;
    while (d.state.screen() != Screen.SUMMARY && d.state.screen() != Screen.STOP_TODAY) {
      if (d.state.screen() == Screen.PAIN) {
        d.rate(values[checks++ % values.length], region);
      } else {
        d.onward();
      }
    }
    return checks;
  }

  @Test
  void steadyMildPainAfterAStartOfOneRunsEveryExerciseAsPrescribed() {
    Routine r = sciatica();
    Driver d = new Driver(r).throughScreening().rate(1, 2);
    int checks = 0;
    int[] steady = {2, 2, 3, 2, 3, 3};
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
  }

  @Test
  void aWobbleOfThreeAndFourChangesNothing() {
    Routine r = sciatica();
    Driver d = new Driver(r).throughScreening().rate(3, 2);
    int checks = rateThrough(d, new int[] {4, 3, 4, 3}, 2);
    assertEquals(29, checks);
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(Outcome.COMPLETED, d.state.outcome());
    assertEquals(prescribed(r), d.state.levels(), "a 1-point rise is noise, not a rise");
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty());
  }

  @Test
  void aJumpToEightStopsTheExerciseAtOnceAsksTheRedFlagsAgainAndMarksTheEnd() {
    Driver d = new Driver(sciatica()).throughScreening().rate(2, 1).untilPainOrStop().rate(8, 1);
    // no step down: the red-flag questions again, which Esc does not skip
    assertEquals(Screen.SCREENING, d.state.screen());
    assertTrue(d.state.recheck());
    d.press(Event.Key.BACK);
    assertEquals(Screen.SCREENING, d.state.screen(), "Esc does not skip the questions");
    d.noRedFlags();
    assertEquals(Screen.CONTACT, d.state.screen());
    assertEquals(Choice.SECOND, d.state.choice(), "\"End the session\" is marked");
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty(), "never stepped down");
    assertTrue(d.notice().contains("above the limit of 5"), d.notice());
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(Outcome.STOPPED_FOR_PAIN, d.state.outcome());
  }

  @Test
  void goingOnAfterEightStartsTheNextExerciseEasiestAndASecondEightStopsForToday() {
    Routine r = sciatica();
    Driver d = new Driver(r).throughScreening().rate(2, 1).untilPainOrStop().rate(8, 1)
        .noRedFlags().press(Event.Key.UP, Event.Key.CONFIRM); // "Next exercise"
    assertEquals(Screen.INTRO, d.state.screen());
    assertEquals(1, d.state.exercise());
    assertEquals(r.exercises().get(1).easiestLevel(), d.state.level(1), "at its easiest level");
    d.untilPainOrStop().rate(8, 1);
    assertEquals(Screen.SCREENING, d.state.screen());
    d.noRedFlags();
    assertEquals(Screen.STOP_TODAY, d.state.screen(), "above the ceiling at the easiest level");
    assertEquals(1, d.effectsOf(Effect.RecordStopForToday.class).size());
    List<Screen> after = new ArrayList<>();
    for (Event.Key k : List.of(Event.Key.CONFIRM, Event.Key.CONFIRM)) {
      d.press(k);
      after.add(d.state.screen());
    }
    assertTrue(after.stream().noneMatch(EXERCISE::contains), after.toString());
    assertEquals(Outcome.STOPPED_FOR_PAIN, d.state.outcome());
    // the only changes of level: the easiest levels for today
    for (Effect.RecordSwitch s : d.effectsOf(Effect.RecordSwitch.class)) {
      assertTrue(s.reason() instanceof Reason.EasiestToday, s.reason().code());
    }
    // the later exercises were never begun: their levels stay as they came
    assertEquals(1, d.effectsOf(Effect.RecordSwitch.class).size());
  }

  @Test
  void symptomsSpreadingToTheFootStopForTodayWithNoFurtherExercise() {
    Driver d = new Driver(sciatica()).throughScreening().rate(3, 2).untilPainOrStop().rate(3, 5);
    assertEquals(Screen.SCREENING, d.state.screen(), "the red flags are asked again");
    d.noRedFlags();
    assertEquals(Screen.STOP_TODAY, d.state.screen());
    assertTrue(d.state.spread());
    Effect.RecordContactShown stop = d.effectsOf(Effect.RecordContactShown.class).get(0);
    assertTrue(stop.reason() instanceof Reason.Stopped s && s.rise().spread(),
        stop.reason().code());
    assertTrue(d.effectsOf(Effect.RecordSwitch.class).isEmpty(), "no step down for a spread");
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals(Outcome.STOPPED_FOR_PAIN, d.state.outcome());
  }

  @Test
  void symptomsSpreadingToTheThighStopTheExerciseAndSkipThoseThatLoadTheNerve() {
    Routine r = sciatica();
    Driver d = new Driver(r).throughScreening().rate(3, 2).untilPainOrStop().rate(3, 3)
        .noRedFlags();
    assertEquals(Screen.CONTACT, d.state.screen());
    assertEquals(Choice.SECOND, d.state.choice(), "\"End the session\" is marked after a spread");
    d.press(Event.Key.UP, Event.Key.CONFIRM);
    // the nerve glide and the leg raise load the nerve: on to the hip circles
    assertEquals(Screen.INTRO, d.state.screen());
    assertEquals("hip-cars", r.exercises().get(d.state.exercise()).id());
    assertEquals(List.of("nerve-glide", "straight-leg-raise"), d.state.skipped());
    rateThrough(d, new int[] {3}, 3);
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertTrue(d.recordedRatings().stream().noneMatch(x -> "nerve-glide".equals(x.exerciseId())
        || "straight-leg-raise".equals(x.exerciseId())));
  }

  @Test
  void symptomsMovingBackTowardTheBackAreGoodNewsEvenWithAHigherNumber() {
    Driver d = new Driver(sciatica()).throughScreening().rate(2, 3).untilPainOrStop().rate(5, 2);
    assertEquals(Screen.GET_READY, d.state.screen(), "no change: the next round follows");
    assertTrue(d.goodNews() != null, "said on screen");
  }

  @Test
  void aStartOfSevenMarksEndForTodayAndEndingShowsTheStopScreen() {
    Driver d = new Driver(sciatica()).throughScreening().rate(7, 2);
    assertEquals(Screen.HIGH_PAIN, d.state.screen());
    assertEquals(Choice.SECOND, d.state.choice(), "\"End for today\" is marked");
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.STOP_TODAY, d.state.screen());
    assertTrue(d.state.stopReason() instanceof Reason.HighStartStop);
    d.press(Event.Key.CONFIRM);
    assertEquals(Outcome.STOPPED_FOR_PAIN, d.state.outcome());
  }

  @Test
  void aGentleSessionAfterAStartOfSevenRunsEveryExerciseEasiestAndAnEightStopsForToday() {
    Routine r = sciatica();
    Driver d = new Driver(r).throughScreening().rate(7, 2);
    d.press(Event.Key.UP, Event.Key.CONFIRM);
    for (int i = 0; i < r.exercises().size(); i++) {
      assertEquals(r.exercises().get(i).easiestLevel(), d.state.level(i));
    }
    int checks = rateThrough(d, new int[] {7}, 2);
    assertEquals(Screen.SUMMARY, d.state.screen(), "7 is not above the start");
    // at the easiest levels: 3 sets of pelvic tilts (one round each: the spine segments do not
    // apply to them), 6 of the lying slider, 6 of the bent-knee lift, 8 of the knee circles
    assertEquals(3 + 6 + 6 + 8, checks);
    assertEquals(Outcome.COMPLETED, d.state.outcome());

    Driver e = new Driver(r).throughScreening().rate(7, 2);
    e.press(Event.Key.UP, Event.Key.CONFIRM).untilPainOrStop().rate(8, 2).noRedFlags();
    assertEquals(Screen.STOP_TODAY, e.state.screen(), "above the start: stop for today");
  }

  @Test
  void aSecondExerciseStoppedStopsForToday() {
    Driver d = new Driver(sciatica(), new StartOptions(Map.of("cat-camel", 2, "nerve-glide", 3),
        false, List.of(), null)).throughScreening().rate(1, 1).untilPainOrStop().rate(4, 1);
    assertEquals(Screen.CONTACT, d.state.screen(), "a rise of 3 at the easiest level");
    assertEquals(Choice.FIRST, d.state.choice(),
        "a first stop within the band: \"Next exercise\" marked");
    // the nerve glide, from the last rating (4): the symptoms reach the thigh
    d.press(Event.Key.CONFIRM).untilPainOrStop().rate(4, 3).noRedFlags();
    assertEquals(Screen.STOP_TODAY, d.state.screen());
    assertTrue(d.state.stopReason() instanceof Reason.StopToday t && t.second());
  }

  @Test
  void aRedFlagEarlierTodayLocksTheRestOfTheDay() {
    StartOptions.Gate gate = new StartOptions.Gate(new StartOptions.Lockout(
        Instant.parse("2026-01-10T10:05:00Z"), "bowel-bladder", null), null, null, false);
    Driver d = new Driver(sciatica(), StartOptions.fresh().withGate(gate));
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.LOCKED, d.state.screen());
    d.press(Event.Key.CONFIRM);
    assertEquals(Outcome.QUIT, d.state.outcome());
    assertTrue(d.effectsOf(Effect.Exit.class).size() == 1);
    assertTrue(d.recordedRatings().isEmpty());
  }

  @Test
  void theDayAfterARedFlagAsksAboutADoctorBeforeAnythingElse() {
    StartOptions.Gate gate = new StartOptions.Gate(null, Instant.parse("2026-01-09T10:05:00Z"),
        "bowel-bladder", false);
    Driver no = new Driver(sciatica(), StartOptions.fresh().withGate(gate));
    no.press(Event.Key.CONFIRM);
    assertEquals(Screen.CLEARANCE, no.state.screen());
    no.press(Event.Key.NO);
    assertEquals(Screen.URGENT, no.state.screen(), "not seen: the urgent advice, no exercise");
    assertEquals(List.of(new Effect.RecordClearance(false)),
        no.effectsOf(Effect.RecordClearance.class));

    Driver yes = new Driver(sciatica(), StartOptions.fresh().withGate(gate));
    yes.press(Event.Key.CONFIRM, Event.Key.YES);
    assertEquals(Screen.SCREENING, yes.state.screen(), "cleared: on to the red flags");
    assertNull(yes.state.outcome());
  }

  @Test
  void aFirstSessionOfARoutineNobodyPrescribedAsksAboutASeriousCauseOnce() {
    StartOptions.Gate gate = new StartOptions.Gate(null, null, null, true);
    Driver d = new Driver(sciatica(), StartOptions.fresh().withGate(gate));
    d.press(Event.Key.CONFIRM);
    assertEquals(Screen.SERIOUS_SIGNS, d.state.screen());
    d.press(Event.Key.NO, Event.Key.NO, Event.Key.YES);
    assertEquals(Screen.SEE_DOCTOR, d.state.screen());
    assertEquals(List.of(new Effect.RecordSeriousSigns("fever")),
        d.effectsOf(Effect.RecordSeriousSigns.class));

    Driver ok = new Driver(sciatica(), StartOptions.fresh().withGate(gate));
    ok.press(Event.Key.CONFIRM);
    for (int i = 0; i < SeriousSigns.IDS.size(); i++) {
      ok.press(Event.Key.NO);
    }
    assertEquals(Screen.SCREENING, ok.state.screen());
    assertEquals(List.of(new Effect.RecordSeriousSigns(null)),
        ok.effectsOf(Effect.RecordSeriousSigns.class));
  }

  @Test
  void theRedFlagScreenOffersNoBooking() {
    Routine r = sciatica();
    Driver d = new Driver(r).press(Event.Key.CONFIRM, Event.Key.YES);
    assertEquals(Screen.URGENT, d.state.screen());
    assertTrue(d.effectsOf(Effect.RecordContactShown.class).isEmpty());
  }

  @Test
  void theRedFlagKeyReachesTheQuestionsFromEveryNewScreen() {
    Instant at = Instant.parse("2026-01-10T10:05:00Z");
    List<StartOptions.Gate> gates = List.of(
        new StartOptions.Gate(new StartOptions.Lockout(at, null, null), null, null, false),
        new StartOptions.Gate(null, at, "bowel-bladder", false),
        new StartOptions.Gate(null, null, null, true));
    List<Screen> reached = new ArrayList<>();
    for (StartOptions.Gate g : gates) {
      Driver d = new Driver(sciatica(), StartOptions.fresh().withGate(g)).press(Event.Key.CONFIRM);
      reached.add(d.state.screen());
      d.press(Event.Key.RED_FLAG);
      assertEquals(Screen.SCREENING, d.state.screen(), "from " + reached.get(reached.size() - 1));
    }
    Driver doctor = new Driver(sciatica(), StartOptions.fresh().withGate(gates.get(2)))
        .press(Event.Key.CONFIRM, Event.Key.YES);
    assertEquals(Screen.SEE_DOCTOR, doctor.state.screen());
    doctor.press(Event.Key.RED_FLAG);
    assertEquals(Screen.SCREENING, doctor.state.screen());
    Driver stop = new Driver(sciatica()).throughScreening().rate(7, 2).press(Event.Key.CONFIRM);
    assertEquals(Screen.STOP_TODAY, stop.state.screen());
    stop.press(Event.Key.RED_FLAG, Event.Key.YES);
    assertEquals(Screen.URGENT, stop.state.screen(), "a red flag on the stop screen is heard");
    assertEquals(List.of(Screen.LOCKED, Screen.CLEARANCE, Screen.SERIOUS_SIGNS), reached);
  }
}
