package coach.routine;

import java.util.List;

/**
 * One exercise of a routine.
 *
 * <p>A set is repeated for each round label (a side, a spine segment, a direction, or a
 * combination such as "left hip, forward"); each (set, round) pair is {@code reps} repetitions of
 * the current level's phases. Levels run from the hardest (index 0) down to the easiest (last
 * index); the prescribed one is {@code startLevel}, and any above it are the next steps that
 * progression may offer.
 *
 * @param frequency how often, as the therapist wrote it ("daily", "twice a day"); null when the
 *     routine does not say
 * @param rounds never empty; a single unnamed round is {@code List.of("")}
 * @param roundFocus per round, what to focus on in it ("move mainly from the low back"); "" for
 *     none; the same size as {@code rounds}
 * @param restSeconds rest after each set (not between rounds)
 * @param startLevel index of the prescribed level, where a patient with no history starts
 * @param loadsNerve the exercise loads the sciatic nerve (a glide, a leg raise): after symptoms
 *     spread it is skipped for the rest of the session
 * @param reversed the rounds done in reverse ("left hip, backward"): each level gives their
 *     phases in {@link Level#reversePhases}
 */
public record Exercise(
    String id,
    String name,
    String frequency,
    int sets,
    int reps,
    List<String> rounds,
    List<String> roundFocus,
    int restSeconds,
    List<Level> levels,
    int startLevel,
    boolean loadsNerve,
    java.util.Set<String> reversed) {

  public Exercise {
    rounds = List.copyOf(rounds);
    reversed = reversed == null ? java.util.Set.of() : java.util.Set.copyOf(reversed);
    roundFocus = roundFocus == null || roundFocus.isEmpty()
        ? rounds.stream().map(r -> "").toList() : List.copyOf(roundFocus);
    levels = List.copyOf(levels);
    if (roundFocus.size() != rounds.size()) {
      throw new IllegalArgumentException("one focus per round");
    }
    if (startLevel < 0 || startLevel >= levels.size()) {
      throw new IllegalArgumentException("start level out of range");
    }
  }

  /** An exercise that does not load the nerve. */
  public Exercise(String id, String name, String frequency, int sets, int reps,
      List<String> rounds, List<String> roundFocus, int restSeconds, List<Level> levels,
      int startLevel) {
    this(id, name, frequency, sets, reps, rounds, roundFocus, restSeconds, levels, startLevel,
        false, java.util.Set.of());
  }

  /** This exercise, marked as loading the nerve (or not). */
  public Exercise withLoadsNerve(boolean loads) {
    return new Exercise(id, name, frequency, sets, reps, rounds, roundFocus, restSeconds, levels,
        startLevel, loads, reversed);
  }

  /** An exercise prescribed at its first level, with no focus per round. */
  public Exercise(String id, String name, String frequency, int sets, int reps,
      List<String> rounds, int restSeconds, List<Level> levels) {
    this(id, name, frequency, sets, reps, rounds, List.of(), restSeconds, levels, 0);
  }

  public int easiestLevel() {
    return levels.size() - 1;
  }

  public Level level(int index) {
    return levels.get(index);
  }

  /** The rounds of a set at this level: the level's own, or the exercise's. */
  public List<String> rounds(int level) {
    List<String> own = levels.get(level).ownRounds();
    return own == null ? rounds : own;
  }

  /** What to focus on in this round at this level ("" for nothing). */
  public String focus(int level, int round) {
    if (levels.get(level).ownRounds() != null) {
      return "";
    }
    return round >= 0 && round < roundFocus.size() ? roundFocus.get(round) : "";
  }

  /** The round's name at this level ("" for a single unnamed round, or one out of range). */
  public String round(int level, int round) {
    List<String> rs = rounds(level);
    return round >= 0 && round < rs.size() ? rs.get(round) : "";
  }

  /** The phases of one repetition in this round at this level: reversed in a reverse round. */
  public List<Phase> phases(int level, int round) {
    Level l = levels.get(level);
    return reversed.contains(round(level, round)) && !l.reversePhases().isEmpty()
        ? l.reversePhases() : l.phases();
  }
}
