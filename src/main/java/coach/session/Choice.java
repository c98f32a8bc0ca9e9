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

  /** As a number, as {@link SessionState#choice} gives it: -1 none, 0 the first, 1 the second. */
  public int number() {
    return switch (this) {
      case NONE -> -1;
      case FIRST -> 0;
      case SECOND -> 1;
    };
  }
}
