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
 * @param gate what is said or asked before anything else: a stop earlier today, a doctor's
 *     clearance after a red flag, the signs of a serious cause before a first session
 */
public record StartOptions(
    Map<String, Integer> startLevels,
    boolean askNextMorning,
    List<String> offerHarder,
    ResumePoint resume,
    Map<String, List<Integer>> earlier,
    Gate gate) {

  public StartOptions {
    startLevels = Map.copyOf(startLevels);
    offerHarder = List.copyOf(offerHarder);
    earlier = Map.copyOf(earlier);
    gate = gate == null ? Gate.OPEN : gate;
  }

  public StartOptions(Map<String, Integer> startLevels, boolean askNextMorning,
      List<String> offerHarder, ResumePoint resume, Map<String, List<Integer>> earlier) {
    this(startLevels, askNextMorning, offerHarder, resume, earlier, Gate.OPEN);
  }

  /** These options with another gate. */
  public StartOptions withGate(Gate g) {
    return new StartOptions(startLevels, askNextMorning, offerHarder, resume, earlier, g);
  }

  /**
   * What comes before anything else in a new session (GUIDE section 3).
   *
   * @param lockout earlier today the session stopped for today or a red flag was answered yes:
   *     no exercise today; null when not
   * @param redFlagAt a red flag was answered yes on an earlier day and neither a doctor's
   *     clearance nor a clinician's acknowledgement followed: when; null when not
   * @param redFlagId that red flag's question id, or null
   * @param seriousSigns ask about signs of a serious cause (a routine nobody prescribed, before
   *     the first session)
   */
  public record Gate(Lockout lockout, java.time.Instant redFlagAt, String redFlagId,
      boolean seriousSigns) {
    public static final Gate OPEN = new Gate(null, null, null, false);
  }

  /**
   * What stopped today, and when.
   *
   * @param redFlagId the red flag answered yes; null when the session stopped for pain
   * @param reason why the session stopped for today (null for a red flag, or a reason this
   *     version cannot read)
   */
  public record Lockout(java.time.Instant at, String redFlagId, Reason reason) {}

  public StartOptions(Map<String, Integer> startLevels, boolean askNextMorning,
      List<String> offerHarder, ResumePoint resume) {
    this(startLevels, askNextMorning, offerHarder, resume, Map.of(), Gate.OPEN);
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
   * session that resumes it: the same session to the patient and to the pain rules, which draw
   * their own conclusions from it (see {@link PainPolicy}).
   *
   * @param ratings every rating given, in order, the starting one first
   * @param switches each change of level, in order
   * @param stops each exercise stopped for pain, in order, with why
   */
  public record Recorded(List<Rating> ratings, List<SwitchNote> switches, List<Stop> stops) {
    public static final Recorded NONE = new Recorded(List.of(), List.of(), List.of());

    public Recorded {
      ratings = List.copyOf(ratings);
      switches = List.copyOf(switches);
      stops = List.copyOf(stops);
    }

    /** The ids of the exercises stopped, each once, in order. */
    public List<String> stopped() {
      return stops.stream().map(Stop::exerciseId).distinct().toList();
    }
  }

  /** An exercise stopped for pain, and why (null: a reason this version cannot read). */
  public record Stop(String exerciseId, Reason reason) {}
}
