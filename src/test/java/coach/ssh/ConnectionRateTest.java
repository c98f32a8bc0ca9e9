package coach.ssh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectionRateTest {
  @Test
  void nPerMinutePerAddressInASlidingWindow() {
    AtomicLong now = new AtomicLong();
    ConnectionRate rate = new ConnectionRate(3, now::get);
    assertTrue(rate.allow("10.0.0.1"));
    now.addAndGet(20_000_000_000L);
    assertTrue(rate.allow("10.0.0.1"));
    assertTrue(rate.allow("10.0.0.1"));
    assertFalse(rate.allow("10.0.0.1"), "a fourth within the minute");
    assertTrue(rate.allow("10.0.0.2"), "other addresses are not affected");
    now.addAndGet(40_000_000_000L); // the first has left the window
    assertTrue(rate.allow("10.0.0.1"));
    assertFalse(rate.allow("10.0.0.1"));
  }
}
