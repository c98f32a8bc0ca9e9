package coach.session;

import coach.routine.PainRule;

/**
 * The pain rules of GUIDE section 3 in one place: what a rating after a set does. The core, the
 * carry-over of an interrupted session and the report all ask this class; none re-derives it.
 *
 * <p>A rating is judged against a reference: the highest rating and the furthest-reaching
 * symptoms since the exercise started or last changed level (after a change, the rating that
 * caused it); an exercise's first set starts from the session's last rating. Then, in order:
 * <ul>
 *   <li><b>above the ceiling</b> ({@code maxAcceptable}; in a session that started above it, the
 *       starting rating): the exercise stops at once, with no step down; at its easiest level
 *       (every level is the easiest in a session that started high) the session stops for today;
 *   <li><b>spread</b>: the symptoms reach further than the reference: the exercise stops at once;
 *       reaching {@code spreadStopsTodayAt} or further stops the session for today;
 *   <li><b>rise</b>: above {@code safeUpTo} and at least {@code increaseBy} above the reference,
 *       unless the symptoms moved back toward the spine at the same time (good news): the next
 *       easier level, or at the easiest level the exercise stops;
 *   <li>any stop when another exercise was already stopped this session stops it for today.
 * </ul>
 * A stop above the ceiling or for a spread asks the red-flag questions again.
 */
public final class PainPolicy {
  private final PainRule rule;

  public PainPolicy(PainRule rule) {
    this.rule = rule;
  }

  public PainRule rule() {
    return rule;
  }

  /**
   * What a rating is compared with.
   *
   * @param value the highest rating since the exercise started or last switched level
   * @param region the furthest region rank reached in that time (0 no symptoms)
   */
  public record Reference(int value, int region) {
    /** The reference after a rating that was not an increase: nothing is forgotten. */
    public Reference with(int v, int r) {
      return new Reference(Math.max(value, v), Math.max(region, r));
    }
  }

  /** What a rating does to the exercise under way. */
  public enum Action {
    /** Nothing changes: the next set as planned. */
    NONE,
    /** The next easier level for the remaining sets. */
    EASIER,
    /** The exercise stops; the session may go on with the next exercise. */
    STOP_EXERCISE,
    /** The session stops for today: no exercise choice. */
    STOP_TODAY
  }

  /**
   * What a rating does, and why.
   *
   * @param rise what made it a change; null when the action is NONE
   * @param nearer the symptoms reach less far than the reference (good news, said on screen)
   * @param second the stop is for today because another exercise was stopped already
   */
  public record Verdict(Action action, Rise rise, boolean nearer, boolean second) {
    /** Whether the rating changed anything. */
    public boolean increased() {
      return action != Action.NONE;
    }

    /** Above the ceiling or a spread: the red-flag questions are asked again. */
    public boolean asksRedFlags() {
      return rise != null && (rise.aboveLimit() || rise.spread());
    }

    /** Whether the exercise stopped above the ceiling (later exercises then start easiest). */
    public boolean aboveCeiling() {
      return rise != null && rise.aboveLimit();
    }
  }

  /** Whether the session's starting rating is above the ceiling. */
  public boolean highStart(int start) {
    return rule.maxAcceptable() != null && start > rule.maxAcceptable();
  }

  /** The ceiling a session that started at {@code start} has: the start when that was high. */
  public Integer ceiling(int start) {
    return highStart(start) ? Integer.valueOf(start) : rule.maxAcceptable();
  }

  /**
   * Judges a rating after a set.
   *
   * @param ref the reference (see the class comment)
   * @param start the session's starting rating
   * @param value the rating just confirmed
   * @param region its region rank (0 for none or when not asked)
   * @param atEasiest the exercise is at its easiest level
   * @param stoppedBefore how many other exercises were stopped earlier this session
   */
  public Verdict judge(Reference ref, int start, int value, int region, boolean atEasiest,
      int stoppedBefore) {
    Integer ceiling = ceiling(start);
    boolean high = highStart(start);
    boolean above = ceiling != null && value > ceiling;
    boolean spread = rule.spreadCounts() && region > ref.region();
    boolean nearer = rule.spreadCounts() && region < ref.region();
    boolean byNumber = value > rule.safeUpTo() && value - ref.value() >= rule.increaseBy()
        && !nearer && (!high || value > start);
    if (!above && !spread && !byNumber) {
      return new Verdict(Action.NONE, null, nearer, false);
    }
    Rise rise = new Rise(ref.value(), value, byNumber, above ? ceiling : -1,
        spread ? ref.region() : -1, spread ? region : -1);
    boolean today = (above && (atEasiest || high))
        || (spread && rule.spreadStopsTodayRank() > 0 && region >= rule.spreadStopsTodayRank());
    boolean stops = above || spread || atEasiest;
    boolean second = stops && !today && stoppedBefore > 0;
    Action action = today || second ? Action.STOP_TODAY
        : stops ? Action.STOP_EXERCISE : Action.EASIER;
    return new Verdict(action, rise, false, second);
  }

  /** 0 for no symptoms (null region), 1 for the first (most central) region, and so on. */
  public int regionRank(String region) {
    if (region == null) {
      return 0;
    }
    int i = rule.regions().indexOf(region);
    return i < 0 ? 0 : i + 1;
  }
}
