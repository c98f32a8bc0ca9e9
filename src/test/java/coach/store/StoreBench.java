package coach.store;

import coach.session.Effect;
import coach.session.Rating;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Measures how long one committed rating takes (for scripts/bench): {@code StoreBench [N] [DIR]}
 * records N ratings into a fresh history in DIR (default: a temporary folder) and prints the
 * median and 99th percentile in milliseconds.
 */
public final class StoreBench {
  private StoreBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("coach-bench");
    Path file = dir.resolve("bench-history.db");
    Files.deleteIfExists(file);
    long[] nanos = new long[n];
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      SessionRecorder rec = store.begin("bench", "bench", "hash", Map.of("x", 0));
      for (int i = 0; i < n; i++) {
        Effect e = new Effect.RecordRating(
            new Rating(Rating.Kind.SET, "x", 0, "x0", i + 1, 0, "", i % 11, null));
        long t0 = System.nanoTime();
        rec.apply(e);
        nanos[i] = System.nanoTime() - t0;
      }
    }
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir.resolve("bench-history.db-wal"));
    Files.deleteIfExists(dir.resolve("bench-history.db-shm"));
    Arrays.sort(nanos);
    System.out.printf("ratings=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n", n,
        nanos[n / 2] / 1e6, nanos[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6,
        nanos[n - 1] / 1e6);
  }
}
