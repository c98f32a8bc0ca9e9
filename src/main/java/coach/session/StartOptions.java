package coach.session;

import java.util.List;
import java.util.Map;

/**
 * What the history says about how this session starts.
 *
 * @param startLevels level index per exercise id (carry-over); missing ids start at 0
 * @param askNextMorning ask whether pain was worse the morning after the last session
 * @param offerHarder exercise ids whose harder level is offered again, in routine order
 * @param resume where an interrupted session left off, or null for a fresh start
 * @param earlier per exercise id, its highest rating in each earlier session, oldest first (for
 *     the summary's comparison)
 */
public record StartOptions(
    Map<String, Integer> startLevels,
    boolean askNextMorning,
    List<String> offerHarder,
    ResumePoint resume,
    Map<String, List<Integer>> earlier) {

  public StartOptions {
    startLevels = Map.copyOf(startLevels);
    offerHarder = List.copyOf(offerHarder);
    earlier = Map.copyOf(earlier);
  }

  public StartOptions(Map<String, Integer> startLevels, boolean askNextMorning,
      List<String> offerHarder, ResumePoint resume) {
    this(startLevels, askNextMorning, offerHarder, resume, Map.of());
  }

  public static StartOptions fresh() {
    return new StartOptions(Map.of(), false, List.of(), null);
  }

  /**
   * The start of a (set, round) of an exercise to continue from.
   *
   * @param set 1-based
   * @param round 0-based
   */
  public record ResumePoint(int exerciseIndex, int set, int round) {}
}
