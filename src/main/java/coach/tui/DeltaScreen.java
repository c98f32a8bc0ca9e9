package coach.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalRectangle;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.screen.ScreenBuffer;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;

/**
 * Lanterna's screen with a cheaper delta refresh, the one every countdown second uses: cells are
 * compared in place (no sorted map of changes), the double-width lookup in Java's Unicode tables
 * is skipped for characters known to take one cell ({@link coach.tui.view.Cells}), and the cursor, hidden once, is
 * not hidden again on every frame. What reaches the terminal is otherwise what Lanterna writes:
 * colours and attributes reset at the start of each frame, then only the cells that changed.
 * Full refreshes (start, resize) are Lanterna's own. A frame that changed only on a few areas (a
 * countdown's digits) is compared on their rows alone ({@link #refresh(List)}).
 */
final class DeltaScreen extends TerminalScreen {
  private boolean cursorHidden;
  /** One row of blank cells, copied over rows to clear them. */
  private BasicTextImage blankRow;

  DeltaScreen(Terminal terminal) throws IOException {
    super(terminal);
  }

  @Override
  public synchronized void refresh(RefreshType type) throws IOException {
    if (type != RefreshType.DELTA || getCursorPosition() != null) {
      super.refresh(type);
      cursorHidden = getCursorPosition() == null;
      return;
    }
    java.util.BitSet all = new java.util.BitSet();
    all.set(0, getTerminalSize().getRows());
    refreshRows(all);
  }

  /** Puts back the blank cells of a cleared screen on these areas of the frame being drawn. */
  synchronized void clear(List<TerminalRectangle> areas) {
    TerminalSize size = getTerminalSize();
    if (blankRow == null || blankRow.getSize().getColumns() != size.getColumns()) {
      blankRow = new BasicTextImage(new TerminalSize(size.getColumns(), 1),
          TextCharacter.DEFAULT_CHARACTER);
    }
    for (TerminalRectangle a : areas) {
      int from = Math.max(0, a.x);
      int columns = Math.min(size.getColumns(), a.xAndWidth) - from;
      for (int y = Math.max(0, a.y); y < Math.min(size.getRows(), a.yAndHeight); y++) {
        getBackBuffer().copyFrom(blankRow, 0, 1, 0, columns, y, from);
      }
    }
  }

  /**
   * A delta refresh that looks only at the rows of these areas: the caller knows the others are
   * as the last refresh left them.
   */
  synchronized void refresh(List<TerminalRectangle> areas) throws IOException {
    java.util.BitSet rows = new java.util.BitSet();
    for (TerminalRectangle a : areas) {
      rows.set(Math.max(0, a.y), Math.max(0, a.yAndHeight));
    }
    refreshRows(rows);
  }

  /** A delta refresh of these rows (with a cursor shown, Lanterna's own of the whole screen). */
  private void refreshRows(java.util.BitSet rows) throws IOException {
    if (getCursorPosition() != null) {
      super.refresh(RefreshType.DELTA);
      cursorHidden = false;
      return;
    }
    Terminal t = getTerminal();
    TerminalSize size = getTerminalSize();
    ScreenBuffer back = getBackBuffer();
    ScreenBuffer front = getFrontBuffer();
    boolean any = false;
    int atRow = -1;
    int atCol = -1;
    TextColor fg = TextColor.ANSI.DEFAULT;
    TextColor bg = TextColor.ANSI.DEFAULT;
    EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
    for (int y = rows.nextSetBit(0); y >= 0 && y < size.getRows(); y = rows.nextSetBit(y + 1)) {
      for (int x = 0; x < size.getColumns(); x++) {
        TextCharacter c = back.getCharacterAt(x, y);
        TextCharacter was = front.getCharacterAt(x, y);
        if (c == was) { // drawn cells are shared objects: mostly the same one
          continue; // (the right half of a wide one left as it was is as it was too)
        }
        boolean wide = wide(c);
        if (!c.equals(was)) {
          if (!any) {
            any = true;
            t.resetColorAndSGR();
          }
          if (atRow != y || atCol != x) {
            t.setCursorPosition(x, y);
          }
          if (!fg.equals(c.getForegroundColor())) {
            fg = c.getForegroundColor();
            t.setForegroundColor(fg);
          }
          if (!bg.equals(c.getBackgroundColor())) {
            bg = c.getBackgroundColor();
            t.setBackgroundColor(bg);
          }
          EnumSet<SGR> want = c.getModifiers();
          if (!sgr.equals(want)) {
            for (SGR s : SGR.values()) {
              if (sgr.contains(s) && !want.contains(s)) {
                t.disableSGR(s);
              } else if (!sgr.contains(s) && want.contains(s)) {
                t.enableSGR(s);
              }
            }
            sgr = EnumSet.copyOf(want);
          }
          t.putString(c.getCharacterString());
          atRow = y;
          atCol = x + (wide ? 2 : 1);
        }
        if (wide) {
          x++; // its right half
        }
      }
      back.copyTo(front, y, 1, 0, size.getColumns(), y, 0);
    }
    if (!cursorHidden) {
      t.setCursorVisible(false);
      cursorHidden = true;
      any = true;
    }
    if (any) {
      t.flush();
    }
  }

  private static boolean wide(TextCharacter c) {
    return !coach.tui.view.Cells.narrow(c.getCharacter()) && c.isDoubleWidth();
  }
}
