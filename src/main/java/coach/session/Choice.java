package coach.session;

/**
 * Which of two answers is highlighted, on a screen or in a dialog that asks: none yet, the first
 * (no, of a yes/no question) or the second (yes).
 */
public enum Choice {
  NONE,
  FIRST,
  SECOND;

  /** The second for a yes, the first for a no. */
  public static Choice of(boolean second) {
    return second ? SECOND : FIRST;
  }

  /** What an arrow highlights: the first from the second, else the second. */
  public Choice toggled() {
    return this == SECOND ? FIRST : SECOND;
  }

}
