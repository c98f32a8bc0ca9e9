package coach.tui.view;

import coach.routine.Routine;
import coach.session.Coach;
import coach.session.Rating;
import coach.session.SessionState;
import coach.tui.words.Messages;
import java.util.ArrayList;
import java.util.List;

/** The pain check: the 0-10 scale with the chosen number marked, and where the symptoms reach. */
final class PainViews {
  private PainViews() {}

  static void pain(Canvas c, Coach coach, SessionState s, int top) {
    int w = c.width() - 4;
    Messages m = c.words();
    boolean baseline = s.painKind() == Rating.Kind.BASELINE;
    String q = m.get(baseline ? "pain.baseline.question" : "pain.question");
    // the routine's own words, in its own language, say which pain is rated ("your worst pain
    // right now, back or leg")
    String which = coach.routine().painRule().painQuestion();
    if (!baseline) {
      // which set this rating is for, so the person (and the record) know what it is about
      c.text(2, top - 1, Canvas.fit(m.get("pain.after", coach.exercise(s).name(),
          Views.where(m, coach, s, false)), c.width() - 4));
    }
    int row = c.paragraph(2, top, w, 2, q, true);
    if (which != null) {
      row = c.paragraph(2, row, w, 2, m.get("pain.which", which), false);
    }
    row++;
    // the scale: 0..10 with the chosen one marked by brackets and reverse video
    int cell = c.width() >= 48 ? 4 : 3;
    int scaleWidth = cell * 11;
    int col0 = Math.max(0, (c.width() - scaleWidth) / 2);
    for (int v = 0; v <= 10; v++) {
      String label = v == s.draftValue() ? "[" + v + "]" : " " + v + " ";
      int col = col0 + v * cell;
      if (v == s.draftValue()) {
        c.highlight(col, row, label);
      } else {
        c.text(col, row, label);
      }
    }
    row++;
    String left = m.get("pain.scale.none");
    String right = m.get("pain.scale.worst");
    c.text(col0, row, left);
    c.text(Math.max(col0, col0 + scaleWidth - right.length()), row, right);
    row += 2;
    c.centered(row, s.draftValue() < 0 ? m.get("pain.typeNumber")
        : m.get("pain.marked", s.draftValue(), scaleWord(m, s.draftValue())), true);
    row += 2;
    Rating last = s.lastRating();
    if (last != null && !baseline && row < c.height() - 2) {
      c.text(2, row++, m.get("pain.last", last.value(), scaleWord(m, last.value())));
    }
    if (row < c.height() - 2) {
      c.paragraph(2, row, w, 2, m.get(s.draftValue() < 0 ? "pain.hint.first" : "pain.hint.next"),
          false);
    }
  }

  /** The word for a rating on the 0-10 scale. */
  private static String scaleWord(Messages m, int v) {
    if (v == 0) {
      return m.get("pain.scale.none");
    } else if (v <= 3) {
      return m.get("pain.scale.mild");
    } else if (v <= 6) {
      return m.get("pain.scale.moderate");
    } else if (v <= 9) {
      return m.get("pain.scale.severe");
    }
    return m.get("pain.scale.worst");
  }

  static void region(Canvas c, Routine r, SessionState s, int top) {
    Messages m = c.words();
    String q = r.painRule().regionQuestion();
    // the whole question, on two rows when the window is narrow
    int row = c.paragraph(2, top, c.width() - 4, 2, q == null ? m.get("region.question") : q,
        true) + 1;
    List<String> options = new ArrayList<>();
    options.add(m.get("region.none"));
    for (String region : r.painRule().regions()) {
      options.add(Views.capitalise(region));
    }
    int available = c.height() - row - 2;
    int first = Math.max(0, Math.min(s.draftRegion() - available + 1,
        options.size() - available));
    for (int i = first; i < options.size() && row < c.height() - 2; i++, row++) {
      String marker = i == s.draftRegion() ? "> " : "  ";
      String label = marker + i + "  " + options.get(i);
      if (i == s.draftRegion()) {
        c.highlight(4, row, label + " ");
      } else {
        c.text(4, row, label);
      }
    }
    if (row < c.height() - 2) {
      c.paragraph(2, row, c.width() - 4, c.height() - 2 - row, m.get(s.draftRegion() < 0
          ? "region.hint.choose" : "region.hint.chosen", s.draftValue()), false);
    }
  }
}
