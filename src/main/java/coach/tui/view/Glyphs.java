package coach.tui.view;

import coach.tui.words.Messages;

/** The separators and arrows between words, in box-drawing or plain ASCII form. */
public final class Glyphs {
  private Glyphs() {}

  /** Between the parts of a header, a footer or a hint. */
  public static String sep(boolean ascii) {
    return ascii ? " | " : " \u00b7 ";
  }

  /** The up and down arrow keys, as the footer names them. */
  public static String arrows(boolean ascii, Messages words) {
    return ascii ? words.get("keys.upDown") : "\u2191\u2193";
  }

  /** The left and right arrow keys, as the footer and hints name them. */
  public static String leftRight(boolean ascii, Messages words) {
    return ascii ? words.get("keys.leftRight") : "\u2190\u2192";
  }

  /** The up and down arrow keys, as the help lists them. */
  static String arrowKeys(boolean ascii, Messages words) {
    return ascii ? words.get("keys.upDown") : "\u2191 \u2193";
  }
}
