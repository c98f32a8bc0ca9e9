package coach.ssh;

import coach.tui.TerminalBytes;
import coach.tui.WindowBounds;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Lanterna terminal over an SSH channel. Its size comes from the client's PTY request and
 * window-change messages, never from a question to the terminal, and there is no stty: the
 * client's own terminal is in raw mode.
 *
 * <p>The size it reports is the screen the session may have: the client's window when it is no
 * larger than {@link WindowBounds} allows and the server's {@link CellBudget} has room for it,
 * else a small stand-in on which the loop asks for a smaller window. So a client never makes the
 * server allocate a screen of the size it chose. {@link #release} gives the cells back.
 */
final class ChannelTerminal extends ANSITerminal implements WindowBounds.Bounded {
  private final CellBudget budget;
  private volatile TerminalSize size;
  private volatile boolean tooLarge;
  /** Cells counted against the budget for the size reported (guarded by this). */
  private long held;

  ChannelTerminal(InputStream in, OutputStream out, int columns, int rows) {
    this(out, new CarriageReturns(in), columns, rows, new CellBudget(CellBudget.SHARED));
  }

  /** Over the keys the channel hands over as they arrive (read with {@link #pollInput}). */
  ChannelTerminal(KeyBytes keys, OutputStream out, int columns, int rows, CellBudget budget) {
    this(out, (InputStream) keys, columns, rows, budget);
  }

  private ChannelTerminal(OutputStream out, InputStream in, int columns, int rows,
      CellBudget budget) {
    super(in, out, StandardCharsets.UTF_8);
    this.budget = budget;
    this.size = fit(columns, rows);
  }

  @Override
  protected TerminalSize findTerminalSize() {
    return size;
  }

  @Override
  public boolean windowTooLarge() {
    return tooLarge;
  }

  /** The screen for the client's window, counted against the budget (see the class). */
  private synchronized TerminalSize fit(int columns, int rows) {
    int c = Math.max(1, columns);
    int r = Math.max(1, rows);
    boolean large = WindowBounds.tooLarge(c, r);
    TerminalSize screen = large ? WindowBounds.standIn(c, r) : new TerminalSize(c, r);
    long cells = (long) screen.getColumns() * screen.getRows();
    if (!budget.resize(held, cells)) {
      large = true; // no room on this server for a window this large now
      screen = WindowBounds.standIn(c, r);
      cells = (long) screen.getColumns() * screen.getRows();
      budget.resize(held, cells); // within what every session may have
    }
    held = cells;
    tooLarge = large;
    return screen;
  }

  /** The session is over: its cells go back to the server's budget. */
  synchronized void release() {
    budget.resize(held, 0);
    held = 0;
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
    TerminalSize screen;
    synchronized (this) {
      screen = fit(columns, rows);
      size = screen;
    }
    onResized(screen);
  }
}
