package coach.routine;

import java.util.List;

/**
 * When a pain rating counts as an increase, and when the coach asks for one (GUIDE section 3).
 *
 * @param increaseBy a rating this much above the previous rating, or above the baseline, is an increase
 * @param spreadCounts symptoms reaching further down the body than before count as an increase
 * @param maxAcceptable a rating above this counts as an increase; null for no ceiling
 * @param askAfter ask after each set (each round counts) or once after each exercise
 * @param regions where symptoms can reach, ordered from central to distal ("back" ... "foot")
 * @param nextMorningCheck ask at the start of a session whether pain was worse the morning after
 * @param progressAfterSessions sessions without an increase before the harder level is offered again
 */
public record PainRule(
    int increaseBy,
    boolean spreadCounts,
    Integer maxAcceptable,
    AskAfter askAfter,
    List<String> regions,
    boolean nextMorningCheck,
    int progressAfterSessions) {

  public enum AskAfter {
    SET,
    EXERCISE
  }

  public PainRule {
    regions = List.copyOf(regions);
  }

  /** The defaults of GUIDE section 3. */
  public static PainRule defaults() {
    return new PainRule(
        1, true, null, AskAfter.SET,
        List.of("back", "buttock", "thigh", "below the knee", "foot"), true, 2);
  }
}
