package coach.store;

import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Rating;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Load for {@code scripts/bench}: one coach process holding many sessions on the clinic's
 * PostgreSQL history, each confirming a rating every few seconds, as a server's sessions do.
 *
 * <pre>
 * SharedStoreLoad run URL SPOOL_DIR SESSIONS SECONDS EVERY_MS
 *   prints "apply_p50_ms=.. apply_p99_ms=.. cpu_ms_per_session_minute=.. ratings=.."
 * SharedStoreLoad report URL
 *   prints "commit_p50_ms=.. commit_p99_ms=.. ratings=.." : from each rating's moment to its
 *   commit in the database (the server needs track_commit_timestamp = on)
 * </pre>
 */
public final class SharedStoreLoad {
  private SharedStoreLoad() {}

  public static void main(String[] args) throws Exception {
    java.util.logging.LogManager.getLogManager().reset();
    if (args[0].equals("report")) {
      report(args[1]);
      return;
    }
    String url = args[1];
    int sessions = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    long every = Long.parseLong(args[5]);
    List<Long> applyNanos = Collections.synchronizedList(new ArrayList<>());
    try (PostgresHistoryStore store = PostgresHistoryStore.open(PostgresUrl.parse(url, Map.of()),
        Map.of(), Path.of(args[2]))) {
      ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
      List<SessionRecorder> recorders = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        recorders.add(store.begin("load-" + ProcessHandle.current().pid() + "-" + i,
            "sciatica", "bench", Map.of("glide", 0)));
      }
      var os = (com.sun.management.OperatingSystemMXBean)
          ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < sessions; i++) {
        SessionRecorder r = recorders.get(i);
        int[] set = {0};
        // spread over the period, as sessions started at different moments are
        timer.scheduleAtFixedRate(() -> {
          set[0]++;
          long a = System.nanoTime();
          try {
            r.apply(new Effect.RecordRating(new Rating(Rating.Kind.SET, "glide", 0, "slider",
                set[0], 0, "", set[0] % 4, null)));
          } catch (StoreException e) {
            throw new IllegalStateException(e);
          }
          applyNanos.add(System.nanoTime() - a);
        }, every * i / sessions, every, TimeUnit.MILLISECONDS);
      }
      Thread.sleep(seconds * 1000L);
      timer.shutdown();
      timer.awaitTermination(10, TimeUnit.SECONDS);
      long cpu = os.getProcessCpuTime() - cpu0;
      double minutes = (System.nanoTime() - t0) / 60e9;
      for (SessionRecorder r : recorders) {
        r.apply(new Effect.SessionEnded(Outcome.COMPLETED));
      }
      List<Long> sorted = new ArrayList<>(applyNanos);
      Collections.sort(sorted);
      System.out.printf("apply_p50_ms=%.2f apply_p99_ms=%.2f cpu_ms_per_session_minute=%.1f"
          + " ratings=%d%n", at(sorted, 0.50) / 1e6, at(sorted, 0.99) / 1e6,
          cpu / 1e6 / minutes / sessions, sorted.size());
    }
  }

  private static long at(List<Long> sorted, double q) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1,
        (int) Math.floor(q * sorted.size())));
  }

  private static void report(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(PostgresUrl.parse(url, Map.of()).jdbcUrl(),
        "postgres", "postgres"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d),"
            + " percentile_cont(0.99) WITHIN GROUP (ORDER BY d), count(*) FROM (SELECT"
            + " extract(epoch FROM pg_xact_commit_timestamp(xmin) - at) * 1000 AS d"
            + " FROM ratings) x")) {
      r.next();
      System.out.printf("commit_p50_ms=%.1f commit_p99_ms=%.1f ratings=%d%n", r.getDouble(1),
          r.getDouble(2), r.getLong(3));
    }
  }
}
