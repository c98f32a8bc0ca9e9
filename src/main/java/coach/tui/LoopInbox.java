package coach.tui;

import coach.session.Event;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The events handed to a {@link SessionLoop} from any thread, waiting for the loop's thread (or,
 * on a shared scheduler, handed to the session's executor), and how many of them were handled,
 * so that a caller can wait until all were.
 */
final class LoopInbox {
  private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final Object idle = new Object();
  private long posted;
  private long processed;
  /** On a shared scheduler: where events go instead of the queue; null until then. */
  private SharedLoopRun shared;

  /** Hands an event to the loop from any thread. */
  void post(Event e) {
    SharedLoopRun on;
    synchronized (idle) {
      posted++;
      on = shared;
      if (on == null) {
        queue.add(e);
        return;
      }
    }
    on.post(e);
  }

  /**
   * From now on events go to the shared run, whose beginning is handed to its executor first,
   * then the events that waited here, in order.
   */
  void handTo(SharedLoopRun run) {
    synchronized (idle) {
      // set before begin is handed over: begin asks for its first wake on this executor
      shared = run;
      run.beginOnExecutor();
      for (Event e = queue.poll(); e != null; e = queue.poll()) {
        run.post(e);
      }
    }
  }

  /** The next event, waiting for one as long as it takes. */
  Event take() throws InterruptedException {
    return queue.take();
  }

  /** The next event, waiting at most this long for one; null when none came. */
  Event poll(long nanos) throws InterruptedException {
    return queue.poll(nanos, TimeUnit.NANOSECONDS);
  }

  /** The next event if one waits, else null. */
  Event poll() {
    return queue.poll();
  }

  /** One posted event was processed and drawn; whoever waits for that is woken. */
  void processedOne() {
    synchronized (idle) {
      processed++;
      idle.notifyAll();
    }
  }

  /** Whoever waits for the loop to be idle looks again (it may have ended). */
  void wakeWaiters() {
    synchronized (idle) {
      idle.notifyAll();
    }
  }

  /** Waits until every event posted so far has been processed, while the loop runs. */
  void awaitIdle(long timeoutMillis, BooleanSupplier running) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    synchronized (idle) {
      while (processed < posted && running.getAsBoolean()) {
        long left = end - System.currentTimeMillis();
        if (left <= 0) {
          throw new IllegalStateException("loop did not become idle");
        }
        idle.wait(left);
      }
    }
  }
}
