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
   * The start of a (set, round) of an exercise to continue from, and what the interrupted
   * session recorded before it.
   *
   * @param set 1-based
   * @param round 0-based
   */
  public record ResumePoint(int exerciseIndex, int set, int round, Recorded recorded) {
    public ResumePoint {
      recorded = recorded == null ? Recorded.NONE : recorded;
    }

    public ResumePoint(int exerciseIndex, int set, int round) {
      this(exerciseIndex, set, round, Recorded.NONE);
    }
  }

  /**
   * What an interrupted session recorded (with the sessions it continued), carried into the
   * session that resumes it: the same session to the patient and to the pain rules.
   *
   * @param ratings every rating given, in order, the starting one first
   * @param switches each change of level, in order
   * @param stopped ids of exercises stopped because pain rose at the easiest level
   * @param stopForToday pain had said to stop for today (a stop above the ceiling, or two stops)
   */
  public record Recorded(List<Rating> ratings, List<SwitchNote> switches, List<String> stopped,
      boolean stopForToday) {
    public static final Recorded NONE = new Recorded(List.of(), List.of(), List.of(), false);

    public Recorded {
      ratings = List.copyOf(ratings);
      switches = List.copyOf(switches);
      stopped = List.copyOf(stopped);
    }
  }
}
