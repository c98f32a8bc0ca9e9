package coach.session;

/**
 * A monotonic clock in nanoseconds.
 *
 * @deprecated the core reads no clock: time comes with each event. Sessions run on {@link
 *     coach.tui.Clock}; this one is kept only for the clinic board, which takes it, until the
 *     board moves to the loop's clock.
 */
@Deprecated
@FunctionalInterface
public interface Clock {
  long nanoTime();
}
