package coach.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.ScreenBuffer;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.EnumSet;

/**
 * Lanterna's screen with a cheaper delta refresh, the one every countdown second uses: cells are
 * compared in place (no sorted map of changes), the double-width lookup in Java's Unicode tables
 * is skipped for characters known to take one cell ({@link coach.tui.view.Cells}), and the cursor, hidden once, is
 * not hidden again on every frame. What reaches the terminal is otherwise what Lanterna writes:
 * colours and attributes reset at the start of each frame, then only the cells that changed.
 * Full refreshes (start, resize) are Lanterna's own.
 */
final class DeltaScreen extends TerminalScreen {
  private boolean cursorHidden;

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
    for (int y = 0; y < size.getRows(); y++) {
      for (int x = 0; x < size.getColumns(); x++) {
        TextCharacter c = back.getCharacterAt(x, y);
        boolean wide = wide(c);
        TextCharacter was = front.getCharacterAt(x, y);
        if (c != was && !c.equals(was)) { // drawn cells are shared objects: mostly the same one
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
    }
    if (!cursorHidden) {
      t.setCursorVisible(false);
      cursorHidden = true;
      any = true;
    }
    if (any) {
      t.flush();
    }
    back.copyTo(front);
  }

  private static boolean wide(TextCharacter c) {
    return !coach.tui.view.Cells.narrow(c.getCharacter()) && c.isDoubleWidth();
  }
}
