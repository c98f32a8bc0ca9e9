package coach.tui.view;

import coach.routine.Exercise;
import coach.routine.Routine;
import coach.session.Coach;
import coach.session.Overlay;
import coach.session.Rating;
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
    draw(c, coach, s, null);
  }

  /** With how the patient's week stands on the welcome screen ({@code week} null: not shown). */
  public static void draw(Canvas c, Coach coach, SessionState s, Week week) {
    Routine routine = coach.routine();
    boolean ascii = c.style().ascii();
    Messages m = c.words();
    c.bar(0, m.get("app.name") + sep(ascii) + routine.title(), position(m, coach, s));
    int top = 2;
    // a switch over every screen, so a new one does not compile until it has a view
    Runnable view = switch (s.screen()) {
      case WELCOME -> () -> QuestionViews.welcome(c, routine, week, top);
      case RESUME -> () -> QuestionViews.resume(c, coach, top, s.dialog().choice());
      case SCREENING -> () -> QuestionViews.screening(c, coach, s, top);
      case URGENT -> () -> EndViews.urgent(c, routine, top);
      case NEXT_MORNING -> () -> QuestionViews.yesNo(c, top, m.get("nextMorning.title"),
          m.get("nextMorning.question"), m.get("nextMorning.hint"), s.dialog().choice());
      case OFFER_HARDER -> () -> QuestionViews.offer(c, coach, s, top);
      case PAIN -> () -> PainViews.pain(c, coach, s, top);
      case HIGH_PAIN -> () -> EndViews.highPain(c, coach, s, top);
      case INTRO -> () -> ExerciseViews.intro(c, coach, s, top);
      case GET_READY -> () -> ExerciseViews.getReady(c, coach, s, top);
      case REP -> () -> ExerciseViews.rep(c, coach, s, top);
      case REST -> () -> ExerciseViews.rest(c, coach, s, top);
      case SWITCH -> () -> ExerciseViews.switched(c, coach, s, top);
      case CONTACT -> () -> EndViews.contact(c, coach, s, top);
      case SUMMARY -> () -> EndViews.summary(c, coach, s, top);
      case STOP_TODAY -> () -> StopViews.stopToday(c, coach, s, top);
      case LOCKED -> () -> StopViews.locked(c, coach, top);
      case CLEARANCE -> () -> StopViews.clearance(c, coach, s, top);
      case SERIOUS_SIGNS -> () -> StopViews.serious(c, coach, s, top);
      case SEE_DOCTOR -> () -> StopViews.seeDoctor(c, top);
    };
    view.run();
    c.bar(c.height() - 1, Footer.line(m, coach, s, ascii, c.width(), c.scrollMax() > 0), "");
    if (s.overlay() != Overlay.NONE) {
      Overlays.overlay(c, s, ascii);
    }
  }

  /**
   * The welcome screen as {@link #draw} shows it, from the routine's title and disclaimer alone,
   * without the week: drawn while the routine is read and the history opened.
   */
  public static void welcomePreview(Canvas c, String title, String disclaimer) {
    Messages m = c.words();
    boolean ascii = c.style().ascii();
    c.bar(0, m.get("app.name") + sep(ascii) + title, "");
    QuestionViews.welcome(c, title, disclaimer, null, 2);
    java.util.List<Footer.Key> keys = new java.util.ArrayList<>(Footer.welcomeKeys(m));
    if (c.scrollMax() > 0) {
      keys.add(1, Footer.scrollKey(m, ascii));
    }
    c.bar(c.height() - 1, Footer.line(m, keys, ascii, c.width()), "");
  }

  static String sep(boolean ascii) {
    return Glyphs.sep(ascii);
  }

  /** "Set 1/3" etc. for the header, when an exercise is under way. */
  private static String position(Messages m, Coach coach, SessionState s) {
    String exercise = m.get("header.exercise", s.exercise() + 1,
        coach.routine().exercises().size());
    return switch (s.screen()) {
      case INTRO, GET_READY, REP, REST, SWITCH, CONTACT -> exercise;
      case PAIN -> s.painKind() == Rating.Kind.BASELINE ? "" : exercise;
      case WELCOME, LOCKED, CLEARANCE, SERIOUS_SIGNS, SEE_DOCTOR, RESUME, SCREENING, URGENT,
          NEXT_MORNING, OFFER_HARDER, HIGH_PAIN, STOP_TODAY, SUMMARY -> "";
    };
  }

  /** Why the exercise under way changed level or stopped. */
  static String notice(Messages m, Coach coach, SessionState s) {
    return s.notice() == null ? ""
        : Reasons.text(m, s.notice(), coach.exercise(s), coach.routine().painRule().regions());
  }

  /** The good-news line after symptoms moved back toward the centre; returns the next row. */
  static int goodNews(Canvas c, Coach coach, SessionState s, int row) {
    if (s.goodNews() == null || row >= c.height() - 3) {
      return row;
    }
    return c.paragraph(2, row, c.width() - 4, 2,
        Reasons.goodNews(c.words(), s.goodNews(), coach.routine().painRule().regions()), true) + 1;
  }

  /** "Left leg - Set 1 of 3 - Rep 2 of 10". */
  static String where(Messages m, Coach coach, SessionState s, boolean withRep) {
    return where(m, coach, s, withRep, false);
  }

  /** With the rep, in as many columns as there are: "Left leg - Set 1/3 - Rep 2/10" when narrow. */
  static String where(Messages m, Coach coach, SessionState s, int columns) {
    String full = where(m, coach, s, true, false);
    return full.length() <= columns ? full : where(m, coach, s, true, true);
  }

  static String where(Messages m, Coach coach, SessionState s, boolean withRep,
      boolean compact) {
    Exercise e = coach.exercise(s);
    List<String> parts = new ArrayList<>();
    String round = coach.round(s);
    if (!round.isEmpty()) {
      parts.add(capitalise(round));
    }
    parts.add(m.get(compact ? "where.set.compact" : "where.set", s.set(), e.sets()));
    if (withRep) {
      parts.add(m.get(compact ? "where.rep.compact" : "where.rep", s.rep(), e.reps()));
    }
    return String.join(Glyphs.sep(false).replace("\u00b7", "-"), parts);
  }

  static String capitalise(String s) {
    return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
