package coach.session;

/** A monotonic clock in nanoseconds. The core reads time only through this. */
@FunctionalInterface
public interface Clock {
  long nanoTime();
}
