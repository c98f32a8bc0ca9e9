package coach.session;

import coach.routine.Contact;
import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.PainRule;
import coach.routine.Phase;
import coach.routine.RedFlag;
import coach.routine.RedFlags;
import coach.routine.Routine;
import java.util.ArrayList;
import java.util.List;

/** Small routines built in code for the core's tests. */
final class TestRoutines {
  private TestRoutines() {}

  static Level level(String id, int... seconds) {
    List<Phase> phases = new ArrayList<>();
    for (int i = 0; i < seconds.length; i++) {
      phases.add(new Phase("cue " + id + " " + i, seconds[i] == 0 ? null : seconds[i]));
    }
    return new Level(id, "Level " + id, "feels fine", phases);
  }

  static Exercise exercise(String id, int sets, int reps, List<String> rounds, int rest,
      Level... levels) {
    return new Exercise(id, "Exercise " + id, "daily", sets, reps, rounds, rest, List.of(levels));
  }

  /** The default rule (safe zone 0-3, rises of 1) with the given ceiling and asking point. */
  static PainRule rule(Integer max, PainRule.AskAfter askAfter) {
    return PainRule.of(1, true, max, askAfter);
  }

  static Routine routine(PainRule rule, Exercise... exercises) {
    return new Routine("test", "Test routine", 1, "seed", "Not a diagnosis.",
        new Contact("Clinic", null, "care@example.org", null, "Book a call", null),
        new RedFlags(List.of(new RedFlag("bladder", "Bladder changes?"),
            new RedFlag("saddle", "Saddle numbness?")), "Seek urgent care."),
        rule, List.of(exercises));
  }

  /** Two exercises: a (2 sets x 2 reps, left/right, 3 levels) and b (1 set x 1 rep, 2 levels). */
  static Routine twoExercises() {
    return routine(rule(null, PainRule.AskAfter.SET),
        exercise("a", 2, 2, List.of("left", "right"), 10,
            level("a0", 3, 3), level("a1", 2, 2), level("a2", 2)),
        exercise("b", 1, 1, List.of(""), 0, level("b0", 4), level("b1", 0)));
  }
}
