package coach.tui;

import com.googlecode.lanterna.TerminalRectangle;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The loop's screen and its frames: taking the screen over and leaving it, drawing the app's
 * frame whole or only its ticking areas, what the loop draws over it (the history's keeping, a
 * confirmed answer not saved yet) and the window that is too small or too large to draw on.
 * Used on the loop's one thread at a time, as the loop is.
 */
final class LoopFrames {
  private final SessionLoop loop;
  private final UnsavedEffects unsaved;
  private final Terminal terminal;
  private final App app;
  /** The window is too small below this; a message asks for a larger one. */
  private final int minColumns;
  private final int minRows;
  private BooleanSupplier keptLocally;
  private boolean shownKeptLocally;
  private Screen screen;
  private Screen started;
  /** Whether the window showed the app at the last frame (else it asked for another size). */
  private boolean shown = true;
  /** The screen holds a whole frame of the app, nothing drawn over it that may go away. */
  private boolean wholeFrameShown;
  /** Frames drawn by their ticking areas alone (for tests). */
  private long partialFrames;

  LoopFrames(SessionLoop loop, UnsavedEffects unsaved, Terminal terminal, App app,
      int minColumns, int minRows) {
    this.loop = loop;
    this.unsaved = unsaved;
    this.terminal = terminal;
    this.app = app;
    this.minColumns = minColumns;
    this.minRows = minRows;
  }

  /** Shows the history's keeping whenever the supplier says it is kept on this computer. */
  void showKeptLocally(BooleanSupplier supplier) {
    this.keptLocally = supplier;
  }

  /** Whether the history's keeping is looked at (about every second). */
  boolean watchesKeeping() {
    return keptLocally != null;
  }

  /** Goes on with a screen {@link SessionLoop#drawOnce} started, instead of starting one. */
  void continueOn(Screen startedScreen) {
    this.started = startedScreen;
  }

  Screen screen() {
    return screen;
  }

  long partialFrames() {
    return partialFrames;
  }

  /**
   * Takes over the screen (private mode, no cursor), or goes on with the one {@link
   * SessionLoop#drawOnce} started: a frame is on it already, so the first refresh sends only what
   * differs.
   */
  void open() throws IOException {
    if (started != null) {
      screen = started;
    } else {
      screen = new DeltaScreen(terminal);
      screen.startScreen();
    }
    try {
      screen.setCursorPosition(null);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Leaves the screen, when there is one; a terminal that is gone needs nothing more. */
  void close() {
    if (screen == null) {
      return;
    }
    try {
      screen.stopScreen();
    } catch (IOException | RuntimeException ignored) {
      // the terminal may be gone (a dropped link); nothing more to restore on it
    }
  }

  /** Redraws when the history's keeping changed since the last frame. */
  void statusChanged() throws IOException {
    if (keptLocally.getAsBoolean() != shownKeptLocally) {
      render();
    }
  }

  void render() throws IOException {
    TerminalSize resized = screen.doResizeIfNecessary();
    TerminalSize size = resized == null ? screen.getTerminalSize() : resized;
    if (resized == null && wholeFrameShown && renderTicking(size)) {
      return;
    }
    boolean fits = !windowTooLarge(size)
        && size.getColumns() >= minColumns && size.getRows() >= minRows;
    if (fits != shown) {
      // the app holds its timers while it cannot be seen, and runs them on when it is again
      shown = fits;
      loop.windowShown(fits);
    }
    screen.clear();
    TextGraphics g = screen.newTextGraphics();
    wholeFrameShown = false;
    if (windowTooLarge(size)) {
      LoopNotices.tooLarge(g, size, app.words());
    } else if (size.getColumns() < minColumns || size.getRows() < minRows) {
      LoopNotices.tooSmall(g, size, app.words());
    } else {
      app.draw(g, size);
      shownKeptLocally = keptLocally != null && keptLocally.getAsBoolean();
      if (shownKeptLocally) {
        LoopNotices.keptLocallyLine(g, size, app.words());
      }
      if (!unsaved.isEmpty()) {
        NotSaved.draw(g, size, app.words(), unsaved.problem());
      } else {
        wholeFrameShown = true;
      }
    }
    // after a resize the terminal's old content is unknown: redraw everything once
    screen.refresh(resized == null ? Screen.RefreshType.DELTA : Screen.RefreshType.COMPLETE);
  }

  /**
   * Draws only the areas that changed with the clock alone (a countdown's digits and bar), on the
   * whole frame shown last, when nothing else on it can have changed: the app says its state is
   * the same, and what the loop itself draws over it (the history's keeping) is unchanged and
   * on other rows. Returns false when the whole frame must be drawn.
   */
  private boolean renderTicking(TerminalSize size) throws IOException {
    List<TerminalRectangle> areas = app.tickingAreas(size);
    if (areas == null || !(screen instanceof DeltaScreen delta)) {
      return false;
    }
    boolean kept = keptLocally != null && keptLocally.getAsBoolean();
    if (kept != shownKeptLocally) {
      return false;
    }
    for (TerminalRectangle a : areas) {
      if (kept && a.y <= size.getRows() - 2 && size.getRows() - 2 < a.yAndHeight) {
        return false;
      }
    }
    delta.clear(areas);
    app.drawTicking(screen.newTextGraphics(), size);
    partialFrames++;
    delta.refresh(areas);
    return true;
  }

  /**
   * Whether the window is one the terminal does not draw (see {@link WindowBounds}): its screen
   * is a small stand-in; a terminal that does not bound its size is judged by the size itself.
   */
  private boolean windowTooLarge(TerminalSize size) {
    return (terminal instanceof WindowBounds.Bounded b && b.windowTooLarge())
        || WindowBounds.tooLarge(size.getColumns(), size.getRows());
  }
}
