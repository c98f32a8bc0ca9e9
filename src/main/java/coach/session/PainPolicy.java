package coach.session;

import coach.routine.PainRule;

/**
 * The pain rules of GUIDE section 3 in one place. A rating is judged against a reference: the
 * highest rating (and the furthest-reaching symptoms) since the exercise started or last switched
 * level; after a switch, the rating that caused it; an exercise's first set starts from the
 * session's last rating. It counts as an increase when
 * <ul>
 *   <li>it is above the safe zone and at least {@code increaseBy} above the reference, or</li>
 *   <li>it is above the ceiling and higher than the session's starting rating, or</li>
 *   <li>(when the routine asks where symptoms reach) they reach further than the reference.</li>
 * </ul>
 * A session that started above the ceiling counts only increases above its starting rating.
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

  /**
   * Whether a rating counts as an increase, and why.
   *
   * @param aboveCeiling the rating is above the routine's ceiling (and the session's start)
   * @param nearer the symptoms reach less far than the reference (good news)
   * @param rise what made it an increase; null when it is none
   */
  public record Verdict(boolean increased, boolean aboveCeiling, boolean nearer, Rise rise) {}

  /** Whether the session's starting rating is above the ceiling. */
  public boolean highStart(int start) {
    return rule.maxAcceptable() != null && start > rule.maxAcceptable();
  }

  /**
   * @param ref the reference (see the class comment)
   * @param start the session's starting rating
   * @param value the rating just confirmed
   * @param region its region rank (0 for none or when not asked)
   */
  public Verdict judge(Reference ref, int start, int value, int region) {
    boolean byNumber = value > rule.safeUpTo() && value - ref.value() >= rule.increaseBy()
        && (!highStart(start) || value > start);
    boolean ceiling = rule.maxAcceptable() != null && value > rule.maxAcceptable()
        && value > start;
    boolean spread = rule.spreadCounts() && region > ref.region();
    boolean nearer = rule.spreadCounts() && region < ref.region();
    if (!byNumber && !ceiling && !spread) {
      return new Verdict(false, false, nearer, null);
    }
    Rise rise = new Rise(ref.value(), value, byNumber, ceiling ? rule.maxAcceptable() : -1,
        spread ? ref.region() : -1, spread ? region : -1);
    return new Verdict(true, ceiling, false, rise);
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
