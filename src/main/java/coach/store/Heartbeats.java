package coach.store;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One timer per open history for every session it is running: every {@link
 * #EVERY} the live sessions are marked as still running, so another
 * process (or another server on the same history) can tell a live session from one that was cut
 * off. No thread exists until the first session starts.
 */
final class Heartbeats implements AutoCloseable {
  /** How often a live session says so, and how long after its last word it counts as gone. */
  static final java.time.Duration EVERY = java.time.Duration.ofSeconds(10);
  static final java.time.Duration LIVE_FOR = java.time.Duration.ofSeconds(35);
  /** This machine's name as other processes sharing the history will see it. */
  static final String HOST = hostName();

  private final Consumer<Collection<String>> beat;
  private final Set<String> live = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService timer;

  Heartbeats(Consumer<Collection<String>> beat) {
    this.beat = beat;
  }

  synchronized void start(String sessionId) {
    live.add(sessionId);
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "coach-heartbeat");
        t.setDaemon(true);
        return t;
      });
      long every = EVERY.toMillis();
      timer.scheduleWithFixedDelay(() -> beat.accept(List.copyOf(live)), every, every,
          TimeUnit.MILLISECONDS);
    }
  }

  void stop(String sessionId) {
    live.remove(sessionId);
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    live.clear();
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | RuntimeException e) {
      return "this computer";
    }
  }
}
