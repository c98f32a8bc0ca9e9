package coach.tui;

import coach.tui.ClinicBoard.Detail;
import coach.tui.ClinicBoard.Row;
import coach.tui.view.Canvas;
import coach.tui.words.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The clinic board's list of patients: every row, most urgent first; those the filter lets
 * through; the selected one (kept on the same patient when rows move); the first row in view and
 * how many lines of rows the last frame had room for; and the list drawn with the selected
 * patient's alerts below it.
 */
final class BoardList {
  private List<Row> rows = List.of();
  private List<Row> shownRows;
  private String filter = "";
  private int selected;
  private int first;
  private String selectedPatient;
  /** Lines of rows the last frame had room for. */
  private int capacity = 24;

  /** Every row, sorted; the filter is applied again. */
  void setRows(List<Row> sorted) {
    rows = sorted;
    shownRows = null;
  }

  List<Row> rows() {
    return rows;
  }

  /** The rows the filter lets through. */
  List<Row> shown() {
    if (shownRows == null) {
      if (filter.isEmpty()) {
        shownRows = rows;
      } else {
        String f = filter.toLowerCase(Locale.ROOT);
        shownRows = rows.stream().filter(r -> r.patient().toLowerCase(Locale.ROOT).contains(f))
            .toList();
      }
    }
    return shownRows;
  }

  String filter() {
    return filter;
  }

  void setFilter(String f) {
    filter = f;
    shownRows = null;
  }

  /** Keeps the selection on the same patient when rows move. */
  void reselect() {
    List<Row> shown = shown();
    if (selectedPatient != null) {
      for (int i = 0; i < shown.size(); i++) {
        if (shown.get(i).patient().equals(selectedPatient)) {
          selected = i;
          return;
        }
      }
    }
    selected = Math.max(0, Math.min(selected, shown.size() - 1));
    selectedPatient = shown.isEmpty() ? null : shown.get(selected).patient();
  }

  void select(int i) {
    List<Row> shown = shown();
    if (shown.isEmpty()) {
      return;
    }
    selected = Math.max(0, Math.min(i, shown.size() - 1));
    selectedPatient = shown.get(selected).patient();
  }

  /** Moves the selection this many rows down (up when negative). */
  void move(int by) {
    select(selected + by);
  }

  /** Rows a page key moves: half of those the last frame had room for. */
  int page() {
    return Math.max(1, capacity / 2);
  }

  /** The selected patient; null when no row is shown. */
  String selectedPatient() {
    return selectedPatient;
  }

  /** The selected row; null when no row is shown. */
  Row selectedRow() {
    List<Row> shown = shown();
    return shown.isEmpty() ? null : shown.get(selected);
  }

  /** The rows in view, and the selected one, whose details the frame needs. */
  List<Row> inView() {
    List<Row> shown = shown();
    int from = Math.max(0, Math.min(first, selected));
    int to = Math.min(shown.size(), Math.max(first, selected) + capacity + 1);
    return from < to ? shown.subList(from, to) : List.of();
  }

  /** Lines a row takes: its own, and its alerts' when it has any. */
  private static int height(Row r) {
    return r.alerts().isEmpty() ? 1 : 2;
  }

  /**
   * The rows from screen row 4, as many as fit above the selected patient's alerts, then those
   * alerts; {@code w} wide, each row's details from the row or else {@code details}.
   */
  void draw(Canvas c, Messages m, BoardText text, Map<String, Detail> details, int w) {
    List<Row> shown = shown();
    int top = 4;
    // the list takes what it needs, up to all but a few rows for the selected one's alerts
    int room = c.height() - 3 - top; // rows from the top to the line above the message
    int needed = lines(shown, 0, Math.min(shown.size(), room) - 1);
    int factsRows = Math.max(c.height() >= 30 ? 6 : 4, room - 1 - needed);
    int bottom = c.height() - 4 - factsRows; // the last row a patient's lines may take
    capacity = Math.max(1, bottom - top + 1);
    first = Math.max(0, Math.min(first, selected));
    while (first < selected && lines(shown, first, selected) > capacity) {
      first++;
    }
    BoardText.Columns col = BoardText.Columns.of(c.width());
    int y = top;
    for (int i = first; i < shown.size() && y + height(shown.get(i)) - 1 <= bottom; i++) {
      Row r = shown.get(i);
      Detail d = r.detail() != null ? r.detail() : details.get(r.patient());
      String line = text.rowLine(r, d, col, w);
      if (i == selected) {
        c.highlight(1, y, line + " ".repeat(Math.max(0, w - line.length())));
      } else {
        c.text(1, y, line);
      }
      y++;
      if (!r.alerts().isEmpty()) {
        c.text(5, y, text.alertsLine(r, w - 4));
        y++;
      }
    }
    int seen = visibleCount(shown, top, bottom);
    if (shown.isEmpty()) {
      c.text(2, top, m.get(rows.isEmpty() ? "board.empty" : "board.noMatch"));
    } else if (first > 0 || first + seen < shown.size()) {
      c.text(1, bottom + 1, m.get("board.rowsShown", first + 1, first + seen, shown.size()));
    }
    if (!shown.isEmpty()) {
      text.drawFacts(c, shown.get(selected), c.height() - 2 - factsRows, factsRows, w);
    }
  }

  /** How many rows fit from {@code first} between the two screen rows. */
  private int visibleCount(List<Row> shown, int top, int bottom) {
    int y = top;
    int n = 0;
    for (int i = first; i < shown.size() && y + height(shown.get(i)) - 1 <= bottom; i++) {
      y += height(shown.get(i));
      n++;
    }
    return n;
  }

  private static int lines(List<Row> shown, int from, int to) {
    int n = 0;
    for (int i = from; i <= to && i < shown.size(); i++) {
      n += height(shown.get(i));
    }
    return n;
  }
}
