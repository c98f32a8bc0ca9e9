package coach.tui.view;

import coach.routine.Contact;
import coach.routine.Exercise;
import coach.routine.Routine;
import coach.session.Coach;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.SessionState;
import coach.session.SwitchNote;
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
    c.bold(2, top, "!! " + Texts.URGENT_TITLE);
    c.paragraph(2, top + 2, w, Math.max(1, c.height() - top - 4), r.redFlags().advice(), false);
  }

  static void highPain(Canvas c, Coach coach, SessionState s, int top) {
    int w = c.width() - 4;
    int choices = c.height() - 4; // two rows above the footer, whatever the height
    Rating start = s.lastRating();
    c.bold(2, top, Texts.HIGH_PAIN_TITLE);
    int row = c.paragraph(2, top + 2, w, Math.max(1, choices - top - 3), "Your pain is "
        + start.value() + " before starting, above " + coach.routine().painRule().maxAcceptable()
        + ", the limit this routine sets for exercise.", false) + 1;
    boolean narrow = c.width() < 60;
    int after = choices(c, Math.min(row, choices), s.choice(),
        narrow ? "Each exercise one level easier" : "Start every exercise one level easier",
        narrow ? "End now, contact my clinician" : "End for today and contact your clinician");
    if (after + 1 < c.height() - 1) {
      c.paragraph(2, after + 1, w, 2, "Today only rises above " + start.value()
          + " will count as pain going up.", false);
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
    return contactLines(c, k, row, w, c.height() - 2);
  }

  /** The contact card's lines from {@code row}, stopping before {@code limit}. */
  static int contactLines(Canvas c, Contact k, int row, int w, int limit) {
    for (String line : contactText(k)) {
      if (row >= limit) {
        break;
      }
      row = c.paragraph(2, row, w, Math.min(2, limit - row), line, false);
    }
    return row;
  }

  static List<String> contactText(Contact k) {
    List<String> lines = new ArrayList<>();
    lines.add("Contact: " + k.name());
    if (k.role() != null) {
      lines.add("  (" + k.role() + ")");
    }
    if (k.email() != null) {
      lines.add("  Email: " + k.email());
    }
    if (k.phone() != null) {
      lines.add("  Phone: " + k.phone());
    }
    if (k.booking() != null) {
      lines.add("  " + k.booking());
    }
    if (k.note() != null) {
      lines.add("  " + k.note());
    }
    return lines;
  }

  static void contact(Canvas c, Coach coach, SessionState s, int top) {
    int w = c.width() - 4;
    int choices = c.height() - 4; // the two choices always fit above the footer
    c.bold(2, top, Texts.CONTACT_TITLE);
    int row = c.paragraph(2, top + 2, w, Math.max(1, Math.min(3, choices - top - 2)),
        s.notice(), false);
    if (row < choices - 1) {
      row = c.paragraph(2, row, w, Math.min(2, choices - 1 - row), s.stopForToday()
          ? "Please rest for today and tell your clinician how this felt."
          : "Please tell your clinician how this felt.", false) + 1;
    }
    row = contactLines(c, coach.routine().contact(), row, w, choices - 1) + 1;
    boolean last = s.exercise() + 1 >= coach.routine().exercises().size();
    choices(c, Math.min(row, choices), s.choice(), last ? "See the summary" : "Next exercise",
        "End the session");
  }

  static void summary(Canvas c, Coach coach, SessionState s, int top) {
    Routine r = coach.routine();
    int w = c.width() - 4;
    int bottom = c.height() - 2;
    c.bold(2, top, Texts.SUMMARY_TITLE + ": " + outcome(s));
    int row = top + 2;
    Rating base = s.baseline();
    if (base != null) {
      c.text(2, row++, "Pain before you started: " + base.value());
    }
    for (int i = 0; i < r.exercises().size() && row < bottom; i++) {
      Exercise e = r.exercises().get(i);
      List<String> values = new ArrayList<>();
      for (Rating x : s.ratings()) {
        if (e.id().equals(x.exerciseId())) {
          values.add(Integer.toString(x.value()));
        }
      }
      String status = s.stopped().contains(e.id()) ? " (stopped for pain)"
          : values.isEmpty() ? " (not done)" : "";
      List<Integer> before = coach.options().earlier().getOrDefault(e.id(), List.of());
      String earlier = before.isEmpty() ? "" : "; highest in earlier sessions: "
          + String.join(" ", before.stream().map(String::valueOf).toList());
      String line = e.name() + " - " + e.level(s.level(i)).name() + status
          + (values.isEmpty() ? "" : ": pain " + String.join(" ", values)) + earlier;
      row = c.paragraph(2, row, w, 2, line, false);
    }
    for (SwitchNote n : s.switches()) {
      if (row >= bottom - 3) {
        break;
      }
      row = c.paragraph(2, row, w, 2, (n.harder() ? "Harder: " : "Easier: ") + n.reason(), false);
    }
    if (row < bottom) {
      row = c.paragraph(2, row + 1, w, 4, Texts.WHAT_NEXT + advice(s), true);
    }
    if (needsContact(s)) {
      contactLines(c, r.contact(), row, w);
    }
  }

  /** What to do next, from how the session went. */
  static String advice(SessionState s) {
    if (s.stopForToday() || s.outcome() == Outcome.STOPPED_FOR_PAIN) {
      return "Rest for today. Notice how it feels tomorrow morning, and contact your clinician"
          + " about today's pain.";
    }
    String morning = "Notice how your pain is tomorrow morning; the coach will ask next time.";
    if (!s.stopped().isEmpty()) {
      return morning + " An exercise was stopped for pain: please tell your clinician.";
    }
    if (s.outcome() == Outcome.QUIT) {
      return "Ended early; everything you rated is saved. " + morning
          + " Contact your clinician if pain is still worse the next day.";
    }
    return morning + " Contact your clinician if pain is still worse the next day or the"
        + " symptoms spread further.";
  }

  private static boolean needsContact(SessionState s) {
    return s.stopForToday() || s.outcome() == Outcome.STOPPED_FOR_PAIN || !s.stopped().isEmpty();
  }

  private static String outcome(SessionState s) {
    if (s.outcome() == null) {
      return "";
    }
    return switch (s.outcome()) {
      case COMPLETED -> s.stopped().isEmpty() ? "well done" : "done, with a stop for pain";
      case STOPPED_FOR_PAIN -> "stopped for pain";
      case RED_FLAG -> "stopped for safety";
      case QUIT -> "ended early";
      case INTERRUPTED -> "interrupted";
    };
  }
}
