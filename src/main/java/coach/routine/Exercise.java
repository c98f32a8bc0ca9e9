package coach.routine;

import java.util.List;

/**
 * One exercise of a routine.
 *
 * <p>A set is repeated for each round label (a side, a spine segment, a direction, or a
 * combination such as "left hip, forward"); each (set, round) pair is {@code reps} repetitions of
 * the current level's phases. Levels run from the prescribed one (index 0) down to the easiest
 * (last index).
 *
 * @param frequency how often, as the therapist wrote it ("daily", "twice a day")
 * @param rounds never empty; a single unnamed round is {@code List.of("")}
 * @param restSeconds rest after each set (not between rounds)
 */
public record Exercise(
    String id,
    String name,
    String frequency,
    int sets,
    int reps,
    List<String> rounds,
    int restSeconds,
    List<Level> levels) {

  public Exercise {
    rounds = List.copyOf(rounds);
    levels = List.copyOf(levels);
  }

  public int easiestLevel() {
    return levels.size() - 1;
  }

  public Level level(int index) {
    return levels.get(index);
  }
}
