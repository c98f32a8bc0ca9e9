package coach.routine;

import java.util.List;

/**
 * One variant of an exercise.
 *
 * @param feel what it should feel like, in the patient's words ("a gentle pull, no sharp pain")
 * @param phases the phases of one repetition, in order
 */
public record Level(String id, String name, String feel, List<Phase> phases) {
  public Level {
    phases = List.copyOf(phases);
  }
}
