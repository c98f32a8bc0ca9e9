package coach.session;

/**
 * A pain rating the person confirmed.
 *
 * @param kind BASELINE before the first exercise, SET after a set (or round), EXERCISE after a
 *     whole exercise when the routine asks only then
 * @param exerciseId null for the baseline
 * @param level level index (0 = prescribed), {@link #BASELINE_LEVEL} for the baseline
 * @param levelId the level's id, null for the baseline
 * @param set 1-based set number, 0 for the baseline
 * @param round 0-based round index, {@link #BASELINE_ROUND} for the baseline
 * @param roundLabel the round's label ("left leg"), "" when the exercise has one unnamed round
 * @param value 0-10
 * @param region where the symptoms reach: one of the routine's regions, or null for none
 */
public record Rating(
    Kind kind,
    String exerciseId,
    int level,
    String levelId,
    int set,
    int round,
    String roundLabel,
    int value,
    String region) {

  public enum Kind {
    BASELINE,
    SET,
    EXERCISE
  }

  /** The level of the baseline, which is of no exercise, as the history stores it. */
  public static final int BASELINE_LEVEL = -1;
  /** The round of the baseline, as the history stores it. */
  public static final int BASELINE_ROUND = -1;

  /** The session's starting rating: of no exercise, level, set or round. */
  public static Rating baseline(int value, String region) {
    return new Rating(Kind.BASELINE, null, BASELINE_LEVEL, null, 0, BASELINE_ROUND, "", value,
        region);
  }
}
