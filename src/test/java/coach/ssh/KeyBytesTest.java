package coach.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Keys handed over by the channel as they arrive, decoded without a thread waiting: Enter as a
 * remote terminal sends it, characters cut between packets, and every byte given back to the
 * client's window once read.
 */
class KeyBytesTest {
  private final AtomicInteger released = new AtomicInteger();
  private final KeyBytes keys = new KeyBytes(released::addAndGet);
  private final ChannelTerminal terminal = new ChannelTerminal(keys, new ByteArrayOutputStream(),
      80, 24);

  private void send(byte... bytes) {
    keys.append(bytes, 0, bytes.length);
  }

  private void send(String s) {
    send(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keysAreReadAsTheyArriveAndNothingWaitsWhenNoneAre() throws Exception {
    assertNull(terminal.pollInput());
    send("ab\r");
    assertEquals(new KeyStroke('a', false, false), terminal.pollInput());
    assertEquals(new KeyStroke('b', false, false), terminal.pollInput());
    assertEquals(KeyType.Enter, terminal.pollInput().getKeyType());
    assertNull(terminal.pollInput());
    send("\n"); // the LF of a CR LF: Enter once
    assertNull(terminal.pollInput());
    send("\r\n");
    assertEquals(KeyType.Enter, terminal.pollInput().getKeyType());
    assertNull(terminal.pollInput());
    assertEquals(6, released.get(), "every byte read or dropped widens the window again");
  }

  @Test
  void aCharacterCutBetweenPacketsWaitsForItsRest() throws Exception {
    byte[] e = "\u00e9".getBytes(StandardCharsets.UTF_8);
    send(e[0]);
    assertNull(terminal.pollInput());
    send(e[1]);
    assertEquals(new KeyStroke('\u00e9', false, false), terminal.pollInput());
    send("\u001b[A"); // an arrow in one packet
    assertEquals(KeyType.ArrowUp, terminal.pollInput().getKeyType());
    assertNull(terminal.pollInput());
  }

  @Test
  void afterTheEndWhatWasSentIsStillRead() throws Exception {
    send("q");
    keys.close0();
    assertEquals(new KeyStroke('q', false, false), terminal.pollInput());
    send("x");
    assertNull(terminal.pollInput(), "nothing is taken after the end");
    assertEquals(2, released.get());
  }
}
