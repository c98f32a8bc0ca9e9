package coach.tui.view;

import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.RedFlag;
import coach.routine.Routine;
import coach.session.Coach;
import coach.session.SessionState;
import coach.tui.words.Messages;

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
    // the header already names the routine; small windows give its rows to the disclaimer
    int row = c.height() < 16 ? top : c.paragraph(2, top, w, 2, title, true) + 1;
    String disclaimer = ownDisclaimer == null || ownDisclaimer.isBlank()
        ? c.words().get("welcome.disclaimer") : ownDisclaimer;
    row = c.paragraph(2, row, w, Math.max(1, last - row - 1), disclaimer, false) + 1;
    if (week != null) {
      row = WeekView.draw(c, week, row, last - 1);
    }
    c.paragraph(2, Math.min(row, last), w, 2, c.words().get("welcome.next"), true);
  }

  static void resume(Canvas c, Coach coach, int top, int choice) {
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
    yesNo(c, top, title, q == null ? "" : q.question(), hint, s.choice());
  }

  static void yesNo(Canvas c, int top, String title, String question, String hint,
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
        + m.get("offer.hint.no"), s.choice());
  }
}
