package coach.tui.view;

import coach.routine.Contact;
import coach.routine.Exercise;
import coach.routine.Routine;
import coach.session.Coach;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Choice;
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
  /** The urgent advice alone, whole: it scrolls with the arrows when longer than the window. */
  static void urgent(Canvas c, Routine r, int top) {
    int w = c.width() - 4;
    List<Row> rows = new ArrayList<>();
    add(rows, "!! " + c.words().get("urgent.title"), w, true);
    rows.add(new Row("", false));
    add(rows, r.redFlags().advice(), w, false);
    shown(c, rows, top, c.height() - 1);
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
    int after = choices(c, Math.min(row, choices), s.dialog().choice(),
        m.get(narrow ? "highPain.gentle.short" : "highPain.gentle"),
        m.get(narrow ? "highPain.end.short" : "highPain.end"));
    if (after + 1 < c.height() - 1) {
      c.paragraph(2, after + 1, w, 2, m.get("highPain.stops", start.value()), false);
    }
  }

  /** Two choices on their own lines, the chosen one marked; returns the row after them. */
  private static int choices(Canvas c, int row, Choice choice, String first,
      String second) {
    String[] labels = {first, second};
    Choice[] order = {Choice.FIRST, Choice.SECOND};
    for (int i = 0; i < 2 && row < c.height() - 1; i++, row++) {
      String label = Canvas.fit((choice == order[i] ? "> " : "  ") + labels[i], c.width() - 4);
      if (choice == order[i]) {
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
    // a pain stop shows how to reach a person; a booking offer is for the summary only
    List<String> whole = withoutBooking(contactText(m, k, true), k);
    List<String> card = withoutBooking(contactText(m, k, false), k);
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
            m.get(coach.routine().selfStarted() ? "contact.tell.self" : "contact.tell"), false)
            + 1;
      }
      row = contactLines(c, rows(whole, w) <= end - row ? whole : card, row, w, end) + 1;
      // the safety net, whole, where the rows allow
      List<String> net = Canvas.wrap(Canvas.clean(m.get("safety.net")), Math.max(1, w));
      if (row + net.size() <= end) {
        row = c.paragraph(2, row, w, net.size(), m.get("safety.net"), false) + 1;
      }
    }
    boolean last = s.exercise() + 1 >= coach.routine().exercises().size();
    choices(c, Math.min(row, choices), s.dialog().choice(), m.get(last ? "contact.summary"
        : s.easiestToday() != null ? "contact.next.easiest" : "contact.next"),
        m.get("contact.end"));
  }

  /** The card's lines without its booking line. */
  static List<String> withoutBooking(List<String> lines, Contact k) {
    return k.booking() == null ? lines
        : lines.stream().filter(l -> !l.strip().equals(k.booking().strip())).toList();
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
    c.bold(2, top, m.get("summary.title", outcome(m, coach, s)));
    List<Row> rows = new ArrayList<>();
    Rating base = s.baseline();
    if (base != null) {
      add(rows, m.get("summary.baseline", base.value()), w, false);
    }
    for (int i = 0; i < r.exercises().size(); i++) {
      Exercise e = r.exercises().get(i);
      List<String> values = new ArrayList<>();
      // the ratings at each level in turn (more than one when the level changed)
      List<AtLevel> atLevels = new ArrayList<>();
      for (Rating x : s.ratings()) {
        if (e.id().equals(x.exerciseId()) && x.kind() != Rating.Kind.BASELINE) {
          values.add(Integer.toString(x.value()));
          if (atLevels.isEmpty() || atLevels.get(atLevels.size() - 1).level() != x.level()) {
            atLevels.add(new AtLevel(x.level(), new ArrayList<>()));
          }
          atLevels.get(atLevels.size() - 1).values().add(Integer.toString(x.value()));
        }
      }
      String level = e.level(s.level(i)).name();
      String pain = String.join(" ", values);
      boolean stopped = s.stopped().contains(e.id());
      String line;
      if (s.skipped().contains(e.id()) && values.isEmpty()) {
        line = m.get("summary.line.skippedNerve", e.name(), level);
      } else if (atLevels.size() > 1) {
        List<String> parts = new ArrayList<>();
        for (AtLevel a : atLevels) {
          parts.add(m.get("summary.atLevel", String.join(" ", a.values()),
              e.level(a.level()).name()));
        }
        line = m.get(stopped ? "summary.line.levelsStopped" : "summary.line.levels", e.name(),
            String.join("; ", parts));
      } else {
        line = stopped && !values.isEmpty() ? m.get("summary.line.stopped", e.name(), level,
            pain)
            : stopped ? m.get("summary.line.stoppedUnrated", e.name(), level)
            : values.isEmpty() ? m.get("summary.line.notDone", e.name(), level)
            : m.get("summary.line.done", e.name(), level, pain);
      }
      List<Integer> before = coach.options().earlier().getOrDefault(e.id(), List.of());
      if (!before.isEmpty()) {
        line = m.get("summary.line.earlier", line,
            String.join(" ", before.stream().map(String::valueOf).toList()));
      }
      add(rows, line, w, false);
    }
    java.util.Set<String> said = new java.util.HashSet<>();
    for (SwitchNote n : s.switches()) {
      String why = Reasons.text(m, n.reason(), r.exercise(n.exerciseId()).orElse(null),
          r.painRule().regions());
      String text = m.get(n.harder() ? "summary.harder" : "summary.easier", why);
      if (said.add(text)) { // one reason for several exercises (a high start) is said once
        add(rows, text, w, false);
      }
    }
    rows.add(new Row("", false));
    add(rows, m.get("summary.whatNext", advice(m, s)), w, true);
    add(rows, m.get("safety.net"), w, true);
    if (needsContact(s)) {
      for (String line : contactText(m, r.contact(), true)) {
        add(rows, line, w, false);
      }
    }
    shown(c, rows, top + 2, c.height() - 2);
  }

  /** One row of a screen's text, wrapped already. */
  record Row(String text, boolean bold) {}

  /** A paragraph's rows indented by {@code indent} columns, all of them. */
  static void addIndented(List<Row> rows, String text, int w, int indent) {
    for (String line : Canvas.wrap(Canvas.clean(text), Math.max(1, w - indent))) {
      rows.add(new Row(" ".repeat(indent) + line, false));
    }
  }

  /** A paragraph's rows, all of them (a long screen scrolls rather than lose any). */
  static void add(List<Row> rows, String text, int w, boolean bold) {
    for (String line : Canvas.wrap(Canvas.clean(text), Math.max(1, w))) {
      rows.add(new Row(line, bold));
    }
  }

  /**
   * The rows from {@code first} to before {@code end}; when there are more than fit, from the
   * canvas's scroll on, with the last row saying which are shown and that the arrows show more.
   */
  static void shown(Canvas c, List<Row> rows, int first, int end) {
    int room = end - first;
    if (room <= 0) {
      return;
    }
    boolean scrolls = rows.size() > room;
    int window = scrolls ? room - 1 : room;
    int max = scrolls ? rows.size() - window : 0;
    c.scrollMax(max);
    int from = Math.min(c.scroll(), max);
    for (int i = 0; i < window && from + i < rows.size(); i++) {
      Row row = rows.get(from + i);
      if (row.bold()) {
        c.bold(2, first + i, row.text());
      } else {
        c.text(2, first + i, row.text());
      }
    }
    if (scrolls && window > 0) {
      c.highlight(2, end - 1, c.words().get("summary.more",
          Glyphs.arrows(c.style().ascii(), c.words()), from + 1, from + window, rows.size()));
    }
  }

  /** The ratings an exercise was given at one of its levels, in order. */
  private record AtLevel(int level, List<String> values) {}

  /** What to do next, from how the session went (the safety net follows it on screen). */
  static String advice(Messages m, SessionState s) {
    if (s.stopForToday() || s.outcome() == Outcome.STOPPED_FOR_PAIN || s.spread()) {
      return m.get("advice.stopToday");
    }
    if (!s.stopped().isEmpty()) {
      return m.get("advice.exerciseStopped");
    }
    boolean exercised = s.ratings().stream().anyMatch(x -> x.kind() != Rating.Kind.BASELINE);
    if (s.outcome() == Outcome.QUIT || !exercised) {
      return m.get(exercised ? "advice.endedEarly" : "advice.notStarted");
    }
    return m.get("advice.done");
  }

  /** Pain before starting, or after a set, above the routine's ceiling. */
  private static boolean painStayedHigh(Coach coach, SessionState s) {
    Integer ceiling = coach.routine().painRule().maxAcceptable();
    return ceiling != null && s.ratings().stream().anyMatch(x -> x.value() > ceiling);
  }

  /** Exercises the person skipped (not rated, not stopped, not left out for the nerve). */
  private static long skippedByChoice(Coach coach, SessionState s) {
    java.util.Set<String> rated = new java.util.HashSet<>();
    for (Rating r : s.ratings()) {
      if (r.exerciseId() != null) {
        rated.add(r.exerciseId());
      }
    }
    return coach.routine().exercises().stream().map(x -> x.id())
        .filter(id -> !rated.contains(id) && !s.stopped().contains(id)
            && !s.skipped().contains(id))
        .count();
  }

  private static boolean needsContact(SessionState s) {
    return s.stopForToday() || s.outcome() == Outcome.STOPPED_FOR_PAIN || !s.stopped().isEmpty()
        || s.spread();
  }

  /**
   * The title says what happened: a red flag, symptoms that spread, a stop for pain, pain that
   * stayed high; "well done" only when none of these.
   */
  private static String outcome(Messages m, Coach coach, SessionState s) {
    if (s.outcome() == null) {
      return "";
    }
    if (s.outcome() != Outcome.RED_FLAG && s.outcome() != Outcome.INTERRUPTED) {
      if (s.spread()) {
        return m.get("outcome.symptomsSpread");
      }
      if (s.stopForToday()) {
        return m.get("outcome.stoppedToday");
      }
      if (s.outcome() == Outcome.COMPLETED && painStayedHigh(coach, s)) {
        return m.get("outcome.painHigh");
      }
    }
    return switch (s.outcome()) {
      case COMPLETED -> !s.stopped().isEmpty() ? m.get("outcome.doneWithStop")
          : skippedByChoice(coach, s) == coach.routine().exercises().size()
              ? m.get("outcome.noneDone")
          : skippedByChoice(coach, s) > 0 ? m.get("outcome.someSkipped")
          : m.get("outcome.wellDone");
      case STOPPED_FOR_PAIN -> m.get("outcome.stoppedForPain");
      case RED_FLAG -> m.get("outcome.redFlag");
      case QUIT -> m.get("outcome.quit");
      case INTERRUPTED -> m.get("outcome.interrupted");
    };
  }
}
