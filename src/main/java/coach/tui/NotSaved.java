package coach.tui;

import coach.store.StoreException;
import coach.tui.view.Canvas;
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
  static final String TITLE = "Not saved yet";

  private NotSaved() {}

  static List<String> lines(StoreException problem) {
    List<String> out = new ArrayList<>();
    if (problem != null && problem.full()) {
      out.add("The disk is full (or the history may not grow), so your last answer is not"
          + " saved yet.");
    } else {
      out.add("Your last answer could not be saved yet.");
    }
    out.add("It is kept here. Everything before it is saved.");
    out.add("");
    out.add("Enter  try again (after freeing some disk space)");
    out.add("q      end now with what was saved");
    if (problem != null) {
      out.add("");
      out.add(problem.getMessage());
    }
    return out;
  }

  static void draw(TextGraphics g, TerminalSize size, StoreException problem) {
    int width = Math.min(size.getColumns() - 2, 72);
    List<String> text = new ArrayList<>();
    for (String l : lines(problem)) {
      text.addAll(l.isEmpty() ? List.of("") : Canvas.wrap(Canvas.clean(l), width - 4));
    }
    int height = Math.min(size.getRows() - 2, text.size() + 4);
    int col = Math.max(0, (size.getColumns() - width) / 2);
    int row = Math.max(0, (size.getRows() - height) / 2);
    for (int r = 0; r < height; r++) {
      g.putString(col, row + r, " ".repeat(width));
    }
    g.putString(col + 2, row + 1, TITLE, SGR.BOLD, SGR.REVERSE);
    for (int i = 0; i < text.size() && i + 3 < height; i++) {
      g.putString(col + 2, row + 3 + i, text.get(i));
    }
    // the keys that work now, in place of the session's own
    String keys = " Enter try again \u00b7 q end with what was saved";
    g.putString(0, size.getRows() - 1, Canvas.fit(keys, size.getColumns())
        + " ".repeat(Math.max(0, size.getColumns() - keys.length())), SGR.REVERSE);
  }
}
