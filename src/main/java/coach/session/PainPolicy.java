package coach.session;

import coach.routine.PainRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The pain rules of GUIDE section 3 in one place. A rating counts as an increase when it is at
 * least {@code increaseBy} above the previous rating or above the session's baseline, when it is
 * above the routine's ceiling, or (when spread counts) when symptoms reach further from the back
 * than at the previous rating. Every decision carries its reason in plain words.
 */
public final class PainPolicy {
  private final PainRule rule;

  public PainPolicy(PainRule rule) {
    this.rule = rule;
  }

  /** Whether a rating counts as an increase, and why. */
  public record Verdict(boolean increased, String reason) {}

  /**
   * @param previous the last rating confirmed in this session (may be the baseline), or null
   * @param baseline the session's baseline rating, or null
   * @param current the rating just confirmed
   */
  public Verdict judge(Rating previous, Rating baseline, Rating current) {
    List<String> reasons = new ArrayList<>();
    int v = current.value();
    if (previous != null && v - previous.value() >= rule.increaseBy()) {
      reasons.add("pain " + previous.value() + " -> " + v);
    }
    if (baseline != null && baseline != previous && v - baseline.value() >= rule.increaseBy()) {
      reasons.add("pain " + v + " is above your starting level of " + baseline.value());
    }
    if (rule.maxAcceptable() != null && v > rule.maxAcceptable()) {
      reasons.add("pain " + v + " is above the limit of " + rule.maxAcceptable());
    }
    if (rule.spreadCounts() && previous != null
        && regionRank(current.region()) > regionRank(previous.region())) {
      reasons.add(previous.region() == null
          ? "symptoms now reach: " + current.region()
          : "symptoms spread further: " + previous.region() + " -> " + current.region());
    }
    if (reasons.isEmpty()) {
      String why = previous == null
          ? "pain " + v
          : "pain " + previous.value() + " -> " + v + ", no increase";
      return new Verdict(false, why);
    }
    return new Verdict(true, String.join("; ", reasons));
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
