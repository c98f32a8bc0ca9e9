package coach.tui.view;

import coach.session.Choice;
import coach.session.SessionState;
import coach.tui.words.Messages;
import java.util.ArrayList;
import java.util.List;

/** The windows over a screen: paused, the keys (help), and "end the session now?". */
final class Overlays {
  private Overlays() {}

  static void overlay(Canvas c, SessionState s, boolean ascii) {
    Messages m = c.words();
    List<String> lines = new ArrayList<>();
    // a switch over every overlay, so a new one does not compile until it has a box
    String title = switch (s.overlay()) {
      case PAUSE -> {
        lines.add(m.get("pause.hint"));
        yield m.get("pause.title");
      }
      case HELP -> {
        lines.addAll(help(m, ascii));
        yield m.get("help.title");
      }
      case QUIT_CONFIRM -> {
        lines.add(m.get("quit.saved"));
        lines.add("");
        String no = m.get("quit.no");
        String yes = m.get("quit.yes");
        lines.add(s.dialog().choice() == Choice.SECOND ? "  " + no + "   [ " + yes + " ]"
            : "[ " + no + " ]   " + yes + "  ");
        yield m.get("quit.title");
      }
      case NONE -> null;
    };
    if (title == null) {
      return;
    }
    int inner = title.length();
    for (String l : lines) {
      inner = Math.max(inner, l.length());
    }
    inner = Math.min(inner, c.width() - 4);
    if (inner < 4 || c.height() < 5) {
      c.highlight(0, 0, title);
      return;
    }
    lines = wrapped(lines, inner, s.overlay() == coach.session.Overlay.HELP ? helpColumn(lines)
        : 0);
    if (lines.size() + 4 > c.height() - 2) {
      // fewer keys than all, or words cut, would mislead: say what would show them
      lines = Canvas.wrap(m.get("help.larger"), inner);
    }
    int boxW = inner + 4;
    int boxH = Math.min(lines.size() + 4, c.height() - 2);
    int col = Math.max(0, (c.width() - boxW) / 2);
    int row = Math.max(1, (c.height() - boxH) / 2);
    String h = ascii ? "-" : "\u2500";
    String v = ascii ? "|" : "\u2502";
    String tl = ascii ? "+" : "\u250c";
    String tr = ascii ? "+" : "\u2510";
    String bl = ascii ? "+" : "\u2514";
    String br = ascii ? "+" : "\u2518";
    c.text(col, row, tl + h.repeat(boxW - 2) + tr);
    for (int i = 1; i < boxH - 1; i++) {
      c.text(col, row + i, v + " ".repeat(boxW - 2) + v);
    }
    c.text(col, row + boxH - 1, bl + h.repeat(boxW - 2) + br);
    c.bold(col + 2, row + 1, Canvas.fit(title, inner));
    for (int i = 0; i < lines.size() && i + 4 < boxH; i++) { // inside the bottom border
      String line = Canvas.fit(lines.get(i), inner);
      if (line.contains("[")) {
        int a = line.indexOf('[');
        int b = line.indexOf(']') + 1;
        c.text(col + 2, row + 3 + i, line.substring(0, a));
        c.highlight(col + 2 + a, row + 3 + i, line.substring(a, b));
        c.text(col + 2 + b, row + 3 + i, line.substring(b));
      } else {
        c.text(col + 2, row + 3 + i, line);
      }
    }
  }

  /**
   * The lines wrapped to the box's width, none cut: a line with a choice in brackets stays one
   * line; after the first line of a wrapped one, its words go on under column {@code hang} (the
   * help's second column), when that leaves room.
   */
  private static List<String> wrapped(List<String> lines, int inner, int hang) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      if (l.contains("[") || Canvas.columns(l) <= inner) {
        out.add(l);
        continue;
      }
      int indent = hang > 0 && inner - hang >= 10 ? hang : 0;
      List<String> parts = Canvas.wrap(l.substring(indent), inner - indent);
      for (int i = 0; i < parts.size(); i++) {
        out.add(i == 0 && indent > 0 ? l.substring(0, indent) + parts.get(0)
            : " ".repeat(indent) + parts.get(i));
      }
    }
    return out;
  }

  /** Where the help's second column starts (see {@link #help}). */
  private static int helpColumn(List<String> lines) {
    String first = lines.get(0);
    int i = first.indexOf("  ");
    while (i >= 0 && i < first.length() && first.charAt(i) == ' ') {
      i++;
    }
    return Math.max(0, i);
  }

  /** The help overlay: each key, then what it does, in two columns. */
  private static List<String> help(Messages m, boolean ascii) {
    String[][] rows = {
      {m.get("keys.enter"), m.get("help.confirm")},
      {m.get("keys.space"), m.get("help.pause")},
      {"0-10", m.get("help.rate")},
      {Glyphs.arrowKeys(ascii, m), m.get("help.arrows")},
      {"s", m.get("help.skip")},
      {"!", m.get("help.redFlag")},
      {"?", m.get("help.help")},
      {"q", m.get("help.quit")},
      {m.get("keys.esc"), m.get("help.back")},
    };
    int column = 9;
    for (String[] r : rows) {
      column = Math.max(column, r[0].length() + 2);
    }
    List<String> lines = new ArrayList<>();
    for (String[] r : rows) {
      lines.add(r[0] + " ".repeat(column - r[0].length()) + r[1]);
    }
    return lines;
  }
}
