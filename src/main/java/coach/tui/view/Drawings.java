package coach.tui.view;

import coach.routine.Phase;
import java.util.List;

/**
 * A phase's line drawing beside the text of a screen: drawn whole at the right edge when the
 * window leaves the text its room, or not at all (a drawing cut at the edge would mislead).
 */
final class Drawings {
  /** The text beside a drawing keeps at least this many columns. */
  static final int MIN_TEXT_COLUMNS = 44;
  /** Columns between the text and the drawing. */
  private static final int GAP = 3;

  private Drawings() {}

  /**
   * The column where the phase's drawing goes when it fits whole from {@code row} down to the
   * footer, or -1 (no drawing, or no room for it).
   */
  static int column(Canvas c, Phase p, int row) {
    if (p.drawing().isEmpty()) {
      return -1;
    }
    int width = p.drawingWidth();
    int textColumns = c.width() - 4 - width - GAP;
    boolean tall = row + p.drawing().size() <= c.height() - 2;
    return textColumns >= MIN_TEXT_COLUMNS && tall ? c.width() - 2 - width : -1;
  }

  /** The text's width beside a drawing at {@code column} (the full width without one). */
  static int textWidth(Canvas c, int column) {
    return column < 0 ? c.width() - 4 : column - GAP - 2;
  }

  /** Draws the phase's drawing from {@code row} at {@code column} (from {@link #column}). */
  static void draw(Canvas c, Phase p, int column, int row) {
    if (column < 0) {
      return;
    }
    List<String> lines = p.drawing();
    for (int i = 0; i < lines.size(); i++) {
      c.text(column, row + i, c.style().ascii() ? ascii(lines.get(i)) : lines.get(i));
    }
  }

  /** Box-drawing characters as their nearest ASCII (--ascii, or a non-UTF-8 locale). */
  static String ascii(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch < 0x2500 || ch > 0x257f) {
        sb.append(ch);
      } else if (ch == 0x2571) {
        sb.append('/');
      } else if (ch == 0x2572) {
        sb.append('\\');
      } else if (ch == 0x2573) {
        sb.append('X');
      } else if (horizontal(ch)) {
        sb.append('-');
      } else if (vertical(ch)) {
        sb.append('|');
      } else {
        sb.append('+');
      }
    }
    return sb.toString();
  }

  private static boolean horizontal(char ch) {
    return ch == 0x2500 || ch == 0x2501 || ch == 0x2504 || ch == 0x2505 || ch == 0x2508
        || ch == 0x2509 || ch == 0x254c || ch == 0x254d || ch == 0x2550 || ch == 0x2574
        || ch == 0x2576 || ch == 0x2578 || ch == 0x257a || ch == 0x257c || ch == 0x257e;
  }

  private static boolean vertical(char ch) {
    return ch == 0x2502 || ch == 0x2503 || ch == 0x2506 || ch == 0x2507 || ch == 0x250a
        || ch == 0x250b || ch == 0x254e || ch == 0x254f || ch == 0x2551 || ch == 0x2575
        || ch == 0x2577 || ch == 0x2579 || ch == 0x257b || ch == 0x257d || ch == 0x257f;
  }
}
