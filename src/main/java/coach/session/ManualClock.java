package coach.session;

import java.time.Duration;

/** A clock that moves only when told to; for tests and the headless pilot. */
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
}
