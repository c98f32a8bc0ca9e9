package coach.routine;

import java.util.List;

/**
 * When a pain rating counts as an increase, and when the coach asks for one (GUIDE section 3).
 * Every number can be set per routine.
 *
 * @param increaseBy a rating at least this much above the reference (and above the safe zone)
 *     is an increase
 * @param safeUpTo a rating at or below this is never an increase by its number alone
 * @param maxAcceptable a rating above this is an increase whatever the reference, unless it is no
 *     higher than the session's starting rating; null for no ceiling
 * @param spreadCounts ask where the symptoms reach, and count reaching further than the reference
 *     answer as an increase
 * @param regionQuestion the routine's own words for the symptom question; null for the coach's
 * @param regions where symptoms can reach, ordered from central to distal ("back" ... "foot")
 * @param askAfter ask after each set (each round counts) or once after each exercise
 * @param nextMorningCheck ask at the start of a session whether pain was worse the morning after
 * @param nextMorningAfterHours ask only when the last session ended at least this long ago
 * @param nextMorningWithinDays ... and at most this many days ago
 * @param progressAfterSessions completed sessions, on different days, without an increase before
 *     the harder level is offered
 */
public record PainRule(
    int increaseBy,
    int safeUpTo,
    Integer maxAcceptable,
    boolean spreadCounts,
    String regionQuestion,
    List<String> regions,
    AskAfter askAfter,
    boolean nextMorningCheck,
    int nextMorningAfterHours,
    int nextMorningWithinDays,
    int progressAfterSessions) {

  public enum AskAfter {
    SET,
    EXERCISE
  }

  public static final List<String> DEFAULT_REGIONS =
      List.of("back", "buttock", "thigh", "below the knee", "foot");

  public PainRule {
    regions = List.copyOf(regions);
  }

  /** The defaults of GUIDE section 3. */
  public static PainRule defaults() {
    return new PainRule(1, 3, 5, true, null, DEFAULT_REGIONS, AskAfter.SET, true, 8, 7, 2);
  }

  /** The defaults with another ceiling, spread setting and asking point (for tests and tools). */
  public static PainRule of(int increaseBy, boolean spreadCounts, Integer maxAcceptable,
      AskAfter askAfter) {
    PainRule d = defaults();
    return new PainRule(increaseBy, d.safeUpTo, maxAcceptable, spreadCounts, null, d.regions,
        askAfter, d.nextMorningCheck, d.nextMorningAfterHours, d.nextMorningWithinDays,
        d.progressAfterSessions);
  }

  /** This rule with another safe zone. */
  public PainRule withSafeUpTo(int safe) {
    return new PainRule(increaseBy, safe, maxAcceptable, spreadCounts, regionQuestion, regions,
        askAfter, nextMorningCheck, nextMorningAfterHours, nextMorningWithinDays,
        progressAfterSessions);
  }
}
