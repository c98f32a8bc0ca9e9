package coach.tui.view;

import coach.routine.Contact;
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
import coach.session.SwitchNote;
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
    c.bar(0, Texts.APP + sep(ascii) + routine.title(), position(coach, s));
    int top = 2;
    switch (s.screen()) {
      case WELCOME -> welcome(c, routine, top);
      case RESUME -> resume(c, coach, top, s.choice());
      case SCREENING -> screening(c, coach, s, top);
      case URGENT -> EndViews.urgent(c, routine, top);
      case NEXT_MORNING -> yesNo(c, top, Texts.NEXT_MORNING_TITLE, Texts.NEXT_MORNING_Q,
          "If yes, today's exercises start one level easier.", s.choice());
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
    c.bar(c.height() - 1, Footer.line(coach, s, ascii, c.width()), "");
    if (s.overlay() != Overlay.NONE) {
      overlay(c, s, ascii);
    }
  }

  private static String sep(boolean ascii) {
    return Texts.sep(ascii);
  }

  /** "Set 1/3" etc. for the header, when an exercise is under way. */
  private static String position(Coach coach, SessionState s) {
    return switch (s.screen()) {
      case INTRO, GET_READY, REP, REST, PAIN, PAIN_REGION, SWITCH, CONTACT -> {
        if (s.screen() == Screen.PAIN || s.screen() == Screen.PAIN_REGION) {
          if (s.painKind() == Rating.Kind.BASELINE) {
            yield "";
          }
        }
        yield "Exercise " + (s.exercise() + 1) + "/" + coach.routine().exercises().size();
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
        ? Texts.NOT_A_DIAGNOSIS : r.disclaimer();
    row = c.paragraph(2, row, w, Math.max(1, last - row - 1), disclaimer, false) + 1;
    c.paragraph(2, Math.min(row, last), w, 2, Texts.WELCOME_NEXT, true);
  }

  private static void resume(Canvas c, Coach coach, int top, int choice) {
    StartOptionsText t = StartOptionsText.of(coach);
    yesNo(c, top, "Welcome back", t.question(), "y continue" + sep(c.style().ascii())
        + "n start again from the beginning", choice);
  }

  private static void screening(Canvas c, Coach coach, SessionState s, int top) {
    RedFlag q = coach.question(s);
    int total = coach.routine().redFlags().questions().size();
    String title = Texts.SCREENING_TITLE + " (" + (s.question() + 1) + " of " + total + ")";
    yesNo(c, top, title, q == null ? "" : q.question(), Texts.SCREENING_HINT, s.choice());
  }

  private static void yesNo(Canvas c, int top, String title, String question, String hint,
      int choice) {
    int w = c.width() - 4;
    c.bold(2, top, title);
    int row = c.paragraph(2, top + 2, w, Math.max(1, c.height() - top - 7), question, true) + 1;
    String no = choice == 0 ? "[ No ]" : "  No  ";
    String yes = choice == 1 ? "[ Yes ]" : "  Yes  ";
    if (choice == 0) {
      c.highlight(4, row, no);
    } else {
      c.text(4, row, no);
    }
    if (choice == 1) {
      c.highlight(14, row, yes);
    } else {
      c.text(14, row, yes);
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
    String q = e.name() + ": your pain has not gone up for "
        + coach.routine().painRule().progressAfterSessions()
        + " sessions at \"" + e.level(at).name() + "\". Try \"" + harder.name() + "\" today?";
    yesNo(c, top, Texts.OFFER_TITLE, q, "y yes, try it" + sep(c.style().ascii())
        + "n no, stay at this level", s.choice());
  }

  private static void pain(Canvas c, Coach coach, SessionState s, int top) {
    int w = c.width() - 4;
    boolean baseline = s.painKind() == Rating.Kind.BASELINE;
    String q = baseline ? Texts.BASELINE_Q : Texts.PAIN_Q;
    if (!baseline) {
      // which set this rating is for, so the person (and the record) know what it is about
      c.text(2, top - 1, Canvas.fit("After " + coach.exercise(s).name() + ": "
          + where(coach, s, false), c.width() - 4));
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
    String left = "no pain";
    String right = "worst imaginable";
    c.text(col0, row, left);
    c.text(Math.max(col0, col0 + scaleWidth - right.length()), row, right);
    row += 2;
    c.centered(row, s.draftValue() < 0 ? "Type a number from 0 to 10"
        : s.draftValue() + " - " + Texts.scaleWord(s.draftValue()), true);
    row += 2;
    Rating last = s.lastRating();
    if (last != null && !baseline && row < c.height() - 2) {
      c.text(2, row++, "Last rating: " + last.value() + " (" + Texts.scaleWord(last.value()) + ")");
    }
    if (row < c.height() - 2) {
      c.paragraph(2, row, w, 2, s.draftValue() < 0
          ? "Type a number (1 then 0 for 10) or use the arrows, then press Enter."
          : "Type a number (1 then 0 for 10) or use the arrows; Enter keeps the marked one.",
          false);
    }
  }

  private static void region(Canvas c, Routine r, SessionState s, int top) {
    String q = r.painRule().regionQuestion();
    c.paragraph(2, top, c.width() - 4, 1, q == null ? Texts.REGION_Q : q, true);
    List<String> options = new ArrayList<>();
    options.add(Texts.NO_SYMPTOMS);
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
      c.text(2, row, "Pain " + s.draftValue() + (s.draftRegion() < 0
          ? ". Choose with the arrows or a number, then press Enter." : "."));
    }
  }

  private static void intro(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    Level l = coach.level(s);
    int w = c.width() - 4;
    int row = c.paragraph(2, top, w, 2, e.name(), true);
    row = c.paragraph(2, row, w, 2, l.name() + " - " + levelWords(e, s.level(s.exercise())),
        false) + 1;
    row = goodNews(c, s, row);
    row = c.paragraph(2, row, w, 3, l.feel(), false) + 1;
    String dose = e.sets() + " sets x " + e.reps() + " reps" + rounds(e)
        + (e.frequency() == null ? "" : sep(c.style().ascii()) + e.frequency());
    row = c.paragraph(2, row, w, 2, dose, true);
    if (s.set() > 1 || s.round() > 0) {
      row = c.paragraph(2, row, w, 1, "Continuing at set " + s.set() + ", " + roundName(e,
          s.round()), false);
    }
    row++;
    for (Phase p : l.phases()) {
      if (row >= c.height() - 2) {
        break;
      }
      String t = (p.timed() ? p.seconds() + " s  " : "Enter ") + p.cue();
      row = c.paragraph(4, row, w - 2, 2, t, false);
    }
  }

  /** Where a level stands, in a patient's words. */
  static String levelWords(Exercise e, int level) {
    if (level == e.startLevel()) {
      return "the level your clinician prescribed";
    }
    if (level < e.startLevel()) {
      return "a step up from the prescribed level";
    }
    return level == e.easiestLevel() ? "the easiest version, to keep pain down"
        : "an easier version, to keep pain down";
  }

  /** The good-news line after symptoms moved back toward the centre; returns the next row. */
  private static int goodNews(Canvas c, SessionState s, int row) {
    if (s.goodNews() == null || row >= c.height() - 3) {
      return row;
    }
    return c.paragraph(2, row, c.width() - 4, 2, s.goodNews(), true) + 1;
  }

  /** What to focus on in this round (a spine segment's own cue), or "". */
  private static String focus(Exercise e, int round) {
    return round < e.roundFocus().size() ? e.roundFocus().get(round) : "";
  }

  private static String rounds(Exercise e) {
    if (e.rounds().size() == 1 && e.rounds().get(0).isEmpty()) {
      return "";
    }
    return ", each for: " + String.join(" / ", e.rounds());
  }

  private static String roundName(Exercise e, int round) {
    String r = e.rounds().get(round);
    return r.isEmpty() ? "" : r;
  }

  /** "Left leg · Set 1 of 3 · Rep 2 of 10". */
  private static String where(Coach coach, SessionState s, boolean withRep) {
    Exercise e = coach.exercise(s);
    List<String> parts = new ArrayList<>();
    String round = roundName(e, s.round());
    if (!round.isEmpty()) {
      parts.add(capitalise(round));
    }
    parts.add("Set " + s.set() + " of " + e.sets());
    if (withRep) {
      parts.add("Rep " + s.rep() + " of " + e.reps());
    }
    return String.join(Texts.sep(false).replace("\u00b7", "-"), parts);
  }

  private static void countdown(Canvas c, Coach coach, SessionState s, int row) {
    long secs = coach.secondsShown(s);
    long rest = secs % 60;
    String digits = secs >= 60 ? (secs / 60) + (rest < 10 ? ":0" : ":") + rest
        : Long.toString(secs);
    boolean big = c.height() >= 20 && c.bigCentered(row, digits);
    if (!big) {
      c.centered(row, digits + " s", true);
    }
  }

  private static int countdownRows(Canvas c) {
    return c.height() >= 20 ? 6 : 2;
  }

  private static void getReady(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    c.centered(top, Texts.GET_READY + ": " + e.name(), true);
    c.centered(top + 1, where(coach, s, false), false);
    countdown(c, coach, s, top + 3);
    int row = top + 3 + countdownRows(c);
    row = goodNews(c, s, row);
    String focus = focus(e, s.round());
    if (!focus.isEmpty()) {
      row = c.paragraph(2, row, c.width() - 4, 2, "Focus: " + focus, false);
    }
    Phase first = coach.level(s).phases().get(0);
    c.paragraph(2, row, c.width() - 4, 3, "First: " + first.cue(), false);
  }

  private static void rep(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    Level l = coach.level(s);
    Phase p = coach.phase(s);
    boolean ascii = c.style().ascii();
    c.text(2, top - 1, Canvas.fit(e.name() + sep(ascii) + l.name(), c.width() - 4));
    c.bold(2, top, where(coach, s, true));
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
      c.centered(row, "Press Enter when done", true);
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
      c.text(4 + barWidth, row + 1, "phase " + (s.phase() + 1) + " of " + l.phases().size());
      row += 2;
    }
    String next = s.phase() + 1 < l.phases().size() ? l.phases().get(s.phase() + 1).cue()
        : s.rep() < e.reps() ? "rep " + (s.rep() + 1) + ": " + l.phases().get(0).cue()
        : "pain check";
    // the whole cue or nothing: a cue cut mid-sentence misleads
    List<String> lines = Canvas.wrap(Canvas.clean("Next: " + next), Math.max(1, c.width() - 4));
    if (row + lines.size() < c.height() - 1) {
      c.paragraph(2, row + 1, c.width() - 4, lines.size(), "Next: " + next, false);
    }
  }

  private static void rest(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    c.centered(top, Texts.REST, true);
    countdown(c, coach, s, top + 2);
    int row = top + 2 + countdownRows(c);
    row = goodNews(c, s, row);
    row = c.paragraph(2, row, c.width() - 4, 2, "Next: " + e.name() + ", "
        + where(coach, s, false), false) + 1;
    if (row < c.height() - 2) {
      c.paragraph(2, row, c.width() - 4, 2, "Breathe easy. Press Enter if you are ready sooner.",
          false);
    }
  }

  private static void switched(Canvas c, Coach coach, SessionState s, int top) {
    int w = c.width() - 4;
    c.bold(2, top, Texts.SWITCH_TITLE);
    int row = c.paragraph(2, top + 2, w, 3, s.notice(), false) + 1;
    Level l = coach.level(s);
    row = c.paragraph(2, row, w, 2, "Now: " + l.name(), true);
    row = c.paragraph(2, row, w, 2, l.feel(), false) + 1;
    for (Phase p : l.phases()) {
      if (row >= c.height() - 2) {
        break;
      }
      row = c.paragraph(4, row, w - 2, 2, (p.timed() ? p.seconds() + " s  " : "") + p.cue(),
          false);
    }
  }

  // ---- footer and overlays -------------------------------------------------------------------

  private static void overlay(Canvas c, SessionState s, boolean ascii) {
    List<String> lines = new ArrayList<>();
    String title;
    switch (s.overlay()) {
      case PAUSE -> {
        title = Texts.PAUSED;
        lines.add(Texts.PAUSED_HINT);
      }
      case HELP -> {
        title = "Keys";
        lines.addAll(Texts.help(ascii));
      }
      case QUIT_CONFIRM -> {
        title = Texts.QUIT_Q;
        lines.add(Texts.QUIT_SAVED);
        lines.add("");
        lines.add(s.choice() == 1 ? "  No, keep going   [ Yes, end now ]"
            : "[ No, keep going ]   Yes, end now  ");
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

  static String capitalise(String s) {
    return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
