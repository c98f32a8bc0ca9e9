package coach.tui.view;

import coach.tui.words.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * This week on the welcome screen: the days against the routine's frequency and the streak, a
 * row of days Monday to Sunday with a mark under each day that had a session (today's name in
 * brackets), and how the pain before starting moved over the last sessions. Marks and brackets,
 * never colour alone.
 */
final class WeekView {
  private WeekView() {}

  /** The days' short names, Monday first. */
  private static final String[] DAYS = {"week.day.mon", "week.day.tue", "week.day.wed",
    "week.day.thu", "week.day.fri", "week.day.sat", "week.day.sun"};

  /** Rows the week takes: its title, the days, their marks, the pain line, a blank line. */
  static final int ROWS = 5;

  /**
   * Draws the week from {@code row} when all of it fits above {@code limit} and across the
   * window; returns the row after it (or {@code row} when it was left out).
   */
  static int draw(Canvas c, Week week, int row, int limit) {
    Messages m = c.words();
    boolean ascii = c.style().ascii();
    int cell = 0;
    for (String day : DAYS) {
      cell = Math.max(cell, Canvas.columns(m.get(day)) + 3);
    }
    int rows = week.pain().isEmpty() ? ROWS - 1 : ROWS;
    if (row + rows > limit || 2 + 7 * cell > c.width() - 2) {
      return row;
    }
    String title = m.get("week.title", week.daysDone(), week.target());
    if (week.streak() > 0) {
      title += Views.sep(ascii) + m.get(week.streakInWeeks() ? "week.streak.weeks"
          : "week.streak.days", week.streak());
    }
    c.bold(2, row, title);
    StringBuilder names = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (int d = 0; d < 7; d++) {
      String name = m.get(DAYS[d]);
      names.append(centre(d == week.today() ? "[" + name + "]" : name, cell));
      String mark = week.done().get(d) ? (ascii ? "x" : "\u2713")
          : d <= week.today() ? (ascii ? "." : "\u00b7") : " ";
      marks.append(centre(mark, cell));
    }
    c.text(2, row + 1, names.toString());
    c.bold(2, row + 2, marks.toString());
    if (!week.pain().isEmpty()) {
      c.text(2, row + 3, Canvas.fit(pain(m, week.pain(), ascii), c.width() - 4));
    }
    return row + rows;
  }

  /** "Pain before starting, last 4 sessions: 6 -> 5 -> 4 -> 3 (going down)". */
  static String pain(Messages m, List<Integer> pain, boolean ascii) {
    if (pain.size() == 1) {
      return m.get("week.pain.one", pain.get(0));
    }
    List<String> values = new ArrayList<>();
    pain.forEach(v -> values.add(Integer.toString(v)));
    int first = pain.get(0);
    int last = pain.get(pain.size() - 1);
    String trend = m.get(last < first ? "week.pain.down" : last > first ? "week.pain.up"
        : "week.pain.same");
    return m.get("week.pain", pain.size(), String.join(ascii ? " -> " : " \u2192 ", values),
        trend);
  }

  private static String centre(String s, int width) {
    int w = Canvas.columns(s);
    int left = Math.max(0, (width - w) / 2);
    return " ".repeat(left) + s + " ".repeat(Math.max(0, width - w - left));
  }
}
