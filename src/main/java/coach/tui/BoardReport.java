package coach.tui;

import coach.session.Event;
import coach.tui.view.Canvas;
import coach.tui.view.Glyphs;
import coach.tui.view.Style;
import coach.tui.words.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * A patient's report opened over the clinic board: its lines, whose they are and how far they
 * are scrolled; the arrows and page keys scroll it, Enter, Esc or q close it.
 */
final class BoardReport {
  private final List<String> report;
  private final String of;
  private int scroll;

  BoardReport(List<String> report, String of) {
    this.report = report;
    this.of = of;
  }

  /** Scrolls for the key; false when the key closes the report. */
  boolean key(Event e) {
    int page = 10;
    if (e == Event.Key.BACK || e == Event.Key.QUIT || e == Event.Key.CONFIRM) {
      return false;
    } else if (e == Event.Key.UP) {
      scroll = Math.max(0, scroll - 1);
    } else if (e == Event.Key.DOWN) {
      scroll = Math.min(Math.max(0, report.size() - 1), scroll + 1);
    } else if (e == Event.Key.LEFT) {
      scroll = Math.max(0, scroll - page);
    } else if (e == Event.Key.RIGHT) {
      scroll = Math.min(Math.max(0, report.size() - 1), scroll + page);
    }
    return true;
  }

  /** Under the board's title: whose report, its lines wrapped to the width, and the keys. */
  void draw(Canvas c, Messages m, Style style) {
    c.bold(1, 1, Canvas.fit(m.get("board.reportOf", Canvas.clean(of)), c.width() - 2));
    List<String> lines = new ArrayList<>();
    for (String l : report) {
      String t = Canvas.clean(l);
      int indent = t.length() - t.stripLeading().length();
      List<String> wrapped = Canvas.wrap(t.strip(), Math.max(10, c.width() - 2 - indent - 2));
      for (int i = 0; i < wrapped.size(); i++) {
        lines.add(" ".repeat(indent + (i == 0 ? 0 : 2)) + wrapped.get(i));
      }
      if (wrapped.isEmpty()) {
        lines.add("");
      }
    }
    int top = 3;
    int visible = Math.max(1, c.height() - top - 1);
    scroll = Math.max(0, Math.min(scroll, Math.max(0, lines.size() - visible)));
    for (int i = 0; i < visible && scroll + i < lines.size(); i++) {
      c.text(1, top + i, Canvas.fit(lines.get(scroll + i), c.width() - 2));
    }
    c.bar(c.height() - 1, m.get("board.footer.report", Glyphs.arrows(style.ascii(), m),
        Glyphs.sep(style.ascii())), lines.size() <= visible ? ""
        : m.get("board.lines", scroll + 1, Math.min(lines.size(), scroll + visible),
            lines.size()));
  }
}
