package coach.tui.view;

import coach.tui.words.Messages;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalRectangle;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;

/**
 * Drawing helpers for the views: every string passes the safe-text filter, nothing is drawn
 * outside the area, and emphasis never relies on colour alone (bold or reverse video go with it).
 */
public final class Canvas {
  private final TextGraphics g;
  private final int width;
  private final int height;
  private final Style style;
  /** Where the ticking parts draw, and the part being drawn now (-1: none). */
  private final List<TerminalRectangle> tickingAreas = new ArrayList<>();
  private final List<Ticking> ticking = new ArrayList<>();
  private int drawing = -1;
  /** The cells drawn outside the ticking parts (row * width + column). */
  private final java.util.BitSet drawnCells = new java.util.BitSet();
  /** A ticking part drew outside its own area. */
  private boolean spilled;
  /** How far down a screen longer than the window is shown, and how far it can go. */
  private int scroll;
  private int scrollMax;
  /** The moment this frame shows, on the session's clock (a countdown is drawn as of it). */
  private long now;

  /** A part of a frame that changes with the clock alone: a countdown's digits, its bar. */
  @FunctionalInterface
  public interface Ticking {
    void draw(Canvas c);
  }

  /**
   * The ticking parts of a frame and the areas they own: while the state stays the same, the next
   * frame is this one with those areas cleared and the parts drawn again.
   */
  public record TickingParts(List<TerminalRectangle> areas, List<Ticking> parts) {
    /** Draws the parts again (on areas already cleared). */
    public void redraw(Canvas c) {
      c.tickingAreas.addAll(areas);
      for (int i = 0; i < parts.size(); i++) {
        c.drawPart(i, parts.get(i));
      }
    }
  }

  public Canvas(TextGraphics g, TerminalSize size, Style style) {
    this.g = g;
    this.width = size.getColumns();
    this.height = size.getRows();
    this.style = style;
  }

  public int width() {
    return width;
  }

  /**
   * Draws the frame as of this moment on the session's clock, in nanoseconds: what a countdown
   * shows. The views read no clock; whoever draws says when.
   */
  public Canvas at(long nanos) {
    this.now = nanos;
    return this;
  }

  /** The moment the frame shows (see {@link #at}). */
  public long now() {
    return now;
  }

  /** Draws a screen longer than the window from this many rows down (see {@link #scrollMax}). */
  public Canvas scrolledTo(int rows) {
    this.scroll = Math.max(0, rows);
    return this;
  }

  int scroll() {
    return scroll;
  }

  /** How many rows down the screen drawn can be shown from (0: it fits the window). */
  public int scrollMax() {
    return scrollMax;
  }

  void scrollMax(int rows) {
    this.scrollMax = Math.max(0, rows);
  }

  public int height() {
    return height;
  }

  public Style style() {
    return style;
  }

  /** The words of the screens, in this terminal's language. */
  public Messages words() {
    return style.words();
  }

  /**
   * Draws a part that changes with the clock alone, on an area of its own ({@code rows} rows from
   * {@code row}, {@code cols} columns from {@code col}), and keeps it so that the next second can
   * redraw only that area.
   */
  public void ticking(int row, int rows, int col, int cols, Ticking part) {
    tickingAreas.add(new TerminalRectangle(col, row, cols, rows));
    ticking.add(part);
    drawPart(ticking.size() - 1, part);
  }

  /** A ticking part that owns whole rows. */
  public void ticking(int row, int rows, Ticking part) {
    ticking(row, rows, 0, width, part);
  }

  private void drawPart(int index, Ticking part) {
    drawing = index;
    try {
      part.draw(this);
    } finally {
      drawing = -1;
    }
  }

  /**
   * The frame's ticking parts, or null when it has none or when they cannot be redrawn alone:
   * something else was drawn on their areas (an overlay, say) or a part drew outside its own.
   */
  public TickingParts tickingParts() {
    if (ticking.isEmpty() || spilled || overlapped()) {
      return null;
    }
    return new TickingParts(List.copyOf(tickingAreas), List.copyOf(ticking));
  }

  /** Notes text drawn on cells [col, col + cols) of a row; a ticking part must keep to its own. */
  private void track(int col, int row, int cols) {
    if (drawing < 0) {
      drawnCells.set(row * width + col, row * width + Math.min(width, col + cols));
      return;
    }
    TerminalRectangle own = tickingAreas.get(drawing);
    spilled |= row < own.y || row >= own.yAndHeight || col < own.x || col + cols > own.xAndWidth;
  }

  /** Whether anything but the ticking parts was drawn on one of their areas. */
  private boolean overlapped() {
    for (TerminalRectangle a : tickingAreas) {
      for (int y = Math.max(0, a.y); y < Math.min(height, a.yAndHeight); y++) {
        int from = y * width + Math.max(0, a.x);
        int next = drawnCells.nextSetBit(from);
        if (next >= 0 && next < y * width + Math.min(width, a.xAndWidth)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Plain text at a position, cut at the right edge. */
  public void text(int col, int row, String s) {
    put(col, row, s, false, false);
  }

  public void bold(int col, int row, String s) {
    put(col, row, s, true, false);
  }

  /** Reverse video (and the accent colour when colour is on): a selection or the header. */
  public void highlight(int col, int row, String s) {
    put(col, row, s, true, true);
  }

  public void centered(int row, String s, boolean bold) {
    String t = fit(clean(s), width);
    int col = Math.max(0, (width - columns(t)) / 2);
    put(col, row, t, bold, false);
  }

  /**
   * Wraps a paragraph into the given width from a row; returns the row after the last line. A
   * paragraph with more lines than it is given rows says so: its last shown line ends in a cut
   * mark, so a cut sentence is never mistaken for a whole one.
   */
  public int paragraph(int col, int row, int maxWidth, int maxRows, String s, boolean bold) {
    List<String> lines = wrap(clean(s), Math.max(1, maxWidth));
    int shown = Math.max(0, Math.min(lines.size(), Math.min(maxRows, height - row)));
    int r = row;
    for (int i = 0; i < shown; i++, r++) {
      String line = lines.get(i);
      if (i == shown - 1 && shown < lines.size()) {
        line = cut(line, Math.max(1, maxWidth));
      }
      put(col, r, line, bold, false);
    }
    return r;
  }

  /** The mark at the end of a paragraph's last shown line when the rest did not fit. */
  public String cutMark() {
    return style.ascii() ? "..." : "\u2026";
  }

  private String cut(String line, int maxWidth) {
    String mark = cutMark();
    String kept = fit(line, Math.max(0, maxWidth - mark.length()));
    return kept.stripTrailing() + mark;
  }

  /** A full-width bar in reverse video with a title left and text right. */
  public void bar(int row, String left, String right) {
    if (row < 0 || row >= height) {
      return;
    }
    String l = " " + clean(left);
    String r = clean(right) + " ";
    int rw = columns(r);
    String line;
    if (columns(l) + rw + 1 <= width) {
      line = padRight(l, width - rw) + r;
    } else {
      line = padRight(fit(l, width), width);
    }
    put(0, row, line, true, true);
  }

  /** A progress bar of the given width; the fraction is also written as text by callers. */
  public void progress(int col, int row, int barWidth, double fraction) {
    if (barWidth < 3) {
      return;
    }
    int inner = barWidth - 2;
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * inner);
    String full = style.ascii() ? "#" : "\u2588";
    String empty = style.ascii() ? "-" : "\u2591";
    String s = "[" + full.repeat(filled) + empty.repeat(inner - filled) + "]";
    put(col, row, s, false, false);
  }

  /** Large block digits (5 rows), centered on the row; returns false when they do not fit. */
  public boolean bigCentered(int row, String digits) {
    int w = BlockFont.width(digits);
    if (w > width || row + BlockFont.HEIGHT > height) {
      return false;
    }
    int col = (width - w) / 2;
    List<String> rows = BlockFont.render(digits, style.ascii());
    for (int i = 0; i < rows.size(); i++) {
      put(col, row + i, rows.get(i), true, false);
    }
    return true;
  }

  private void put(int col, int row, String s, boolean bold, boolean reverse) {
    if (row < 0 || row >= height || col >= width || col < 0) {
      return;
    }
    String whole = clean(s);
    // text that runs past the right edge says so, as a paragraph cut short does
    String t = columns(whole.stripTrailing()) > width - col ? cut(whole, width - col)
        : fit(whole, width - col);
    if (t.isEmpty()) {
      return;
    }
    boolean narrow = Cells.allNarrow(t);
    track(col, row, narrow ? t.length() : TerminalTextUtils.getColumnWidth(t));
    int look = (bold ? Cells.BOLD : 0)
        | (reverse ? (style.color() ? Cells.ACCENT : Cells.REVERSE) : 0);
    if (narrow) {
      // one cell per character, shared cells: none of Lanterna's per-character scans
      for (int i = 0, x = col; i < t.length() && x < width; i++, x++) {
        g.setCharacter(x, row, Cells.cell(t.charAt(i), look));
      }
      return;
    }
    g.clearModifiers();
    if ((look & Cells.ACCENT) != 0) {
      g.setBackgroundColor(TextColor.ANSI.BLUE);
      g.setForegroundColor(TextColor.ANSI.WHITE_BRIGHT);
    } else {
      g.setForegroundColor(TextColor.ANSI.DEFAULT);
      g.setBackgroundColor(TextColor.ANSI.DEFAULT);
    }
    if ((look & Cells.REVERSE) != 0) {
      g.enableModifiers(SGR.REVERSE);
    }
    if (bold) {
      g.enableModifiers(SGR.BOLD);
    }
    g.putString(col, row, t);
    g.clearModifiers();
    g.setForegroundColor(TextColor.ANSI.DEFAULT);
    g.setBackgroundColor(TextColor.ANSI.DEFAULT);
  }

  /** Text from routine files and users, cleaned of control characters and escape sequences. */
  public static String clean(String s) {
    return s == null ? "" : SafeText.clean(s);
  }

  /** Terminal columns a string takes (one per character when all are known to be narrow). */
  static int columns(String s) {
    return Cells.allNarrow(s) ? s.length() : TerminalTextUtils.getColumnWidth(s);
  }

  /** Cuts a string to at most {@code cols} terminal columns. */
  public static String fit(String s, int cols) {
    if (cols <= 0) {
      return "";
    }
    if (columns(s) <= cols) {
      return s;
    }
    return Cells.allNarrow(s) ? s.substring(0, cols) : TerminalTextUtils.fitString(s, cols);
  }

  static String padRight(String s, int cols) {
    int w = columns(s);
    return w >= cols ? s : s + " ".repeat(cols - w);
  }

  /** Runs of white space between words (compiled once: a frame wraps several paragraphs). */
  private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

  /** Greedy word wrap by terminal columns; long words are broken. */
  public static List<String> wrap(String s, int cols) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : BLANKS.split(s.trim())) {
      if (word.isEmpty()) {
        continue;
      }
      while (columns(word) > cols) {
        if (line.length() > 0) {
          out.add(line.toString());
          line.setLength(0);
        }
        String head = fit(word, cols);
        out.add(head);
        word = word.substring(head.length());
      }
      int need = columns(line.toString())
          + (line.length() > 0 ? 1 : 0) + columns(word);
      if (need > cols && line.length() > 0) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    return out;
  }
}
