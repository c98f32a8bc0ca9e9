package coach.tui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import coach.session.Event;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The local terminal's raw output, built as {@link LocalTerminal} builds it but over byte
 * streams: the window size comes from the cursor-position answers a terminal would send (its
 * {@code stty} run finds no terminal on the test's input and changes nothing).
 */
@Timeout(30)
class LocalTerminalOutputTest {
  @Test
  void bytesWrittenAreExactlyTheCharactersDrawn() throws Exception {
    byte[] answers = "\u001b[24;80R".repeat(4).getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickUnixTerminal terminal = new QuickUnixTerminal(new ByteArrayInputStream(answers),
        new LocalTerminal.FlushOnQuery(bytes), StandardCharsets.UTF_8);
    try {
      SessionLoop loop = new SessionLoop(terminal, RawOutput.app(), new ManualClock().withoutWakes(),
          true, fx -> { }, 20, 10).withoutKeyboard();
      Thread t = new Thread(() -> {
        try {
          loop.run();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "local-output-loop");
      t.start();
      while (!loop.running() && t.isAlive()) {
        Thread.onSpinWait();
      }
      loop.post(new Event.Tick());
      loop.awaitIdle(10_000);
      loop.post(new Event.Interrupt("test over"));
      t.join(10_000);
    } finally {
      terminal.close();
    }
    // the first frame (a delta against the blank screen); the second tick changes nothing
    RawOutput.assertFrames(bytes.toByteArray(), 1);
  }

  @Test
  void oneCharacterAtATimeIsItsUtf8AndNothingMore() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickUnixTerminal terminal = new QuickUnixTerminal(new ByteArrayInputStream(new byte[0]),
        bytes, StandardCharsets.UTF_8);
    byte[] written;
    try {
      terminal.putCharacter('\u00b7');
      terminal.putCharacter('\u00e9');
      terminal.putCharacter('\u2588');
      terminal.putCharacter('a');
      terminal.flush();
      written = bytes.toByteArray();
    } finally {
      terminal.close();
    }
    assertArrayEquals("\u00b7\u00e9\u2588a".getBytes(StandardCharsets.UTF_8), written);
  }
}
