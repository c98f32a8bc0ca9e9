package coach.tui.view;

import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.RedFlag;
import coach.routine.Routine;
import coach.session.Coach;
import coach.session.Choice;
import coach.session.SessionState;
import coach.tui.words.Messages;
import java.util.List;

/**
 * The screens before the exercises, most of them yes/no questions: welcome, continuing an
 * interrupted session, the red flags, the morning after, the harder level offered.
 */
final class QuestionViews {
  private QuestionViews() {}

  static void welcome(Canvas c, Routine r, Week week, int top) {
    welcome(c, r.title(), r.disclaimer(), week, top);
  }

  /** The welcome from the routine's title and disclaimer alone (also its preview). */
  static void welcome(Canvas c, String title, String ownDisclaimer, Week week, int top) {
    int w = c.width() - 4;
    int last = c.height() - 3;
    String disclaimer = ownDisclaimer == null || ownDisclaimer.isBlank()
        ? c.words().get("welcome.disclaimer") : ownDisclaimer;
    String next = c.words().get("welcome.next");
    int titleRows = c.height() < 16 ? 0 : rows(title, w) + 1;
    if (titleRows + rows(disclaimer, w) + 1 + rows(next, w) > c.height() - 1 - top) {
      // too short for all of it: the disclaimer scrolls, whole, above what comes next
      int nextRow = c.height() - 1 - rows(next, w);
      List<EndViews.Row> text = new java.util.ArrayList<>();
      EndViews.add(text, disclaimer, w, false);
      EndViews.shown(c, text, top, nextRow);
      c.paragraph(2, nextRow, w, rows(next, w), next, true);
      return;
    }
    // the header already names the routine; small windows give its rows to the disclaimer
    int row = c.height() < 16 ? top : c.paragraph(2, top, w, 2, title, true) + 1;
    row = c.paragraph(2, row, w, Math.max(1, last - row - 1), disclaimer, false) + 1;
    if (week != null) {
      row = WeekView.draw(c, week, row, last - 1);
    }
    c.paragraph(2, Math.min(row, last), w, 2, c.words().get("welcome.next"), true);
  }

  static void resume(Canvas c, Coach coach, int top, Choice choice) {
    Messages m = c.words();
    yesNo(c, top, m.get("resume.title"), StartOptionsText.question(m, coach),
        m.get("resume.hint.yes") + Views.sep(c.style().ascii()) + m.get("resume.hint.no"), choice);
  }

  static void screening(Canvas c, Coach coach, SessionState s, int top) {
    RedFlag q = coach.question(s);
    int total = coach.routine().redFlags().questions().size();
    String title = c.words().get("screening.title", s.question() + 1, total);
    // asked again after a stop: the hint says why
    String hint = c.words().get(s.recheck() ? "screening.recheck" : "screening.hint");
    yesNo(c, top, title, q == null ? "" : q.question(), hint, s.dialog().choice());
  }

  /**
   * A yes/no question, whole: on a short window the blank rows go first, then the hint (the
   * footer names the keys too); the question itself is never cut while the window is at least
   * the smallest size.
   */
  static void yesNo(Canvas c, int top, String title, String question, String hint,
      Choice choice) {
    int w = c.width() - 4;
    int t = rows(title, w);
    int q = rows(question, w);
    int h = rows(hint, w);
    int room = c.height() - 1 - top; // rows from the top to the footer
    boolean roomy = t + 1 + q + 1 + 1 + 1 + h <= room;
    boolean spaced = roomy || t + 1 + q + 1 + 1 + h <= room;
    boolean withHint = spaced || t + q + 1 + h <= room;
    int row = c.paragraph(2, top, w, t, title, true) + (spaced ? 1 : 0);
    row = c.paragraph(2, row, w, Math.max(1, room - (row - top) - 1), question, true)
        + (spaced ? 1 : 0);
    String noWord = c.words().get("answer.no");
    String yesWord = c.words().get("answer.yes");
    boolean noMarked = choice == Choice.FIRST;
    boolean yesMarked = choice == Choice.SECOND;
    String no = noMarked ? "[ " + noWord + " ]" : "  " + noWord + "  ";
    String yes = yesMarked ? "[ " + yesWord + " ]" : "  " + yesWord + "  ";
    int yesCol = 4 + no.length() + 4;
    if (noMarked) {
      c.highlight(4, row, no);
    } else {
      c.text(4, row, no);
    }
    if (yesMarked) {
      c.highlight(yesCol, row, yes);
    } else {
      c.text(yesCol, row, yes);
    }
    if (withHint) {
      c.paragraph(2, row + (roomy ? 2 : 1), w, h, hint, false);
    }
  }

  /** The rows a paragraph takes at this width. */
  static int rows(String text, int width) {
    return Canvas.wrap(Canvas.clean(text), Math.max(1, width)).size();
  }

  static void offer(Canvas c, Coach coach, SessionState s, int top) {
    Exercise e = coach.offered(s);
    if (e == null) {
      return;
    }
    int at = s.level(coach.routine().exercises().indexOf(e));
    Level harder = e.level(Math.max(0, at - 1));
    Messages m = c.words();
    String q = m.get("offer.question", e.name(), coach.routine().painRule().progressAfterSessions(),
        e.level(at).name(), harder.name());
    yesNo(c, top, m.get("offer.title"), q, m.get("offer.hint.yes") + Views.sep(c.style().ascii())
        + m.get("offer.hint.no"), s.dialog().choice());
  }
}
