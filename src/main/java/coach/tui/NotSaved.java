package coach.tui;

import coach.store.StoreException;
import coach.tui.view.Canvas;
import coach.tui.words.Messages;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;

/**
 * The box shown over the session while something confirmed is not yet saved: what happened, in
 * one plain sentence with its real cause, that the answer is kept, and the two ways on.
 */
final class NotSaved {
  private NotSaved() {}

  static List<String> lines(Messages m, StoreException problem) {
    List<String> out = new ArrayList<>();
    out.add(m.get(problem != null && problem.full() ? "notSaved.full" : "notSaved.failed"));
    out.add(m.get("notSaved.kept"));
    out.add("");
    String enter = m.get("keys.enter");
    int column = Math.max(7, enter.length() + 2);
    out.add(enter + " ".repeat(column - enter.length()) + m.get("notSaved.retry"));
    out.add("q" + " ".repeat(column - 1) + m.get("notSaved.end"));
    if (problem != null) {
      out.add("");
      out.add(problem.getMessage());
    }
    return out;
  }

  static void draw(TextGraphics g, TerminalSize size, Messages m, StoreException problem) {
    int width = Math.min(size.getColumns() - 2, 72);
    List<String> text = new ArrayList<>();
    for (String l : lines(m, problem)) {
      text.addAll(l.isEmpty() ? List.of("") : Canvas.wrap(Canvas.clean(l), width - 4));
    }
    int height = Math.min(size.getRows() - 2, text.size() + 4);
    int col = Math.max(0, (size.getColumns() - width) / 2);
    int row = Math.max(0, (size.getRows() - height) / 2);
    for (int r = 0; r < height; r++) {
      g.putString(col, row + r, " ".repeat(width));
    }
    g.putString(col + 2, row + 1, m.get("notSaved.title"), SGR.BOLD, SGR.REVERSE);
    for (int i = 0; i < text.size() && i + 3 < height; i++) {
      g.putString(col + 2, row + 3 + i, text.get(i));
    }
    // the keys that work now, in place of the session's own
    String keys = " " + m.get("notSaved.footer.retry") + " \u00b7 " + m.get("notSaved.footer.end");
    g.putString(0, size.getRows() - 1, Canvas.fit(keys, size.getColumns())
        + " ".repeat(Math.max(0, size.getColumns() - keys.length())), SGR.REVERSE);
  }
}
