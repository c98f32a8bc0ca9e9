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

  @Test
  void theRedFlagScreenOffersNoBooking() {
    Routine r = sciatica();
    Driver d = new Driver(r).press(Event.Key.CONFIRM, Event.Key.YES);
    assertEquals(Screen.URGENT, d.state.screen());
    assertTrue(d.effectsOf(Effect.RecordContactShown.class).isEmpty());
  }
}
