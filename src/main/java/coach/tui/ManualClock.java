package coach.tui;

import java.time.Duration;

/**
 * A clock that moves only when told to; for tests, the headless pilot and the start-up training.
 */
public final class ManualClock implements Clock {
  private long now;

  public ManualClock() {
    this(0);
  }

  public ManualClock(long startNanos) {
    this.now = startNanos;
  }

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  public synchronized void advance(Duration d) {
    now += d.toNanos();
  }

  public synchronized void advanceNanos(long nanos) {
    now += nanos;
  }

  /**
   * This clock for a loop that never wakes by itself: whoever drives the loop moves the clock and
   * posts the ticks (the headless pilot).
   */
  public Clock withoutWakes() {
    return new Clock() {
      @Override
      public long nanoTime() {
        return ManualClock.this.nanoTime();
      }

      @Override
      public long realDelayUntil(long at) {
        return Long.MAX_VALUE / 4;
      }
    };
  }
}
