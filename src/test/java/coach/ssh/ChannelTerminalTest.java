package coach.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Event;
import coach.tui.RawOutput;
import coach.tui.SessionLoop;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SSH channel's terminal over byte streams: what the client receives. */
@Timeout(30)
class ChannelTerminalTest {
  @Test
  void bytesWrittenAreExactlyTheCharactersDrawn() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ChannelTerminal terminal = new ChannelTerminal(new ByteArrayInputStream(new byte[0]), bytes,
        80, 24);
    SessionLoop loop = new SessionLoop(terminal, RawOutput.app(), new coach.tui.ManualClock().withoutWakes(), true,
        fx -> { }, 20, 10).withoutKeyboard();
    Thread t = new Thread(() -> {
      try {
        loop.run();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "channel-output-loop");
    t.start();
    while (!loop.running() && t.isAlive()) {
      Thread.onSpinWait();
    }
    loop.post(new Event.Tick());
    loop.awaitIdle(10_000);
    byte[] delta = bytes.toByteArray();
    // a window change redraws everything: Lanterna's full refresh rather than the delta one
    terminal.resize(100, 30);
    loop.awaitIdle(10_000);
    byte[] all = bytes.toByteArray();
    loop.post(new Event.Interrupt("test over"));
    t.join(10_000);
    RawOutput.assertFrames(delta, 1);
    RawOutput.assertFrames(Arrays.copyOfRange(all, delta.length, all.length), 1);
  }

  /**
   * The size reported is the screen a session may have: a window past the largest drawn gets a
   * small stand-in, as does one the server's allowance of cells has no room for; cells held go
   * back when the session ends.
   */
  @Test
  void aWindowTooLargeOrWithoutRoomGetsASmallStandIn() {
    CellBudget budget = new CellBudget(2 * (500 * 200 - CellBudget.FREE));
    ChannelTerminal huge = new ChannelTerminal(new KeyBytes(n -> { }),
        new ByteArrayOutputStream(), 30000, 30000, budget);
    assertTrue(huge.windowTooLarge());
    assertTrue(huge.findTerminalSize().getColumns() * huge.findTerminalSize().getRows() <= 240);
    ChannelTerminal a = new ChannelTerminal(new KeyBytes(n -> { }), new ByteArrayOutputStream(),
        500, 200, budget);
    ChannelTerminal b = new ChannelTerminal(new KeyBytes(n -> { }), new ByteArrayOutputStream(),
        80, 24, budget);
    assertEquals(new com.googlecode.lanterna.TerminalSize(500, 200), a.findTerminalSize());
    b.resize(500, 200);
    assertFalse(b.windowTooLarge());
    ChannelTerminal c = new ChannelTerminal(new KeyBytes(n -> { }), new ByteArrayOutputStream(),
        400, 150, budget);
    assertTrue(c.windowTooLarge(), "no room left for a third large window");
    ChannelTerminal d = new ChannelTerminal(new KeyBytes(n -> { }), new ByteArrayOutputStream(),
        200, 60, budget);
    assertFalse(d.windowTooLarge(), "an ordinary window always has room");
    a.release();
    c.resize(400, 150);
    assertFalse(c.windowTooLarge(), "room again once a session ended");
    huge.resize(100, 30);
    assertFalse(huge.windowTooLarge());
    assertEquals(new com.googlecode.lanterna.TerminalSize(100, 30), huge.findTerminalSize());
  }

  @Test
  void oneCharacterAtATimeIsItsUtf8AndNothingMore() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ChannelTerminal terminal = new ChannelTerminal(new ByteArrayInputStream(new byte[0]), bytes,
        80, 24);
    terminal.putCharacter('\u00b7');
    terminal.putCharacter('\u00e9');
    terminal.putCharacter('\u2588');
    terminal.putCharacter('a');
    terminal.flush();
    assertArrayEquals("\u00b7\u00e9\u2588a".getBytes(StandardCharsets.UTF_8),
        bytes.toByteArray());
  }
}
