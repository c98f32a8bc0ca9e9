package coach.tui.view;

import coach.routine.PainRule;
import coach.session.Coach;
import coach.session.Rating;
import coach.session.SessionState;
import coach.tui.words.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** The pain check: the 0-10 scale with the chosen number marked, and where the symptoms reach. */
final class PainViews {
  private PainViews() {}

  static void pain(Canvas c, Coach coach, SessionState s, int top) {
    int w = c.width() - 4;
    Messages m = c.words();
    boolean baseline = s.painKind() == Rating.Kind.BASELINE;
    PainRule rule = coach.routine().painRule();
    boolean where = rule.spreadCounts();
    String q = m.get(baseline ? "pain.baseline.question" : "pain.question");
    // the routine's own words, in its own language, say which pain is rated ("your worst pain
    // right now, back or leg")
    String which = rule.painQuestion();
    if (!baseline) {
      // which set this rating is for, so the person (and the record) know what it is about
      // whole, shorter when narrow, never cut: "After Cat/Camel series: Lower back - Set 1 of 3"
      List<String> after = List.of(
          m.get("pain.after", coach.exercise(s).name(), Views.where(m, coach, s, false)),
          m.get("pain.after", coach.exercise(s).name(), Views.where(m, coach, s, false, true)),
          // which set above all: two checks in a row never look the same
          m.get("pain.after.exercise", Views.where(m, coach, s, false, true)),
          m.get("pain.after.exercise", coach.exercise(s).name()));
      String shown = after.stream().filter(a -> a.length() <= w).findFirst()
          .orElse(Canvas.fit(after.get(3), w));
      c.text(2, top - 1, shown);
    }
    // a short window drops the blank rows between the parts, never a part
    boolean roomy = c.height() >= 20;
    int row = c.paragraph(2, top, w, 2, q, true);
    if (which != null) {
      row = c.paragraph(2, row, w, 2, m.get("pain.which", which), false);
    }
    if (roomy || !where) {
      row++;
    }
    // the scale: 0..10 with the chosen one marked by brackets and reverse video
    int cell = c.width() >= 48 ? 4 : 3;
    int scaleWidth = cell * 11;
    int col0 = Math.max(0, (c.width() - scaleWidth) / 2);
    OptionalInt marked = s.draft().value();
    for (int v = 0; v <= 10; v++) {
      boolean isMarked = OptionalInt.of(v).equals(marked);
      String label = isMarked ? "[" + v + "]" : " " + v + " ";
      int col = col0 + v * cell;
      if (isMarked) {
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
    row += roomy || !where ? 2 : 1;
    c.centered(row, marked.isEmpty() ? m.get("pain.typeNumber")
        : m.get("pain.marked", marked.getAsInt(), scaleWord(m, marked.getAsInt())), true);
    row += roomy || !where ? 2 : 1;
    if (where) {
      row = region(c, rule, s, row, roomy);
    }
    Rating last = s.lastRating();
    if (last != null && !baseline && row < c.height() - 2) {
      c.text(2, row++, Canvas.fit(last.region() == null || !where
          ? m.get("pain.last", last.value(), scaleWord(m, last.value()))
          : m.get("pain.last.where", last.value(), scaleWord(m, last.value()), last.region()),
          w));
    }
    if (row < c.height() - 2) {
      c.paragraph(2, row, w, c.height() - 2 - row, hint(m, s, where, c.style().ascii()), false);
    }
  }

  /** What to do next on the check, in the words of the keys that do it. */
  private static String hint(Messages m, SessionState s, boolean where, boolean ascii) {
    String upDown = Glyphs.arrows(ascii, m);
    String leftRight = Glyphs.leftRight(ascii, m);
    if (s.draft().value().isEmpty()) {
      return where ? m.get("pain.hint.first.where", leftRight, upDown)
          : m.get("pain.hint.first");
    }
    if (where && s.draft().region().isEmpty()) {
      return m.get("pain.hint.chooseWhere", upDown);
    }
    return where ? m.get("pain.hint.next.where", leftRight, upDown) : m.get("pain.hint.next");
  }

  /**
   * Where the symptoms reach, on the same screen: the whole list when there is room, else one
   * line with the chosen place. Returns the row after it.
   */
  private static int region(Canvas c, PainRule rule, SessionState s, int row, boolean roomy) {
    Messages m = c.words();
    int w = c.width() - 4;
    String q = rule.regionQuestion() == null ? m.get("region.question") : rule.regionQuestion();
    List<String> options = new ArrayList<>();
    options.add(m.get("region.none"));
    for (String region : rule.regions()) {
      options.add(Views.capitalise(region));
    }
    List<String> question = Canvas.wrap(Canvas.clean(q), Math.max(1, w));
    int free = c.height() - 2 - row;
    if (question.size() <= 2 && free >= question.size() + options.size() + 2) {
      row = c.paragraph(2, row, w, 2, q, true);
      for (int i = 0; i < options.size(); i++, row++) {
        boolean chosen = OptionalInt.of(i).equals(s.draft().region());
        String label = (chosen ? "> " : "  ") + options.get(i);
        if (chosen) {
          c.highlight(4, row, label + " ");
        } else {
          c.text(4, row, label);
        }
      }
      return roomy ? row + 1 : row;
    }
    // one line: the chosen place between the arrows that change it
    String chosen = s.draft().region().isEmpty() ? m.get("region.notChosen")
        : options.get(s.draft().region().getAsInt());
    // the keys that change it beside it, when they fit (the footer has no room for them here)
    String label = m.get("region.label");
    String keys = Glyphs.arrows(c.style().ascii(), m);
    int col = 2 + label.length() + 1;
    c.text(2, row, label);
    c.highlight(col, row, Canvas.fit(chosen, Math.max(1, w - label.length() - 1)));
    if (col + chosen.length() + 1 + keys.length() <= c.width() - 2) {
      c.text(col + chosen.length() + 1, row, keys);
    }
    return row + 1;
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
}
