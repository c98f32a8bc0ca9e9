package coach.ssh;

import coach.tui.TerminalBytes;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Lanterna terminal over an SSH channel. Its size comes from the client's PTY request and
 * window-change messages, never from a question to the terminal, and there is no stty: the
 * client's own terminal is in raw mode.
 */
final class ChannelTerminal extends ANSITerminal {
  private volatile TerminalSize size;

  ChannelTerminal(InputStream in, OutputStream out, int columns, int rows) {
    this(out, new CarriageReturns(in), columns, rows);
  }

  /** Over the keys the channel hands over as they arrive (read with {@link #pollInput}). */
  ChannelTerminal(KeyBytes keys, OutputStream out, int columns, int rows) {
    this(out, (InputStream) keys, columns, rows);
  }

  private ChannelTerminal(OutputStream out, InputStream in, int columns, int rows) {
    super(in, out, StandardCharsets.UTF_8);
    this.size = new TerminalSize(Math.max(1, columns), Math.max(1, rows));
  }

  @Override
  protected TerminalSize findTerminalSize() {
    return size;
  }

  /** Exactly the character's UTF-8, see {@link TerminalBytes}. */
  @Override
  protected byte[] translateCharacter(char c) {
    return TerminalBytes.utf8(c);
  }

  /**
   * A remote terminal in raw mode sends CR for Enter; a local tty would have turned it into LF
   * (icrnl), which is what Lanterna reads as Enter. CR LF counts once.
   */
  static final class CarriageReturns extends java.io.FilterInputStream {
    private boolean afterCr;

    CarriageReturns(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws java.io.IOException {
      int b = in.read();
      if (afterCr && b == '\n') {
        afterCr = false;
        b = in.read();
      }
      afterCr = b == '\r';
      return b == '\r' ? '\n' : b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws java.io.IOException {
      int n = in.read(buf, off, len);
      int w = off;
      for (int i = off; i < off + Math.max(n, 0); i++) {
        byte b = buf[i];
        if (afterCr && b == '\n') {
          afterCr = false;
          continue;
        }
        afterCr = b == '\r';
        buf[w++] = b == '\r' ? (byte) '\n' : b;
      }
      return n <= 0 ? n : (w - off == 0 ? read(buf, off, len) : w - off);
    }
  }

  /** The client's window changed. */
  void resize(int columns, int rows) {
    size = new TerminalSize(Math.max(1, columns), Math.max(1, rows));
    onResized(size);
  }
}
