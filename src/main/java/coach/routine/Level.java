package coach.routine;

import java.util.List;

/**
 * One variant of an exercise.
 *
 * @param feel what it should feel like, in the patient's words ("a gentle pull, no sharp pain")
 * @param phases the phases of one repetition, in order
 * @param position how to start, in the patient's words ("on your back, knees bent, feet flat");
 *     null when the routine does not say
 * @param reversePhases the phases of one repetition in a round marked {@code reverse} (a hip
 *     circle drawn backward), each with its own cue and drawing; empty when the level has none
 * @param ownRounds null when the level is done in the exercise's rounds; else its own (a single
 *     unnamed round when the exercise's segments or directions do not apply to it)
 */
public record Level(String id, String name, String feel, List<Phase> phases, String position,
    List<Phase> reversePhases, List<String> ownRounds) {
  public Level {
    phases = List.copyOf(phases);
    reversePhases = reversePhases == null ? List.of() : List.copyOf(reversePhases);
    ownRounds = ownRounds == null ? null : List.copyOf(ownRounds);
    if (ownRounds != null && ownRounds.isEmpty()) {
      throw new IllegalArgumentException("a level's own rounds are never empty");
    }
  }

  /** A level done in its exercise's rounds, with no start position or reverse phases. */
  public Level(String id, String name, String feel, List<Phase> phases) {
    this(id, name, feel, phases, null, List.of(), null);
  }
}
