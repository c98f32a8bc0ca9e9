package coach.session;

/**
 * The system's monotonic clock sped up {@code pace} times ({@code --pace N}): a 4-second phase
 * lasts 4/N real seconds. Pace 1 is real time.
 *
 * @deprecated sessions run on {@link coach.tui.PacedClock}; this one is kept only for the
 *     clinic command, until it moves to that one.
 */
@Deprecated
@SuppressWarnings("deprecation")
public final class PacedClock implements Clock {
  private final double pace;
  private final long origin;

  public PacedClock(double pace) {
    if (!(pace > 0) || Double.isInfinite(pace)) {
      throw new IllegalArgumentException("pace must be a positive number");
    }
    this.pace = pace;
    this.origin = System.nanoTime();
  }

  public double pace() {
    return pace;
  }

  @Override
  public long nanoTime() {
    long real = System.nanoTime() - origin;
    return pace == 1.0 ? real : (long) (real * pace);
  }

  /** How many real nanoseconds until the paced clock reads {@code pacedNanos}. */
  public long realDelayUntil(long pacedNanos) {
    long paced = pacedNanos - nanoTime();
    return paced <= 0 ? 0 : (long) Math.ceil(paced / pace);
  }
}
