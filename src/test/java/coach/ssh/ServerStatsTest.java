package coach.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerStatsTest {
  @Test
  void percentilesOfTickDelayInTenthsOfAMillisecond() {
    ServerStats s = new ServerStats();
    for (int i = 0; i < 98; i++) {
      s.tick(250_000); // 0.25 ms
    }
    s.tick(12_000_000); // 12 ms
    s.tick(3_000_000_000L); // 3 s: counted in the last step, and as the max
    assertEquals(0.3, s.percentile(0.50), 1e-9);
    assertEquals(12.1, s.percentile(0.99), 1e-9);
    String line = s.report(7);
    assertTrue(line.startsWith("load: 7 sessions; 100 timer ticks, delay p50 0.3 ms, p99 12.1 ms,"
        + " max 3000.0 ms;"), line);
    assertTrue(s.report(7).contains("0 timer ticks, delay p50 0.0 ms"), "each report starts afresh");
  }
}
