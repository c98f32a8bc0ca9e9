package coach.tui.view;

import java.util.ArrayList;
import java.util.List;

/** Five-row block digits for the countdown. */
final class BlockFont {
  static final int HEIGHT = 5;

  private static final String[] GLYPHS = {
    "###|# #|# #|# #|###", // 0
    " # |## | # | # |###", // 1
    "###|  #|###|#  |###", // 2
    "###|  #|###|  #|###", // 3
    "# #|# #|###|  #|  #", // 4
    "###|#  |###|  #|###", // 5
    "###|#  |###|# #|###", // 6
    "###|  #|  #|  #|  #", // 7
    "###|# #|###|# #|###", // 8
    "###|# #|###|  #|###", // 9
  };
  private static final String COLON = " | # |   | # | ";

  private BlockFont() {}

  static int width(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); i++) {
      w += (i > 0 ? 1 : 0) + charWidth(text.charAt(i));
    }
    return w;
  }

  private static int charWidth(char c) {
    return Character.isDigit(c) || c == ':' ? 6 : 0;
  }

  static List<String> render(String text, boolean ascii) {
    List<StringBuilder> rows = new ArrayList<>();
    for (int r = 0; r < HEIGHT; r++) {
      rows.add(new StringBuilder());
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String glyph = c == ':' ? COLON : Character.isDigit(c) ? GLYPHS[c - '0'] : null;
      if (glyph == null) {
        continue;
      }
      String[] parts = glyph.split("\\|", -1);
      for (int r = 0; r < HEIGHT; r++) {
        StringBuilder sb = rows.get(r);
        if (sb.length() > 0) {
          sb.append(' ');
        }
        for (char p : parts[r].toCharArray()) {
          String cell = p == '#' ? (ascii ? "##" : "\u2588\u2588") : "  ";
          sb.append(cell);
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (StringBuilder sb : rows) {
      out.add(sb.toString());
    }
    return out;
  }
}
