package coach.tui;

import coach.tui.view.Canvas;
import coach.tui.words.Messages;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;

/**
 * What the loop draws of its own, over or instead of the app's frame: a request for a larger or
 * smaller window, and the line saying the history is kept on this computer for now.
 */
final class LoopNotices {
  private LoopNotices() {}

  /** Right-aligned above the keys: the history is kept here until the database is back. */
  static void keptLocallyLine(TextGraphics g, TerminalSize size, Messages m) {
    String text = m.get("history.keptLocally");
    if (text.length() + 2 > size.getColumns()) {
      text = m.get("history.keptLocally.short");
    }
    String shown = Canvas.fit(" " + text + " ", size.getColumns());
    g.putString(Math.max(0, size.getColumns() - shown.length()), size.getRows() - 2, shown,
        SGR.REVERSE);
  }

  /** Asks for a larger window in as many words as fit, down to 1x1. */
  static void tooSmall(TextGraphics g, TerminalSize size, Messages m) {
    ask(g, size, new String[] {m.get("tooSmall.long"), m.get("tooSmall.short"),
      m.get("tooSmall.word"), "+"});
  }

  /** Asks for a smaller window, on the stand-in screen of one too large to draw. */
  static void tooLarge(TextGraphics g, TerminalSize size, Messages m) {
    ask(g, size, new String[] {m.get("tooLarge.long"), m.get("tooLarge.short"),
      m.get("tooLarge.word"), "-"});
  }

  /** The first of these that fits, in the middle of the screen. */
  private static void ask(TextGraphics g, TerminalSize size, String[] tries) {
    int w = size.getColumns();
    int h = size.getRows();
    for (String t : tries) {
      if (t.length() <= w) {
        g.putString(Math.max(0, (w - t.length()) / 2), Math.max(0, h / 2), t);
        return;
      }
    }
  }
}
