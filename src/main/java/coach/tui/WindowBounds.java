package coach.tui;

import com.googlecode.lanterna.TerminalSize;

/**
 * The largest window a session draws. A screen keeps two buffers of a cell reference each per
 * character of the window, so a window of 1000x1000 would cost 8 MB, and a client chooses its
 * window's size: a few such windows exhausted the server's memory for everyone. A window larger
 * than {@value #MAX_COLUMNS}x{@value #MAX_ROWS} gets a small stand-in screen, only large enough to
 * ask for a smaller window, and no buffer of its size is ever made. The same holds for a local
 * terminal ({@code stty cols 30000 rows 30000}).
 */
public final class WindowBounds {
  public static final int MAX_COLUMNS = 500;
  public static final int MAX_ROWS = 200;
  /** The stand-in screen's size at most: room for the request to make the window smaller. */
  static final int STAND_IN_COLUMNS = 80;
  static final int STAND_IN_ROWS = 3;

  private WindowBounds() {}

  /**
   * A terminal that reports a stand-in size for a window it will not draw; the loop then asks
   * for a smaller window instead of drawing the app.
   */
  public interface Bounded {
    /** Whether the window behind the size last reported is one this terminal will not draw. */
    boolean windowTooLarge();
  }

  /** Whether a window of this size is too large to draw. */
  public static boolean tooLarge(int columns, int rows) {
    return columns > MAX_COLUMNS || rows > MAX_ROWS;
  }

  /** The screen that stands in for a window too large to draw (a few hundred cells at most). */
  public static TerminalSize standIn(int columns, int rows) {
    return new TerminalSize(Math.max(1, Math.min(columns, STAND_IN_COLUMNS)),
        Math.max(1, Math.min(rows, STAND_IN_ROWS)));
  }

  /** The screen for a window: itself when it may be drawn, else the stand-in. */
  public static TerminalSize screenFor(TerminalSize window) {
    return tooLarge(window.getColumns(), window.getRows())
        ? standIn(window.getColumns(), window.getRows()) : window;
  }
}
