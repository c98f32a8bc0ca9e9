package coach.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
    SessionLoop loop = new SessionLoop(terminal, RawOutput.app(), at -> Long.MAX_VALUE / 4, true,
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
