package coach.ssh;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most N new connections per address in any 60 seconds (a sliding window). Addresses with
 * nothing in the window are forgotten, so the table stays as small as the current traffic.
 */
final class ConnectionRate {
  private static final long WINDOW = 60_000_000_000L;
  private final int perMinute;
  private final LongSupplier clock;
  private final Map<String, Deque<Long>> seen = new HashMap<>();

  ConnectionRate(int perMinute, LongSupplier clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  synchronized boolean allow(String address) {
    long now = clock.getAsLong();
    seen.values().removeIf(q -> {
      while (!q.isEmpty() && now - q.peekFirst() >= WINDOW) {
        q.pollFirst();
      }
      return q.isEmpty();
    });
    Deque<Long> q = seen.computeIfAbsent(address, a -> new ArrayDeque<>());
    if (q.size() >= perMinute) {
      return false;
    }
    q.addLast(now);
    return true;
  }
}
