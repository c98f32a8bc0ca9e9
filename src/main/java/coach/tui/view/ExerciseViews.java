package coach.tui.view;

import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.Phase;
import coach.session.Coach;
import coach.session.SessionState;
import coach.tui.words.Messages;
import coach.tui.words.Reasons;
import java.util.List;

/**
 * An exercise under way: its introduction, get ready, the reps with the large countdown and the
 * cue, rest, and the change to an easier level.
 */
final class ExerciseViews {
  private ExerciseViews() {}

  static void intro(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    Level l = coach.level(s);
    Messages m = c.words();
    // the first phase's drawing beside the text, when the window has room for both
    List<Phase> phases = coach.phases(s);
    Phase first = phases.get(0);
    int drawing = Drawings.column(c, first, top);
    Drawings.draw(c, first, drawing, top);
    int w = Drawings.textWidth(c, drawing);
    int row = c.paragraph(2, top, w, 2, e.name(), true);
    row = c.paragraph(2, row, w, 2, m.get("intro.level", l.name(),
        levelWords(m, e, s.level(s.exercise()), coach.routine().selfStarted())), false) + 1;
    row = Views.goodNews(c, coach, s, row);
    row = c.paragraph(2, row, w, 3, l.feel(), false) + 1;
    if (l.position() != null) {
      row = c.paragraph(2, row, w, 3, m.get("intro.position", l.position()), false) + 1;
    }
    String dose = dose(m, e, s.level(s.exercise()))
        + (e.frequency() == null ? "" : Views.sep(c.style().ascii()) + e.frequency());
    row = c.paragraph(2, row, w, 2, dose, true);
    if (s.set() > 1 || s.round() > 0) {
      String round = coach.round(s);
      row = c.paragraph(2, row, w, 1, round.isEmpty() ? m.get("intro.continuing", s.set())
          : m.get("intro.continuing.round", s.set(), round), false);
    }
    row++;
    for (Phase p : phases) {
      if (row >= c.height() - 2) {
        break;
      }
      String t = p.timed() ? m.get("phase.timed", p.seconds(), p.cue())
          : m.get("phase.untimed", p.cue());
      row = c.paragraph(4, row, w - 2, 2, t, false);
    }
  }

  /**
   * Where a level stands, in a patient's words; a routine nobody prescribed ({@code self}) never
   * speaks of a prescribed level.
   */
  private static String levelWords(Messages m, Exercise e, int level, boolean self) {
    if (level == e.startLevel()) {
      return m.get(self ? "level.start" : "level.prescribed");
    }
    if (level < e.startLevel()) {
      return m.get(self ? "level.harder.self" : "level.harder");
    }
    return m.get(level == e.easiestLevel() ? "level.easiest" : "level.easier");
  }

  /** "3 sets x 10 reps", and what each is for when the exercise has several rounds. */
  private static String dose(Messages m, Exercise e, int level) {
    List<String> rounds = e.rounds(level);
    if (rounds.size() == 1 && rounds.get(0).isEmpty()) {
      return m.get("intro.dose", e.sets(), e.reps());
    }
    return m.get("intro.dose.rounds", e.sets(), e.reps(), String.join(" / ", rounds));
  }

  /** The seconds left, large when there is room: a part of the frame that ticks on its own. */
  private static void countdown(Canvas c, Coach coach, SessionState s, int row) {
    c.ticking(row, countdownRows(c), t -> digits(t, coach, s, row));
  }

  private static void digits(Canvas c, Coach coach, SessionState s, int row) {
    long secs = coach.secondsShown(s, c.now());
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

  static void getReady(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    Messages m = c.words();
    c.centered(top, m.get("getReady.title", e.name()), true);
    c.centered(top + 1, Views.where(m, coach, s, false), false);
    countdown(c, coach, s, top + 3);
    int row = top + 3 + countdownRows(c);
    // each whole or not at all: the first cue first, then where to start, the good news and the
    // focus, as the window has room; shown in reading order
    String news = s.goodNews() == null ? "" : Reasons.goodNews(m, s.goodNews(),
        coach.routine().painRule().regions());
    String focus = coach.focus(s);
    Level l = coach.level(s);
    String[] texts = {news, focus.isEmpty() ? "" : m.get("getReady.focus", focus),
        l.position() == null ? "" : m.get("getReady.position", l.position()),
        m.get("getReady.first", coach.phases(s).get(0).cue())};
    int w = c.width() - 4;
    int free = c.height() - 1 - row;
    boolean[] shown = new boolean[texts.length];
    shown[3] = true;
    int used = rows(texts[3], w);
    for (int i : new int[] {2, 0, 1}) {
      int need = rows(texts[i], w) + (i == 0 ? 1 : 0);
      if (!texts[i].isEmpty() && used + need <= free) {
        shown[i] = true;
        used += need;
      }
    }
    for (int i = 0; i < texts.length; i++) {
      if (shown[i]) {
        row = c.paragraph(2, row, w, Math.max(0, c.height() - 1 - row), texts[i], i == 0)
            + (i == 0 ? 1 : 0);
      }
    }
  }

  static void rep(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    Level l = coach.level(s);
    Phase p = coach.phase(s);
    boolean ascii = c.style().ascii();
    Messages m = c.words();
    // the exercise and its level, or the level alone when both do not fit
    String both = e.name() + Views.sep(ascii) + l.name();
    c.text(2, top - 1, Canvas.fit(Canvas.columns(both) <= c.width() - 4 ? both : l.name(),
        c.width() - 4));
    c.bold(2, top, Views.where(m, coach, s, c.width() - 4));
    String focus = coach.focus(s);
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
    // the phase's drawing beside the cue, when the window has room for both
    int drawing = Drawings.column(c, p, row);
    Drawings.draw(c, p, drawing, row);
    int w = Drawings.textWidth(c, drawing);
    row = c.paragraph(2, row, w, 3, p.cue(), true);
    if (row < c.height() - 3) {
      int barWidth = Math.min(40, w - 16);
      String phase = m.get("rep.phase", s.phase() + 1, coach.phases(s).size());
      int barRow = row + 1;
      c.ticking(barRow, 1, 2, w, t -> {
        t.progress(2, barRow, barWidth, phaseDone(s, p, t.now()));
        t.text(4 + barWidth, barRow, phase);
      });
      row += 2;
    }
    // symptoms that moved back toward the back, when the set goes on without a screen between
    if (s.goodNews() != null && row + 2 < c.height() - 1) {
      row = c.paragraph(2, row + 1, w, 2, Reasons.goodNews(m, s.goodNews(),
          coach.routine().painRule().regions()), true);
    }
    List<Phase> phases = coach.phases(s);
    String next = s.phase() + 1 < phases.size()
        ? m.get("rep.next.cue", phases.get(s.phase() + 1).cue())
        : s.rep() < e.reps() ? m.get("rep.next.rep", s.rep() + 1, phases.get(0).cue())
        : m.get("rep.next.pain");
    // the whole cue or nothing: a cue cut mid-sentence misleads
    List<String> lines = Canvas.wrap(Canvas.clean(next), Math.max(1, w));
    if (row + lines.size() < c.height() - 1) {
      c.paragraph(2, row + 1, w, lines.size(), next, false);
    }
  }

  /** The rows a paragraph takes at this width. */
  private static int rows(String text, int width) {
    return Canvas.wrap(Canvas.clean(text), Math.max(1, width)).size();
  }

  /** How much of the phase is done, in whole seconds so the bar moves with the digits. */
  private static double phaseDone(SessionState s, Phase p, long now) {
    if (!p.timed() || s.duration() <= 0) {
      return 0;
    }
    double frac = 1.0 - (double) s.remaining(now) / s.duration();
    return Math.floor(frac * p.seconds() + 1e-9) / p.seconds();
  }

  static void rest(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.exercise(s);
    Messages m = c.words();
    c.centered(top, m.get("rest.title"), true);
    countdown(c, coach, s, top + 2);
    int row = top + 2 + countdownRows(c);
    row = Views.goodNews(c, coach, s, row);
    row = c.paragraph(2, row, c.width() - 4, 2, m.get("rest.next", e.name(),
        Views.where(m, coach, s, false)), false) + 1;
    if (row < c.height() - 2) {
      c.paragraph(2, row, c.width() - 4, 2, m.get("rest.hint"), false);
    }
  }

  /** The change to an easier level and the new level, whole: it scrolls when longer. */
  static void switched(Canvas c, Coach coach, SessionState s, int top) {
    int w = c.width() - 4;
    Messages m = c.words();
    List<EndViews.Row> rows = new java.util.ArrayList<>();
    EndViews.add(rows, m.get("switch.title"), w, true);
    rows.add(new EndViews.Row("", false));
    EndViews.add(rows, Views.notice(m, coach, s), w, false);
    rows.add(new EndViews.Row("", false));
    Level l = coach.level(s);
    EndViews.add(rows, m.get("switch.now", l.name()), w, true);
    EndViews.add(rows, l.feel(), w, false);
    rows.add(new EndViews.Row("", false));
    if (l.position() != null) {
      EndViews.add(rows, m.get("intro.position", l.position()), w, false);
      rows.add(new EndViews.Row("", false));
    }
    for (Phase p : coach.phases(s)) {
      EndViews.addIndented(rows, p.timed() ? m.get("phase.timed", p.seconds(), p.cue())
          : p.cue(), w, 2);
    }
    EndViews.shown(c, rows, top, c.height() - 1);
  }
}
