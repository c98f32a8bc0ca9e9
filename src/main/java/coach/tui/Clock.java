package coach.tui;

/**
 * The time a session's loop runs on, in nanoseconds (monotonic). The loop reads it and hands
 * each event its moment; the core ({@code coach.session}) never reads a clock.
 */
@FunctionalInterface
public interface Clock {
  long nanoTime();

  /** How many real nanoseconds from now until this clock reads {@code at}; 0 when it does. */
  default long realDelayUntil(long at) {
    return Math.max(0, at - nanoTime());
  }
}
