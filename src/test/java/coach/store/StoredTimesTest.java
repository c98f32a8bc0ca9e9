package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** A stored time is read without a formatter exactly as {@link Instant#parse} reads it. */
class StoredTimesTest {
  @Property(tries = 2000)
  void everyTimeAsWrittenReadsBackTheSame(
      @ForAll @LongRange(min = 0, max = 253402300799L) long seconds,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
      @ForAll @IntRange(min = 0, max = 3) int precision) {
    int n = precision == 0 ? 0 : precision == 1 ? nanos / 1_000_000 * 1_000_000
        : precision == 2 ? nanos / 1000 * 1000 : nanos;
    Instant t = Instant.ofEpochSecond(seconds, n);
    assertEquals(t, SqliteDb.utc(t.toString()), t.toString());
  }

  @Test
  void whatIsNotOneIsLeftToTheFormatter() {
    for (String s : new String[] {"2026-11-26 09:30:00Z", "2026-02-31T09:30:00Z",
        "2026-11-26T09:30:00", "2026-11-26T24:00:00Z", "+12026-11-26T09:30:00Z",
        "2026-11-26T09:30:00.Z", "2026-11-26T09:30:00.1234567890Z", "2026-1x-26T09:30:00Z",
        "2026-11-26T23:59:60Z", ""}) {
      assertNull(SqliteDb.utc(s), s);
    }
    assertEquals(Instant.parse("2026-11-26T09:30:00.5Z"), SqliteDb.utc("2026-11-26T09:30:00.5Z"));
  }
}
