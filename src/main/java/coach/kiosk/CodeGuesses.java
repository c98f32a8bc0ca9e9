package coach.kiosk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Unknown patient codes typed at kiosks, counted beyond one start screen: per client address and
 * per kiosk login, across connections, so reconnecting starts nothing afresh. Every {@value
 * #MAX_UNKNOWN} unknown codes under one key make every start screen under that key wait {@link
 * #LOCK_NANOS}; a known code does not undo them (someone with one code of their own could
 * otherwise clear the count between guesses). A key with nothing new for {@link #FORGET_NANOS}
 * and no wait running is forgotten, and at most {@value #MAX_KEYS} are kept (the quietest go
 * first), so the table stays small whatever connects. Thread-safe: one is shared by a server's
 * sessions.
 */
public final class CodeGuesses {
  /** Unknown codes under one key before its screens wait. */
  public static final int MAX_UNKNOWN = 5;
  public static final long LOCK_NANOS = 30_000_000_000L;
  static final long FORGET_NANOS = 5 * 60_000_000_000L;
  static final int MAX_KEYS = 10_000;

  /** What one start screen counts under: the keys of its connection. */
  public interface Guard {
    /** Nanoseconds until a code may be tried again here; 0 when it may now. */
    long waitNanos();

    /** Counts an unknown code; the wait it starts (or one running), 0 when none. */
    long unknown();
  }

  private static final class Count {
    int unknown;
    long lockedUntil;
    long last;
  }

  private final LongSupplier clock;
  /** In order of last use, the quietest first. */
  private final LinkedHashMap<String, Count> counts = new LinkedHashMap<>(16, 0.75f, true);

  public CodeGuesses(LongSupplier clock) {
    this.clock = clock;
  }

  /** The guard of a start screen counted under these keys (e.g. its address and its login). */
  public Guard guard(List<String> keys) {
    List<String> ks = List.copyOf(keys);
    return new Guard() {
      @Override
      public long waitNanos() {
        return CodeGuesses.this.waitNanos(ks);
      }

      @Override
      public long unknown() {
        return CodeGuesses.this.unknown(ks);
      }
    };
  }

  synchronized long waitNanos(List<String> keys) {
    long now = clock.getAsLong();
    long wait = 0;
    for (String k : keys) {
      Count c = counts.get(k);
      if (c != null && c.lockedUntil - now > 0) {
        wait = Math.max(wait, c.lockedUntil - now);
      }
    }
    return wait;
  }

  synchronized long unknown(List<String> keys) {
    long now = clock.getAsLong();
    forget(now);
    for (String k : keys) {
      Count c = counts.get(k);
      if (c == null) {
        c = new Count();
        counts.put(k, c);
      }
      c.last = now;
      if (c.lockedUntil - now > 0) {
        continue; // a wait is running: it is not lengthened
      }
      c.unknown++;
      if (c.unknown >= MAX_UNKNOWN) {
        c.unknown = 0;
        c.lockedUntil = now + LOCK_NANOS;
      }
    }
    return waitNanos(keys);
  }

  synchronized int size() {
    return counts.size();
  }

  /** Forgets quiet keys, then the quietest beyond the bound (never one whose wait runs). */
  private void forget(long now) {
    counts.values().removeIf(c -> now - c.last >= FORGET_NANOS && c.lockedUntil - now <= 0);
    var it = counts.entrySet().iterator();
    while (counts.size() >= MAX_KEYS && it.hasNext()) {
      Map.Entry<String, Count> e = it.next();
      if (e.getValue().lockedUntil - now <= 0) {
        it.remove();
      }
    }
    it = counts.entrySet().iterator();
    while (counts.size() >= MAX_KEYS && it.hasNext()) { // every one waiting: the bound holds
      it.next();
      it.remove();
    }
  }
}
