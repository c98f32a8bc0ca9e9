package coach.tui.view;

import coach.routine.Contact;
import coach.routine.Exercise;
import coach.routine.Routine;
import coach.session.Coach;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.SessionState;
import coach.session.SwitchNote;
import coach.tui.words.Messages;
import coach.tui.words.Reasons;
import java.util.ArrayList;
import java.util.List;

/**
 * The screens where exercise stops: urgent advice after a red flag, high pain before starting,
 * the contact card, and the summary with what to do next.
 */
final class EndViews {
  private EndViews() {}

  /** After a red flag: urgent-care advice only (no booking, no routine). */
  static void urgent(Canvas c, Routine r, int top) {
    int w = c.width() - 4;
    c.bold(2, top, "!! " + c.words().get("urgent.title"));
    c.paragraph(2, top + 2, w, Math.max(1, c.height() - top - 4), r.redFlags().advice(), false);
  }

  static void highPain(Canvas c, Coach coach, SessionState s, int top) {
    int w = c.width() - 4;
    int choices = c.height() - 4; // two rows above the footer, whatever the height
    Messages m = c.words();
    Rating start = s.lastRating();
    c.bold(2, top, m.get("highPain.title"));
    int row = c.paragraph(2, top + 2, w, Math.max(1, choices - top - 3), m.get("highPain.text",
        start.value(), coach.routine().painRule().maxAcceptable()), false) + 1;
    boolean narrow = c.width() < 60;
    int after = choices(c, Math.min(row, choices), s.choice(),
        m.get(narrow ? "highPain.easier.short" : "highPain.easier"),
        m.get(narrow ? "highPain.stop.short" : "highPain.stop"));
    if (after + 1 < c.height() - 1) {
      c.paragraph(2, after + 1, w, 2, m.get("highPain.counts", start.value()), false);
    }
  }

  /** Two choices on their own lines, the chosen one marked; returns the row after them. */
  private static int choices(Canvas c, int row, int choice, String first, String second) {
    String[] labels = {first, second};
    for (int i = 0; i < 2 && row < c.height() - 1; i++, row++) {
      String label = Canvas.fit((choice == i ? "> " : "  ") + labels[i], c.width() - 4);
      if (choice == i) {
        c.highlight(4, row, label + " ");
      } else {
        c.text(4, row, label);
      }
    }
    return row;
  }

  static int contactLines(Canvas c, Contact k, int row, int w) {
    return contactLines(c, contactText(c.words(), k, true), row, w, c.height() - 2);
  }

  /** These lines of a contact card from {@code row}, stopping before {@code limit}. */
  private static int contactLines(Canvas c, List<String> lines, int row, int w, int limit) {
    for (String line : lines) {
      if (row >= limit) {
        break;
      }
      row = c.paragraph(2, row, w, Math.min(2, limit - row), line, false);
    }
    return row;
  }

  /**
   * The card's lines: who and who they are (a role: "not your own clinician", say), then each
   * way to reach them; with {@code extras}, also the card's note, which a small window may
   * leave out.
   */
  static List<String> contactText(Messages m, Contact k, boolean extras) {
    List<String> lines = new ArrayList<>();
    lines.add(m.get("contact.name", k.name()));
    if (k.role() != null) {
      lines.add("  (" + k.role() + ")");
    }
    if (k.email() != null) {
      lines.add("  " + m.get("contact.email", k.email()));
    }
    if (k.phone() != null) {
      lines.add("  " + m.get("contact.phone", k.phone()));
    }
    if (k.booking() != null) {
      lines.add("  " + k.booking());
    }
    if (extras && k.note() != null) {
      lines.add("  " + k.note());
    }
    return lines;
  }

  /**
   * How to reach the clinician comes first: who and every way to reach them, never in part; then
   * why the exercise stops and what to do, then the card's note, as rows allow.
   * A window too small for who and how says so instead.
   */
  static void contact(Canvas c, Coach coach, SessionState s, int top) {
    int w = c.width() - 4;
    int choices = c.height() - 4; // the two choices always fit above the footer
    int end = choices - 1; // a blank row before them
    Messages m = c.words();
    c.bold(2, top, m.get("contact.title"));
    int row = top + 2;
    Contact k = coach.routine().contact();
    List<String> whole = contactText(m, k, true);
    List<String> card = contactText(m, k, false);
    int need = rows(card, w);
    if (need > end - row) {
      row = c.paragraph(2, row, w, Math.max(1, end - row), m.get("contact.larger"), true) + 1;
    } else {
      if (end - row - need > 0) {
        row = c.paragraph(2, row, w, Math.min(3, end - row - need), Views.notice(m, coach, s),
            false);
      }
      if (end - row - need > 1) {
        row = c.paragraph(2, row, w, Math.min(2, end - row - need - 1),
            m.get(s.stopForToday() ? "contact.restToday" : "contact.tell"), false) + 1;
      }
      row = contactLines(c, rows(whole, w) <= end - row ? whole : card, row, w, end) + 1;
    }
    boolean last = s.exercise() + 1 >= coach.routine().exercises().size();
    choices(c, Math.min(row, choices), s.choice(),
        m.get(last ? "contact.summary" : "contact.next"), m.get("contact.end"));
  }

  /** The rows these card lines take at this width (each in at most two). */
  private static int rows(List<String> lines, int w) {
    int rows = 0;
    for (String line : lines) {
      rows += Math.min(2, Canvas.wrap(Canvas.clean(line), Math.max(1, w)).size());
    }
    return rows;
  }

  static void summary(Canvas c, Coach coach, SessionState s, int top) {
    Routine r = coach.routine();
    Messages m = c.words();
    int w = c.width() - 4;
    int bottom = c.height() - 2;
    c.bold(2, top, m.get("summary.title", outcome(m, s)));
    int row = top + 2;
    Rating base = s.baseline();
    if (base != null) {
      c.text(2, row++, m.get("summary.baseline", base.value()));
    }
    for (int i = 0; i < r.exercises().size() && row < bottom; i++) {
      Exercise e = r.exercises().get(i);
      List<String> values = new ArrayList<>();
      for (Rating x : s.ratings()) {
        if (e.id().equals(x.exerciseId())) {
          values.add(Integer.toString(x.value()));
        }
      }
      String level = e.level(s.level(i)).name();
      String pain = String.join(" ", values);
      boolean stopped = s.stopped().contains(e.id());
      String line = stopped && !values.isEmpty() ? m.get("summary.line.stopped", e.name(), level,
          pain)
          : stopped ? m.get("summary.line.stoppedUnrated", e.name(), level)
          : values.isEmpty() ? m.get("summary.line.notDone", e.name(), level)
          : m.get("summary.line.done", e.name(), level, pain);
      List<Integer> before = coach.options().earlier().getOrDefault(e.id(), List.of());
      if (!before.isEmpty()) {
        line = m.get("summary.line.earlier", line,
            String.join(" ", before.stream().map(String::valueOf).toList()));
      }
      row = c.paragraph(2, row, w, 2, line, false);
    }
    for (SwitchNote n : s.switches()) {
      if (row >= bottom - 3) {
        break;
      }
      String why = Reasons.text(m, n.reason(), r.exercise(n.exerciseId()).orElse(null),
          r.painRule().regions());
      row = c.paragraph(2, row, w, 2, m.get(n.harder() ? "summary.harder" : "summary.easier", why),
          false);
    }
    if (row < bottom) {
      row = c.paragraph(2, row + 1, w, 4, m.get("summary.whatNext", advice(m, s)), true);
    }
    if (needsContact(s)) {
      contactLines(c, r.contact(), row, w);
    }
  }

  /** What to do next, from how the session went. */
  static String advice(Messages m, SessionState s) {
    if (s.stopForToday() || s.outcome() == Outcome.STOPPED_FOR_PAIN) {
      return m.get("advice.restToday");
    }
    if (!s.stopped().isEmpty()) {
      return m.get("advice.exerciseStopped");
    }
    if (s.outcome() == Outcome.QUIT) {
      return m.get("advice.endedEarly");
    }
    return m.get("advice.done");
  }

  private static boolean needsContact(SessionState s) {
    return s.stopForToday() || s.outcome() == Outcome.STOPPED_FOR_PAIN || !s.stopped().isEmpty();
  }

  private static String outcome(Messages m, SessionState s) {
    if (s.outcome() == null) {
      return "";
    }
    return switch (s.outcome()) {
      case COMPLETED -> m.get(s.stopped().isEmpty() ? "outcome.wellDone" : "outcome.doneWithStop");
      case STOPPED_FOR_PAIN -> m.get("outcome.stoppedForPain");
      case RED_FLAG -> m.get("outcome.redFlag");
      case QUIT -> m.get("outcome.quit");
      case INTERRUPTED -> m.get("outcome.interrupted");
    };
  }
}
