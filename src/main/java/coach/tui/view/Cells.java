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
  /** Shared, immutable characters per look; filled as they are first drawn. */
  private static final java.util.Map<Look, TextCharacter[]> LOOKS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Cells() {}

  /** Colours and attributes of drawn text. */
  record Look(TextColor fg, TextColor bg, java.util.Set<SGR> modifiers) {}

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

  /** The shared cell for a narrow character in a look. */
  static TextCharacter cell(char c, Look look) {
    TextCharacter[] cells = LOOKS.computeIfAbsent(look, l -> new TextCharacter[CACHED]);
    if (c >= CACHED) {
      return new Narrow(c, look.fg(), look.bg(), modifiers(look));
    }
    TextCharacter t = cells[c];
    if (t == null) {
      t = new Narrow(c, look.fg(), look.bg(), modifiers(look));
      cells[c] = t; // a race only makes an equal object twice
    }
    return t;
  }

  private static java.util.EnumSet<SGR> modifiers(Look look) {
    java.util.EnumSet<SGR> m = java.util.EnumSet.noneOf(SGR.class);
    m.addAll(look.modifiers());
    return m;
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
