package coach.ssh;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * How the server is doing, for its log: open sessions, and how late the sessions' timer ticks
 * were handled (0.1 ms steps up to 1 s). One instance per server; reset at each report.
 */
final class ServerStats {
  private static final int STEPS = 10_000; // 0.1 ms each
  private final long[] late = new long[STEPS + 1];
  private long count;
  private long max;

  synchronized void tick(long latenessNanos) {
    long n = Math.max(0, latenessNanos);
    int step = (int) Math.min(STEPS, n / 100_000);
    late[step]++;
    count++;
    max = Math.max(max, n);
  }

  /** One log line about the ticks since the last report; starts counting afresh. */
  synchronized String report(int sessions) {
    String line = String.format(java.util.Locale.ROOT,
        "load: %d sessions; %d timer ticks, delay p50 %.1f ms, p99 %.1f ms, max %.1f ms;"
            + " process CPU %d ms; heap %d MB",
        sessions, count, percentile(0.50), percentile(0.99), max / 1e6, cpuMillis(),
        heapMb());
    java.util.Arrays.fill(late, 0);
    count = 0;
    max = 0;
    return line;
  }

  /** The upper edge of the step holding the given share of ticks, in milliseconds. */
  synchronized double percentile(double share) {
    if (count == 0) {
      return 0;
    }
    long want = (long) Math.ceil(share * count);
    long seen = 0;
    for (int i = 0; i <= STEPS; i++) {
      seen += late[i];
      if (seen >= want) {
        return (i + 1) / 10.0;
      }
    }
    return STEPS / 10.0;
  }

  private static long cpuMillis() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1_000_000;
    }
    return -1;
  }

  private static long heapMb() {
    MemoryMXBean m = ManagementFactory.getMemoryMXBean();
    return m.getHeapMemoryUsage().getUsed() >> 20;
  }
}
