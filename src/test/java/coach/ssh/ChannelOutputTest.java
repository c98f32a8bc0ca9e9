package coach.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A session's output never waits for the client's window: it sends what fits, keeps the rest. */
class ChannelOutputTest {
  private static final long SECOND = 1_000_000_000L;

  /** The channel's stream as MINA's would be used: within the window, and counted against it. */
  private static final class Channel extends ByteArrayOutputStream {
    long window;
    int flushes;

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (len > window) {
        throw new AssertionError("wrote " + len + " bytes into a window of " + window);
      }
      window -= len;
      super.write(b, off, len);
    }

    @Override
    public void flush() {
      flushes++;
    }
  }

  private final Channel channel = new Channel();
  private long now = 5 * SECOND;
  private final ChannelOutput out = new ChannelOutput(channel, () -> channel.window, () -> now);

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void whatTheWindowTakesIsSentAtOnceAndTheRestInOrderAsItOpens() throws IOException {
    channel.window = 1 << 20;
    out.write(bytes("frame one"));
    out.flush();
    assertEquals("frame one", channel.toString(StandardCharsets.UTF_8));
    assertFalse(out.holding());

    channel.window = 4;
    out.write(bytes(" two"));
    out.write(bytes(" three"));
    out.flush(); // returns at once with the window full
    assertEquals("frame one two", channel.toString(StandardCharsets.UTF_8));
    assertTrue(out.holding());
    out.flush();
    assertEquals("frame one two", channel.toString(StandardCharsets.UTF_8), "nothing fits");

    channel.window = 3;
    out.write('!');
    out.flush();
    assertEquals("frame one two th", channel.toString(StandardCharsets.UTF_8));
    channel.window = 100;
    out.flush();
    assertEquals("frame one two three!", channel.toString(StandardCharsets.UTF_8));
    assertFalse(out.holding());
  }

  @Test
  void aClientThatTakesNothingForThirtySecondsIsADroppedLink() throws IOException {
    channel.window = 2;
    out.write(bytes("abcdef"));
    out.flush();
    for (int s = 1; s <= 30; s++) {
      now += SECOND;
      out.write(bytes("."));
      out.flush(); // a countdown's seconds wait too
    }
    now += SECOND / 2;
    channel.window = 1; // a byte taken: it is alive, and its 30 s start again
    out.flush();
    now += 29 * SECOND;
    out.flush();
    now += 2 * SECOND;
    IOException e = assertThrows(IOException.class, out::flush);
    assertTrue(e.getMessage().contains("took nothing for 31 s"), e.getMessage());
    assertEquals("abc", channel.toString(StandardCharsets.UTF_8));
  }

  @Test
  void moreThanMaxHeldWaitingIsADroppedLink() throws IOException {
    channel.window = 0;
    byte[] screen = new byte[ChannelOutput.MAX_HELD / 4];
    for (int i = 0; i < 4; i++) {
      out.write(screen);
      out.flush();
    }
    out.write('x');
    IOException e = assertThrows(IOException.class, out::flush);
    assertTrue(e.getMessage().contains("bytes wait"), e.getMessage());
  }

  @Test
  void aLargeFrameIsSentWholeWhenTheWindowTakesItAndItsRoomIsNotKept() throws IOException {
    channel.window = 1 << 20;
    byte[] big = new byte[300_000];
    java.util.Arrays.fill(big, (byte) 'x');
    out.write(big);
    out.flush();
    assertArrayEquals(big, channel.toByteArray());
    assertFalse(out.holding());
    assertEquals(1, channel.flushes);
  }
}
