package coach.tui.view;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;

/**
 * Characters known to take exactly one terminal cell and to combine with nothing: printable
 * ASCII, Latin-1 and Latin Extended, common punctuation (dashes, quotes, bullets, ellipsis) and
 * the box-drawing and block elements the views draw with. Everything else goes through
 * Lanterna's own width and grapheme handling.
 */
public final class Cells {
  private static final int CACHED = 0x2600;
  /** Looks of drawn text, as bits. */
  static final int BOLD = 1;
  static final int REVERSE = 2;
  /** The accent colours (white on blue) instead of reverse video. */
  static final int ACCENT = 4;
  /** Shared, immutable characters per look; filled as they are first drawn. */
  private static final TextCharacter[][] LOOKS = new TextCharacter[8][CACHED];

  private Cells() {}

  /**
   * A character known to take one cell: Lanterna's checks for width, emoji and grapheme
   * clusters (run for every cell set into a screen buffer) have nothing to find.
   */
  static final class Narrow extends TextCharacter {
    Narrow(char c, TextColor fg, TextColor bg, java.util.EnumSet<SGR> modifiers) {
      super(c, fg, bg, modifiers);
    }

    @Override
    public boolean isDoubleWidth() {
      return false;
    }
  }

  /** The shared cell for a narrow character in a look (bits above). */
  static TextCharacter cell(char c, int look) {
    if (c >= CACHED) {
      return make(c, look);
    }
    TextCharacter t = LOOKS[look][c];
    if (t == null) {
      t = make(c, look);
      LOOKS[look][c] = t; // a race only makes an equal object twice
    }
    return t;
  }

  private static TextCharacter make(char c, int look) {
    java.util.EnumSet<SGR> m = java.util.EnumSet.noneOf(SGR.class);
    if ((look & BOLD) != 0) {
      m.add(SGR.BOLD);
    }
    if ((look & REVERSE) != 0) {
      m.add(SGR.REVERSE);
    }
    boolean accent = (look & ACCENT) != 0;
    return new Narrow(c, accent ? TextColor.ANSI.WHITE_BRIGHT : TextColor.ANSI.DEFAULT,
        accent ? TextColor.ANSI.BLUE : TextColor.ANSI.DEFAULT, m);
  }

  public static boolean narrow(char c) {
    return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0x2ff)
        || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e)
        || (c >= 0x2500 && c <= 0x259f);
  }

  public static boolean allNarrow(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!narrow(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
