package coach.tui.view;

import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.Phase;
import coach.routine.RedFlag;
import coach.routine.Routine;
import coach.session.Coach;
import coach.session.Overlay;
import coach.session.Rating;
import coach.session.Screen;
import coach.session.SessionState;
import coach.tui.words.Messages;
import coach.tui.words.Reasons;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a session state: one view per screen, overlays on top, a header with where you are and a
 * footer with the keys that work now. Only reads the state.
 */
public final class Views {
  /** The smallest size the views are laid out for; below it the loop asks for a larger window. */
  public static final int MIN_COLUMNS = 40;
  public static final int MIN_ROWS = 12;

  private Views() {}

  public static void draw(Canvas c, Coach coach, SessionState s) {
    Routine routine = coach.routine();
    boolean ascii = c.style().ascii();
    Messages m = c.words();
    c.bar(0, m.get("app.name") + sep(ascii) + routine.title(), position(m, coach, s));
    int top = 2;
    switch (s.screen()) {
      case WELCOME -> welcome(c, routine, top);
      case RESUME -> resume(c, coach, top, s.choice());
      case SCREENING -> screening(c, coach, s, top);
      case URGENT -> EndViews.urgent(c, routine, top);
      case NEXT_MORNING -> yesNo(c, top, m.get("nextMorning.title"),
          m.get("nextMorning.question"), m.get("nextMorning.hint"), s.choice());
      case OFFER_HARDER -> offer(c, coach, s, top);
      case PAIN -> pain(c, coach, s, top);
      case PAIN_REGION -> region(c, routine, s, top);
      case HIGH_PAIN -> EndViews.highPain(c, coach, s, top);
      case INTRO -> intro(c, coach, s, top);
      case GET_READY -> getReady(c, coach, s, top);
      case REP -> rep(c, coach, s, top);
      case REST -> rest(c, coach, s, top);
      case SWITCH -> switched(c, coach, s, top);
      case CONTACT -> EndViews.contact(c, coach, s, top);
      case SUMMARY -> EndViews.summary(c, coach, s, top);
      default -> { }
    }
    c.bar(c.height() - 1, Footer.line(m, coach, s, ascii, c.width()), "");
    if (s.overlay() != Overlay.NONE) {
      overlay(c, s, ascii);
    }
  }

  private static String sep(boolean ascii) {
    return Glyphs.sep(ascii);
  }

  /** "Set 1/3" etc. for the header, when an exercise is under way. */
  private static String position(Messages m, Coach coach, SessionState s) {
    return switch (s.screen()) {
      case INTRO, GET_READY, REP, REST, PAIN, PAIN_REGION, SWITCH, CONTACT -> {
        if (s.screen() == Screen.PAIN || s.screen() == Screen.PAIN_REGION) {
          if (s.painKind() == Rating.Kind.BASELINE) {
            yield "";
          }
        }
        yield m.get("header.exercise", s.exercise() + 1, coach.routine().exercises().size());
      }
      default -> "";
    };
  }

  // ---- screens -------------------------------------------------------------------------------

  private static void welcome(Canvas c, Routine r, int top) {
    int w = c.width() - 4;
    int last = c.height() - 3;
    // the header already names the routine; small windows give its rows to the disclaimer
    int row = c.height() < 16 ? top : c.paragraph(2, top, w, 2, r.title(), true) + 1;
    String disclaimer = r.disclaimer() == null || r.disclaimer().isBlank()
        ? c.words().get("welcome.disclaimer") : r.disclaimer();
    row = c.paragraph(2, row, w, Math.max(1, last - row - 1), disclaimer, false) + 1;
    c.paragraph(2, Math.min(row, last), w, 2, c.words().get("welcome.next"), true);
  }

  private static void resume(Canvas c, Coach coach, int top, int choice) {
    Messages m = c.words();
    yesNo(c, top, m.get("resume.title"), StartOptionsText.question(m, coach),
        m.get("resume.hint.yes") + sep(c.style().ascii()) + m.get("resume.hint.no"), choice);
  }

  private static void screening(Canvas c, Coach coach, SessionState s, int top) {
    RedFlag q = coach.question(s);
    int total = coach.routine().redFlags().questions().size();
    String title = c.words().get("screening.title", s.question() + 1, total);
    yesNo(c, top, title, q == null ? "" : q.question(), c.words().get("screening.hint"),
        s.choice());
  }

  private static void yesNo(Canvas c, int top, String title, String question, String hint,
      int choice) {
    int w = c.width() - 4;
    c.bold(2, top, title);
    int row = c.paragraph(2, top + 2, w, Math.max(1, c.height() - top - 7), question, true) + 1;
    String noWord = c.words().get("answer.no");
    String yesWord = c.words().get("answer.yes");
    String no = choice == 0 ? "[ " + noWord + " ]" : "  " + noWord + "  ";
    String yes = choice == 1 ? "[ " + yesWord + " ]" : "  " + yesWord + "  ";
    int yesCol = 4 + no.length() + 4;
    if (choice == 0) {
      c.highlight(4, row, no);
    } else {
      c.text(4, row, no);
    }
    if (choice == 1) {
      c.highlight(yesCol, row, yes);
    } else {
      c.text(yesCol, row, yes);
    }
    c.paragraph(2, row + 2, w, 2, hint, false);
  }

  private static void offer(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.offered(s);
    if (e == null) {
      return;
    }
    int at = s.level(coach.routine().exercises().indexOf(e));
    Level harder = e.level(Math.max(0, at - 1));
    Messages m = c.words();
    String q = m.get("offer.question", e.name(), coach.routine().painRule().progressAfterSessions(),
        e.level(at).name(), harder.name());
    yesNo(c, top, m.get("offer.title"), q, m.get("offer.hint.yes") + sep(c.style().ascii())
        + m.get("offer.hint.no"), s.choice());
  }

  private static void pain(Canvas c, Coach coach, SessionState s, int top) {
    int w = c.width() - 4;
    Messages m = c.words();
    boolean baseline = s.painKind() == Rating.Kind.BASELINE;
    String q = m.get(baseline ? "pain.baseline.question" : "pain.question");
    if (!baseline) {
      // which set this rating is for, so the person (and the record) know what it is about
      c.text(2, top - 1, Canvas.fit(m.get("pain.after", coach.exercise(s).name(),
          where(m, coach, s, false)), c.width() - 4));
    }
    int row = c.paragraph(2, top, w, 2, q, true) + 1;
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
  static String scaleWord(Messages m, int v) {
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

  private static void region(Canvas c, Routine r, SessionState s, int top) {
    Messages m = c.words();
    String q = r.painRule().regionQuestion();
    c.paragraph(2, top, c.width() - 4, 1, q == null ? m.get("region.question") : q, true);
    List<String> options = new ArrayList<>();
    options.add(m.get("region.none"));
    for (String region : r.painRule().regions()) {
      options.add(capitalise(region));
    }
    int row = top + 2;
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
      c.text(2, row, m.get(s.draftRegion() < 0 ? "region.hint.choose" : "region.hint.chosen",
          s.draftValue()));
    }
  }

  private static void intro(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    Level l = coach.level(s);
    Messages m = c.words();
    int w = c.width() - 4;
    int row = c.paragraph(2, top, w, 2, e.name(), true);
    row = c.paragraph(2, row, w, 2, m.get("intro.level", l.name(),
        levelWords(m, e, s.level(s.exercise()))), false) + 1;
    row = goodNews(c, coach, s, row);
    row = c.paragraph(2, row, w, 3, l.feel(), false) + 1;
    String dose = dose(m, e)
        + (e.frequency() == null ? "" : sep(c.style().ascii()) + e.frequency());
    row = c.paragraph(2, row, w, 2, dose, true);
    if (s.set() > 1 || s.round() > 0) {
      String round = roundName(e, s.round());
      row = c.paragraph(2, row, w, 1, round.isEmpty() ? m.get("intro.continuing", s.set())
          : m.get("intro.continuing.round", s.set(), round), false);
    }
    row++;
    for (Phase p : l.phases()) {
      if (row >= c.height() - 2) {
        break;
      }
      String t = p.timed() ? m.get("phase.timed", p.seconds(), p.cue())
          : m.get("phase.untimed", p.cue());
      row = c.paragraph(4, row, w - 2, 2, t, false);
    }
  }

  /** Why the exercise under way changed level or stopped. */
  static String notice(Messages m, Coach coach, SessionState s) {
    return s.notice() == null ? ""
        : Reasons.text(m, s.notice(), coach.exercise(s), coach.routine().painRule().regions());
  }

  /** Where a level stands, in a patient's words. */
  static String levelWords(Messages m, Exercise e, int level) {
    if (level == e.startLevel()) {
      return m.get("level.prescribed");
    }
    if (level < e.startLevel()) {
      return m.get("level.harder");
    }
    return m.get(level == e.easiestLevel() ? "level.easiest" : "level.easier");
  }

  /** "3 sets x 10 reps", and what each is for when the exercise has several rounds. */
  private static String dose(Messages m, Exercise e) {
    if (e.rounds().size() == 1 && e.rounds().get(0).isEmpty()) {
      return m.get("intro.dose", e.sets(), e.reps());
    }
    return m.get("intro.dose.rounds", e.sets(), e.reps(), String.join(" / ", e.rounds()));
  }

  /** The good-news line after symptoms moved back toward the centre; returns the next row. */
  private static int goodNews(Canvas c, Coach coach, SessionState s, int row) {
    if (s.goodNews() == null || row >= c.height() - 3) {
      return row;
    }
    return c.paragraph(2, row, c.width() - 4, 2,
        Reasons.goodNews(c.words(), s.goodNews(), coach.routine().painRule().regions()), true) + 1;
  }

  /** What to focus on in this round (a spine segment's own cue), or "". */
  private static String focus(Exercise e, int round) {
    return round < e.roundFocus().size() ? e.roundFocus().get(round) : "";
  }

  private static String roundName(Exercise e, int round) {
    String r = e.rounds().get(round);
    return r.isEmpty() ? "" : r;
  }

  /** "Left leg - Set 1 of 3 - Rep 2 of 10". */
  private static String where(Messages m, Coach coach, SessionState s, boolean withRep) {
    return where(m, coach, s, withRep, false);
  }

  /** With the rep, in as many columns as there are: "Left leg - Set 1/3 - Rep 2/10" when narrow. */
  private static String where(Messages m, Coach coach, SessionState s, int columns) {
    String full = where(m, coach, s, true, false);
    return full.length() <= columns ? full : where(m, coach, s, true, true);
  }

  private static String where(Messages m, Coach coach, SessionState s, boolean withRep,
      boolean compact) {
    Exercise e = coach.exercise(s);
    List<String> parts = new ArrayList<>();
    String round = roundName(e, s.round());
    if (!round.isEmpty()) {
      parts.add(capitalise(round));
    }
    parts.add(m.get(compact ? "where.set.compact" : "where.set", s.set(), e.sets()));
    if (withRep) {
      parts.add(m.get(compact ? "where.rep.compact" : "where.rep", s.rep(), e.reps()));
    }
    return String.join(Glyphs.sep(false).replace("\u00b7", "-"), parts);
  }

  private static void countdown(Canvas c, Coach coach, SessionState s, int row) {
    long secs = coach.secondsShown(s);
    long rest = secs % 60;
    String digits = secs >= 60 ? (secs / 60) + (rest < 10 ? ":0" : ":") + rest
        : Long.toString(secs);
    boolean big = c.height() >= 20 && c.bigCentered(row, digits);
    if (!big) {
      c.centered(row, c.words().get("countdown.seconds", digits), true);
    }
  }

  private static int countdownRows(Canvas c) {
    return c.height() >= 20 ? 6 : 2;
  }

  private static void getReady(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    Messages m = c.words();
    c.centered(top, m.get("getReady.title", e.name()), true);
    c.centered(top + 1, where(m, coach, s, false), false);
    countdown(c, coach, s, top + 3);
    int row = top + 3 + countdownRows(c);
    row = goodNews(c, coach, s, row);
    String focus = focus(e, s.round());
    if (!focus.isEmpty()) {
      row = c.paragraph(2, row, c.width() - 4, 2, m.get("getReady.focus", focus), false);
    }
    Phase first = coach.level(s).phases().get(0);
    c.paragraph(2, row, c.width() - 4, 3, m.get("getReady.first", first.cue()), false);
  }

  private static void rep(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    Level l = coach.level(s);
    Phase p = coach.phase(s);
    boolean ascii = c.style().ascii();
    Messages m = c.words();
    c.text(2, top - 1, Canvas.fit(e.name() + sep(ascii) + l.name(), c.width() - 4));
    c.bold(2, top, where(m, coach, s, c.width() - 4));
    String focus = focus(e, s.round());
    if (!focus.isEmpty()
        && Canvas.wrap(Canvas.clean(focus), Math.max(1, c.width() - 4)).size() == 1) {
      c.text(2, top + 1, Canvas.clean(focus));
    }
    int row = top + 2;
    if (p.timed()) {
      countdown(c, coach, s, row);
      row += countdownRows(c);
    } else {
      c.centered(row, m.get("rep.pressEnter"), true);
      row += 2;
    }
    row = c.paragraph(2, row, c.width() - 4, 3, p.cue(), true);
    if (row < c.height() - 3) {
      int barWidth = Math.min(40, c.width() - 20);
      double frac = p.timed() && s.duration() > 0
          ? 1.0 - (double) s.remaining(coach.clock().nanoTime()) / s.duration()
          : 0;
      // a whole-second view of progress so the bar changes with the digits, not every frame
      long secs = p.timed() ? p.seconds() : 1;
      frac = Math.floor(frac * secs + 1e-9) / secs;
      c.progress(2, row + 1, barWidth, frac);
      c.text(4 + barWidth, row + 1, m.get("rep.phase", s.phase() + 1, l.phases().size()));
      row += 2;
    }
    String next = s.phase() + 1 < l.phases().size()
        ? m.get("rep.next.cue", l.phases().get(s.phase() + 1).cue())
        : s.rep() < e.reps() ? m.get("rep.next.rep", s.rep() + 1, l.phases().get(0).cue())
        : m.get("rep.next.pain");
    // the whole cue or nothing: a cue cut mid-sentence misleads
    List<String> lines = Canvas.wrap(Canvas.clean(next), Math.max(1, c.width() - 4));
    if (row + lines.size() < c.height() - 1) {
      c.paragraph(2, row + 1, c.width() - 4, lines.size(), next, false);
    }
  }

  private static void rest(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    Messages m = c.words();
    c.centered(top, m.get("rest.title"), true);
    countdown(c, coach, s, top + 2);
    int row = top + 2 + countdownRows(c);
    row = goodNews(c, coach, s, row);
    row = c.paragraph(2, row, c.width() - 4, 2, m.get("rest.next", e.name(),
        where(m, coach, s, false)), false) + 1;
    if (row < c.height() - 2) {
      c.paragraph(2, row, c.width() - 4, 2, m.get("rest.hint"), false);
    }
  }

  private static void switched(Canvas c, Coach coach, SessionState s, int top) {
    int w = c.width() - 4;
    Messages m = c.words();
    c.bold(2, top, m.get("switch.title"));
    int row = c.paragraph(2, top + 2, w, 3, notice(m, coach, s), false) + 1;
    Level l = coach.level(s);
    row = c.paragraph(2, row, w, 2, m.get("switch.now", l.name()), true);
    row = c.paragraph(2, row, w, 2, l.feel(), false) + 1;
    for (Phase p : l.phases()) {
      if (row >= c.height() - 2) {
        break;
      }
      row = c.paragraph(4, row, w - 2, 2, p.timed() ? m.get("phase.timed", p.seconds(), p.cue())
          : p.cue(), false);
    }
  }

  // ---- footer and overlays -------------------------------------------------------------------

  private static void overlay(Canvas c, SessionState s, boolean ascii) {
    Messages m = c.words();
    List<String> lines = new ArrayList<>();
    String title;
    switch (s.overlay()) {
      case PAUSE -> {
        title = m.get("pause.title");
        lines.add(m.get("pause.hint"));
      }
      case HELP -> {
        title = m.get("help.title");
        lines.addAll(help(m, ascii));
      }
      case QUIT_CONFIRM -> {
        title = m.get("quit.title");
        lines.add(m.get("quit.saved"));
        lines.add("");
        String no = m.get("quit.no");
        String yes = m.get("quit.yes");
        lines.add(s.choice() == 1 ? "  " + no + "   [ " + yes + " ]"
            : "[ " + no + " ]   " + yes + "  ");
      }
      default -> {
        return;
      }
    }
    int inner = title.length();
    for (String l : lines) {
      inner = Math.max(inner, l.length());
    }
    inner = Math.min(inner, c.width() - 4);
    if (inner < 4 || c.height() < 5) {
      c.highlight(0, 0, title);
      return;
    }
    int boxW = inner + 4;
    int boxH = Math.min(lines.size() + 4, c.height() - 2);
    int col = Math.max(0, (c.width() - boxW) / 2);
    int row = Math.max(1, (c.height() - boxH) / 2);
    String h = ascii ? "-" : "\u2500";
    String v = ascii ? "|" : "\u2502";
    String tl = ascii ? "+" : "\u250c";
    String tr = ascii ? "+" : "\u2510";
    String bl = ascii ? "+" : "\u2514";
    String br = ascii ? "+" : "\u2518";
    c.text(col, row, tl + h.repeat(boxW - 2) + tr);
    for (int i = 1; i < boxH - 1; i++) {
      c.text(col, row + i, v + " ".repeat(boxW - 2) + v);
    }
    c.text(col, row + boxH - 1, bl + h.repeat(boxW - 2) + br);
    c.bold(col + 2, row + 1, Canvas.fit(title, inner));
    for (int i = 0; i < lines.size() && i + 3 < boxH; i++) {
      String line = Canvas.fit(lines.get(i), inner);
      if (line.contains("[")) {
        int a = line.indexOf('[');
        int b = line.indexOf(']') + 1;
        c.text(col + 2, row + 3 + i, line.substring(0, a));
        c.highlight(col + 2 + a, row + 3 + i, line.substring(a, b));
        c.text(col + 2 + b, row + 3 + i, line.substring(b));
      } else {
        c.text(col + 2, row + 3 + i, line);
      }
    }
  }

  /** The help overlay: each key, then what it does, in two columns. */
  static List<String> help(Messages m, boolean ascii) {
    String[][] rows = {
      {m.get("keys.enter"), m.get("help.confirm")},
      {m.get("keys.space"), m.get("help.pause")},
      {"0-10", m.get("help.rate")},
      {Glyphs.arrowKeys(ascii, m), m.get("help.arrows")},
      {"s", m.get("help.skip")},
      {"!", m.get("help.redFlag")},
      {"?", m.get("help.help")},
      {"q", m.get("help.quit")},
      {m.get("keys.esc"), m.get("help.back")},
    };
    int column = 9;
    for (String[] r : rows) {
      column = Math.max(column, r[0].length() + 2);
    }
    List<String> lines = new ArrayList<>();
    for (String[] r : rows) {
      lines.add(r[0] + " ".repeat(column - r[0].length()) + r[1]);
    }
    return lines;
  }

  static String capitalise(String s) {
    return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
