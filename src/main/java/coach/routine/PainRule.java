package coach.routine;

import java.util.List;

/**
 * When a pain rating counts as an increase, and when the coach asks for one (GUIDE section 3).
 * Every number can be set per routine.
 *
 * @param increaseBy a rating at least this much above the reference (and above the safe zone)
 *     is a rise: one level easier
 * @param safeUpTo a rating at or below this is never an increase by its number alone
 * @param maxAcceptable the ceiling: a rating above it stops the exercise whatever the reference
 *     (in a session that started above it, a rating above the start does); null for no ceiling
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
 * @param painQuestion the routine's own words for which pain is rated ("your worst pain right
 *     now, back or leg"); null for the coach's
 * @param spreadStopsTodayAt symptoms reaching this region (one of {@code regions}) or further stop
 *     the session for today; null when only the exercise stops
 * @param resumeWithinHours a session cut off less than this long ago is offered for resuming
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
    int progressAfterSessions,
    String painQuestion,
    String spreadStopsTodayAt,
    int resumeWithinHours) {

  /** When the pain check comes. */
  public enum AskAfter {
    /** After each set, each round of a set counting as one ("set 1, left leg"). */
    SET("set", "each set (each round counts)"),
    /** Once after each exercise. */
    EXERCISE("exercise", "each exercise"),
    /**
     * Once after each side (round) of an exercise: all its sets on one side, then the check,
     * then the next side.
     */
    EXERCISE_SIDE("exercise-side", "each side of each exercise (all its sets on that side)");

    private final String word;
    private final String meaning;

    AskAfter(String word, String meaning) {
      this.word = word;
      this.meaning = meaning;
    }

    /** As a routine file writes it. */
    public String word() {
      return word;
    }

    /** In plain words, after "asked after". */
    public String meaning() {
      return meaning;
    }
  }

  public static final List<String> DEFAULT_REGIONS =
      List.of("back", "buttock", "thigh", "below the knee", "foot");

  /** A session cut off longer ago than this is not offered for resuming (GUIDE section 3). */
  public static final int RESUME_WITHIN_HOURS = 12;

  public PainRule {
    regions = List.copyOf(regions);
  }

  /** The defaults of GUIDE section 3. */
  public static PainRule defaults() {
    return new Builder()
        .increaseBy(2)
        .safeUpTo(3)
        .maxAcceptable(5)
        .spreadCounts(true)
        .regions(DEFAULT_REGIONS)
        .askAfter(AskAfter.SET)
        .nextMorningCheck(true)
        .nextMorningAfterHours(8)
        .nextMorningWithinDays(7)
        .progressAfterSessions(2)
        .resumeWithinHours(RESUME_WITHIN_HOURS)
        .build();
  }

  /**
   * The rule's values by name, to change some of them: {@code rule.toBuilder().safeUpTo(2)
   * .build()}.
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * The rank of the region from which a spread stops the session for today (1 for the first
   * region), or 0 when no region does.
   */
  public int spreadStopsTodayRank() {
    int i = spreadStopsTodayAt == null ? -1 : regions.indexOf(spreadStopsTodayAt);
    return i < 0 ? 0 : i + 1;
  }

  /** This rule with symptoms reaching {@code region} or further stopping the session today. */
  public PainRule withSpreadStopsTodayAt(String region) {
    return toBuilder().spreadStopsTodayAt(region).build();
  }

  /** The defaults with another ceiling, spread setting and asking point (for tests and tools). */
  public static PainRule of(int increaseBy, boolean spreadCounts, Integer maxAcceptable,
      AskAfter askAfter) {
    return defaults().toBuilder().increaseBy(increaseBy).spreadCounts(spreadCounts)
        .maxAcceptable(maxAcceptable).askAfter(askAfter).build();
  }

  /** This rule with another safe zone. */
  public PainRule withSafeUpTo(int safe) {
    return toBuilder().safeUpTo(safe).build();
  }

  /** A pain rule value by value, each by its name (see the record's fields). */
  public static final class Builder {
    private int increaseBy;
    private int safeUpTo;
    private Integer maxAcceptable;
    private boolean spreadCounts;
    private String regionQuestion;
    private List<String> regions = List.of();
    private AskAfter askAfter;
    private boolean nextMorningCheck;
    private int nextMorningAfterHours;
    private int nextMorningWithinDays;
    private int progressAfterSessions;
    private String painQuestion;
    private String spreadStopsTodayAt;
    private int resumeWithinHours;

    private Builder() {}

    private Builder(PainRule r) {
      increaseBy = r.increaseBy;
      safeUpTo = r.safeUpTo;
      maxAcceptable = r.maxAcceptable;
      spreadCounts = r.spreadCounts;
      regionQuestion = r.regionQuestion;
      regions = r.regions;
      askAfter = r.askAfter;
      nextMorningCheck = r.nextMorningCheck;
      nextMorningAfterHours = r.nextMorningAfterHours;
      nextMorningWithinDays = r.nextMorningWithinDays;
      progressAfterSessions = r.progressAfterSessions;
      painQuestion = r.painQuestion;
      spreadStopsTodayAt = r.spreadStopsTodayAt;
      resumeWithinHours = r.resumeWithinHours;
    }

    public Builder increaseBy(int v) {
      increaseBy = v;
      return this;
    }

    public Builder safeUpTo(int v) {
      safeUpTo = v;
      return this;
    }

    /** The ceiling; null for none. */
    public Builder maxAcceptable(Integer v) {
      maxAcceptable = v;
      return this;
    }

    public Builder spreadCounts(boolean v) {
      spreadCounts = v;
      return this;
    }

    /** The routine's own words for the symptom question; null for the coach's. */
    public Builder regionQuestion(String v) {
      regionQuestion = v;
      return this;
    }

    public Builder regions(List<String> v) {
      regions = v;
      return this;
    }

    public Builder askAfter(AskAfter v) {
      askAfter = v;
      return this;
    }

    public Builder nextMorningCheck(boolean v) {
      nextMorningCheck = v;
      return this;
    }

    public Builder nextMorningAfterHours(int v) {
      nextMorningAfterHours = v;
      return this;
    }

    public Builder nextMorningWithinDays(int v) {
      nextMorningWithinDays = v;
      return this;
    }

    public Builder progressAfterSessions(int v) {
      progressAfterSessions = v;
      return this;
    }

    /** The routine's own words for which pain is rated; null for the coach's. */
    public Builder painQuestion(String v) {
      painQuestion = v;
      return this;
    }

    /** The region from which a spread stops the session for today; null for none. */
    public Builder spreadStopsTodayAt(String v) {
      spreadStopsTodayAt = v;
      return this;
    }

    public Builder resumeWithinHours(int v) {
      resumeWithinHours = v;
      return this;
    }

    public PainRule build() {
      return new PainRule(increaseBy, safeUpTo, maxAcceptable, spreadCounts, regionQuestion,
          regions, askAfter, nextMorningCheck, nextMorningAfterHours, nextMorningWithinDays,
          progressAfterSessions, painQuestion, spreadStopsTodayAt, resumeWithinHours);
    }
  }
}
