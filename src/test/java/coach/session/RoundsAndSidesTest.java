package coach.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A round marked reverse runs its level's reverse phases; a level done as one round drops the
 * exercise's rounds; with the check after each side, every set on one side comes first.
 */
class RoundsAndSidesTest {
  private static Routine routine() {
    LoadResult r = new RoutineLoader()
        .load(Path.of("src/test/resources/routines/good/reverse-and-sides.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  /** Where each set began, as "round/set", and where each check came, until the summary. */
  private static List<List<String>> walk(Driver d, int... ratings) {
    List<String> sets = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    List<String> cues = new ArrayList<>();
    int i = 0;
    Screen before = null;
    for (int guard = 0; guard < 10_000 && d.state.screen() != Screen.SUMMARY; guard++) {
      Screen s = d.state.screen();
      if (s == Screen.GET_READY && before != Screen.GET_READY) {
        sets.add(d.state.round() + "/" + d.state.set());
      }
      if (s == Screen.REP && before != Screen.REP) {
        cues.add(d.coach.phase(d.state).cue());
      }
      before = s;
      if (s == Screen.PAIN) {
        checks.add(d.state.round() + "/" + d.state.set());
        d.rate(ratings[Math.min(i++, ratings.length - 1)], 0);
      } else if (s == Screen.SWITCH || s == Screen.INTRO || s == Screen.REST) {
        d.press(Event.Key.CONFIRM);
      } else {
        var wake = d.coach.nextWake(d.state, d.clock.nanoTime());
        if (wake.isPresent()) {
          d.clock.advanceNanos(Math.max(0, wake.getAsLong() - d.clock.nanoTime()));
          d.send(new Event.Tick());
        } else {
          d.press(Event.Key.CONFIRM);
        }
      }
    }
    return List.of(sets, checks, cues);
  }

  @Test
  void withTheCheckAfterEachSideEverySetOfASideComesFirstThenOneCheck() {
    Driver d = new Driver(routine()).throughScreening().rate(2, 0);
    List<List<String>> w = walk(d, 2);
    assertEquals(List.of("0/1", "0/2", "1/1", "1/2"), w.get(0), "round/set of each set");
    assertEquals(List.of("0/2", "1/2"), w.get(1), "one check after each side");
    List<Rating> rated = d.recordedRatings();
    assertEquals("forward", rated.get(1).roundLabel());
    assertEquals("backward", rated.get(2).roundLabel());
  }

  @Test
  void aReverseRoundRunsTheLevelsReversePhases() {
    Driver d = new Driver(routine()).throughScreening().rate(2, 0);
    List<List<String>> w = walk(d, 2);
    assertEquals(List.of("Straighten the knee.", "Straighten the knee.", "Bend the knee first.",
        "Bend the knee first."), w.get(2));
  }

  @Test
  void aLevelDoneAsOneRoundDropsTheExercisesRounds() {
    // a rise after the first side: the easiest level, done as one round, for the sets left
    Driver d = new Driver(routine()).throughScreening().rate(2, 0);
    List<List<String>> w = walk(d, 5, 2);
    assertEquals(1, d.state.level(0));
    assertEquals(List.of("0/1", "0/2"), w.get(0), "no side after the change: one round");
    assertEquals(List.of("0/2"), w.get(1));
    assertEquals(Screen.SUMMARY, d.state.screen());
    assertEquals("", d.coach.round(d.state));
  }
}
