package coach.session;

import java.util.Optional;

/**
 * Why an exercise changed level or stopped, as a code with its numbers; the screens and the
 * report put it into words in their language, and the history keeps {@link #code()}.
 *
 * <p>The stored code (stable: histories keep it; add kinds and fields, never change these): the
 * kind's name, then fields separated by single blanks, each a name alone (a flag), {@code name=N}
 * or {@code name=N>M}, with N and M whole numbers of at least 0; a field that does not apply is
 * left out. Level and region numbers are indexes into the routine (levels from 0, the prescribed
 * one; regions from 1, 0 meaning no symptoms).
 * <pre>
 *   easier pain=2>5 number limit=5 spread=1>3 level=0>1   pain rose: one level easier
 *   easiest pain=2>6 number level=2                        pain rose at the easiest level: stop
 *   stopped pain=2>8 limit=5 level=0                       above the ceiling, or symptoms
 *   stopped pain=3>3 spread=2>5 level=1                      spread: the exercise stops at once
 *   easiest-today pain=8 limit=5                           after a stop above the ceiling: each
 *                                                          later exercise at its easiest, today
 *   today pain=2>8 limit=5 level=2                         the session stops for today (a stop
 *   today second pain=2>5 number level=3                     above the ceiling at the easiest
 *                                                          level, a spread that far, a second stop)
 *   morning-worse                                          worse the morning after: easier
 *   harder sessions=2                                      the harder level, offered, was taken
 *   high-start-easier pain=7 limit=5                       high pain before starting: easier
 *   high-start-stop pain=7 limit=5                         high pain before starting: stop
 * </pre>
 * In {@code easier} and {@code easiest}, {@code pain=R>V} is the reference and the rating, the
 * flag {@code number} says the rating rose by its number, {@code limit} is the ceiling it is
 * above, and {@code spread} the region ranks when the symptoms reach further.
 */
public sealed interface Reason {
  /** The code kept in the history (see the interface's comment). */
  String code();

  /** Pain rose: the exercise moves from one level to the next easier one. */
  record Easier(Rise rise, int fromLevel, int toLevel) implements Reason {
    @Override
    public String code() {
      return "easier " + ReasonCode.rise(rise) + " level=" + fromLevel + ">" + toLevel;
    }
  }

  /** Pain rose at the easiest level: the exercise stops. */
  record AtEasiest(Rise rise, int level) implements Reason {
    @Override
    public String code() {
      return "easiest " + ReasonCode.rise(rise) + " level=" + level;
    }
  }

  /**
   * Pain went above the ceiling, or the symptoms spread: the exercise stops at once, at whatever
   * level it was.
   */
  record Stopped(Rise rise, int level) implements Reason {
    @Override
    public String code() {
      return "stopped " + ReasonCode.rise(rise) + " level=" + level;
    }
  }

  /**
   * After an exercise stopped above the ceiling, each later exercise of the session starts at
   * its easiest level: for today only.
   */
  record EasiestToday(int pain, int limit) implements Reason {
    @Override
    public String code() {
      return "easiest-today pain=" + pain + " limit=" + limit;
    }
  }

  /**
   * The session stops for today, at this rating: above the ceiling at the easiest level (or in
   * a session that started high), symptoms reaching the routine's stop-today region, or (with
   * {@code second}) a second exercise stopped.
   */
  record StopToday(Rise rise, int level, boolean second) implements Reason {
    @Override
    public String code() {
      return "today " + (second ? "second " : "") + ReasonCode.rise(rise) + " level=" + level;
    }
  }

  /** Pain was worse the morning after the last session: the exercise starts one level easier. */
  record MorningWorse() implements Reason {
    @Override
    public String code() {
      return "morning-worse";
    }
  }

  /** The harder level, offered after this many sessions without a rise, was taken. */
  record HarderTaken(int sessions) implements Reason {
    @Override
    public String code() {
      return "harder sessions=" + sessions;
    }
  }

  /** The starting rating is above the ceiling: every exercise at its easiest level, today only. */
  record HighStartEasier(int start, int limit) implements Reason {
    @Override
    public String code() {
      return "high-start-easier pain=" + start + " limit=" + limit;
    }
  }

  /** The starting rating is above the ceiling, and the person chose to end the session. */
  record HighStartStop(int start, int limit) implements Reason {
    @Override
    public String code() {
      return "high-start-stop pain=" + start + " limit=" + limit;
    }
  }

  /**
   * Whether this change of level is for today only, so the next session starts where it would
   * have (a high start; the easiest levels after a stop above the ceiling).
   */
  default boolean todayOnly() {
    return this instanceof HighStartEasier || this instanceof EasiestToday;
  }

  /**
   * The reason a stored code stands for; empty for anything else, such as the sentences older
   * versions stored, which are shown as they are.
   */
  static Optional<Reason> parse(String code) {
    return ReasonCode.parse(code);
  }
}
