package coach.session;

import coach.routine.Phase;
import coach.routine.Routine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One key map per screen and overlay: each binding says which key does what now, by which words
 * the footer lists it, and how much it is needed when the footer is narrow. The core carries out
 * a key only through its binding here ({@link Coach#update}) and the footer lists the bindings'
 * labels, in their order, so the bottom line lists the keys that work now by construction.
 */
public final class KeyMap {
  /** Never gives way on a narrow footer. */
  public static final int ALWAYS = 100;
  /** The screen's main key, the one to press next. */
  public static final int MAIN = 80;
  /** The answers of a yes/no question: they outrank quit and help, so 40 columns keep "n no". */
  public static final int ANSWER = 65;
  public static final int QUIT = 60;
  public static final int HELP = 50;
  /** Where the symptoms reach, once it is chosen (before, it is the main key). */
  public static final int WHERE = 45;
  public static final int OTHER = 40;
  public static final int ARROWS = 30;
  /** Enter on the highlighted answer: gives way before the answers' own keys and the arrows. */
  public static final int ENTER_CHOICE = 25;

  /**
   * The keys that work on (nearly) every screen, listed where there is room and may go unlisted
   * where it is plain what they do: q (quit, asking first), ? (help), ! (the red-flag
   * questions). Every other key that does something is listed.
   */
  public static final Set<Event.Key> ALWAYS_KEYS =
      Collections.unmodifiableSet(EnumSet.of(Event.Key.QUIT, Event.Key.HELP, Event.Key.RED_FLAG));

  /** Which letter answers yes on a yes/no question: y always; s too where yes is "sí". */
  public enum YesKey {
    Y,
    Y_OR_S
  }

  /** What a key does. */
  public enum Action {
    /** Close the pause box and run the timer on from where it stopped. */
    RESUME,
    /** Close help or the quit dialog (keep going). */
    CLOSE,
    /** Ask whether to end the session. */
    ASK_QUIT,
    /** End the session, asked and answered. */
    END_SESSION,
    /** Leave at once: nothing follows on this screen but leaving. */
    LEAVE,
    /** Leave after the end (the summary, the urgent advice). */
    EXIT,
    OPEN_HELP,
    RED_FLAGS,
    PAUSE,
    /** Move the highlight between two answers or choices. */
    TOGGLE,
    YES,
    NO,
    /** Take the highlighted answer or choice. */
    CONFIRM_CHOICE,
    /** Back from the red-flag questions opened with "!". */
    BACK,
    /** A digit of the pain number. */
    RATE,
    /** The pain number one up or down. */
    ADJUST,
    /** Where the symptoms reach, one step nearer or further. */
    WHERE,
    CONFIRM_RATING,
    START,
    START_EXERCISE,
    SKIP_EXERCISE,
    START_NOW,
    SKIP_SET,
    REP_DONE,
    SKIP_REST,
    CONTINUE,
    SEE_SUMMARY
  }

  /** What the footer calls a key (the views put it into words). */
  public enum Label {
    START,
    START_NOW,
    CONFIRM,
    CONTINUE,
    DONE,
    SKIP_REST,
    CLOSE_END,
    CLOSE,
    BACK,
    PAUSE,
    RESUME,
    RATE,
    /** The pain number with the up and down arrows. */
    ADJUST,
    /** The pain number with the left and right arrows (up and down choose where). */
    ADJUST_SIDEWAYS,
    WHERE,
    CHOOSE,
    YES,
    NO,
    RESUME_YES,
    RESUME_NO,
    QUIT_YES,
    QUIT_NO,
    SKIP_SET,
    SKIP_EXERCISE,
    SEE_SUMMARY,
    QUIT,
    RED_FLAG,
    HELP
  }

  /**
   * A key and what it does now.
   *
   * @param key an {@link Event.Key} or an {@link Event.Digit}
   * @param label how the footer lists it; null for one of {@link #ALWAYS_KEYS} left unlisted
   * @param priority how much it is needed on a narrow footer (see the constants)
   */
  public record Binding(Event key, Action action, Label label, int priority) {
    public Binding {
      if (label == null && !(key instanceof Event.Key k && ALWAYS_KEYS.contains(k))) {
        throw new IllegalArgumentException("only q, ? and ! may go unlisted: " + key);
      }
    }
  }

  private static final Event.Key[] ARROW_KEYS = {Event.Key.UP, Event.Key.DOWN, Event.Key.LEFT,
    Event.Key.RIGHT};

  private final Routine routine;
  private final YesKey yes;

  KeyMap(Routine routine, YesKey yes) {
    this.routine = routine;
    this.yes = yes;
  }

  /** The keys of the welcome screen (also for its preview, drawn before there is a session). */
  public static List<Binding> welcome() {
    List<Binding> k = new ArrayList<>();
    k.add(new Binding(Event.Key.CONFIRM, Action.START, Label.START, MAIN));
    k.add(new Binding(Event.Key.QUIT, Action.ASK_QUIT, Label.QUIT, QUIT));
    k.add(new Binding(Event.Key.RED_FLAG, Action.RED_FLAGS, Label.RED_FLAG, ALWAYS));
    k.add(new Binding(Event.Key.HELP, Action.OPEN_HELP, Label.HELP, HELP));
    return List.copyOf(k);
  }

  /** The binding of a key now, or null when the key does nothing. */
  Binding binding(SessionState s, Event key) {
    for (Binding b : of(s)) {
      if (b.key().equals(key)) {
        return b;
      }
    }
    return null;
  }

  /** The keys that work in this state, in the order the footer lists them. */
  List<Binding> of(SessionState s) {
    List<Binding> k = new ArrayList<>();
    switch (s.overlay()) {
      case PAUSE -> {
        add(k, Action.RESUME, Label.RESUME, OTHER, Event.Key.PAUSE, Event.Key.CONFIRM);
        add(k, Action.ASK_QUIT, Label.QUIT, QUIT, Event.Key.QUIT);
        add(k, Action.RED_FLAGS, Label.RED_FLAG, ALWAYS, Event.Key.RED_FLAG);
        add(k, Action.OPEN_HELP, Label.HELP, HELP, Event.Key.HELP);
      }
      case HELP -> {
        add(k, Action.CLOSE, Label.CLOSE, OTHER, Event.Key.BACK, Event.Key.HELP,
            Event.Key.CONFIRM);
        if (redFlagAllowed(s.screen())) {
          add(k, Action.RED_FLAGS, Label.RED_FLAG, ALWAYS, Event.Key.RED_FLAG);
        }
        add(k, Action.ASK_QUIT, null, QUIT, Event.Key.QUIT);
      }
      case QUIT_CONFIRM -> {
        add(k, Action.END_SESSION, Label.QUIT_YES, OTHER, yesKeys());
        add(k, Action.END_SESSION, Label.QUIT_YES, OTHER, Event.Key.QUIT);
        add(k, Action.CLOSE, Label.QUIT_NO, OTHER, Event.Key.NO, Event.Key.BACK);
        if (redFlagAllowed(s.screen())) {
          add(k, Action.RED_FLAGS, Label.RED_FLAG, ALWAYS, Event.Key.RED_FLAG);
        }
        add(k, Action.TOGGLE, Label.CHOOSE, ARROWS, ARROW_KEYS);
        add(k, s.dialog().choice() == Choice.SECOND ? Action.END_SESSION
            : Action.CLOSE, Label.CONFIRM, ENTER_CHOICE, Event.Key.CONFIRM);
      }
      case NONE -> {
        screen(k, s);
        always(k, s);
      }
    }
    return List.copyOf(k);
  }

  /** The keys of the screen itself; a switch over every screen, so a new one must say its own. */
  private void screen(List<Binding> k, SessionState s) {
    Runnable keys = switch (s.screen()) {
      case WELCOME -> () -> add(k, Action.START, Label.START, MAIN, Event.Key.CONFIRM);
      case LOCKED, SEE_DOCTOR -> () -> add(k, Action.LEAVE, Label.CLOSE_END, MAIN,
          Event.Key.CONFIRM);
      case SUMMARY, URGENT -> () -> add(k, Action.EXIT, Label.CLOSE_END, MAIN,
          Event.Key.CONFIRM);
      case STOP_TODAY -> () -> add(k, Action.SEE_SUMMARY, Label.SEE_SUMMARY, MAIN,
          Event.Key.CONFIRM);
      case CLEARANCE, SERIOUS_SIGNS, NEXT_MORNING, OFFER_HARDER -> () -> yesNo(k, s, Label.YES,
          Label.NO, false);
      case SCREENING -> () -> yesNo(k, s, Label.YES, Label.NO,
          s.returnTo() != null && !s.recheck());
      case RESUME -> () -> yesNo(k, s, Label.RESUME_YES, Label.RESUME_NO, false);
      case PAIN -> () -> pain(k, s);
      case HIGH_PAIN, CONTACT -> () -> {
        add(k, Action.CONFIRM_CHOICE, Label.CONFIRM, MAIN, Event.Key.CONFIRM);
        add(k, Action.TOGGLE, Label.CHOOSE, ARROWS, ARROW_KEYS);
      };
      case INTRO -> () -> {
        add(k, Action.START_EXERCISE, Label.START, MAIN, Event.Key.CONFIRM);
        add(k, Action.SKIP_EXERCISE, Label.SKIP_EXERCISE, OTHER, Event.Key.SKIP);
      };
      case GET_READY -> () -> {
        add(k, Action.PAUSE, Label.PAUSE, OTHER, Event.Key.PAUSE);
        add(k, Action.START_NOW, Label.START_NOW, MAIN, Event.Key.CONFIRM);
        add(k, Action.SKIP_SET, Label.SKIP_SET, OTHER, Event.Key.SKIP);
      };
      case REP -> () -> {
        if (phase(s).timed()) {
          add(k, Action.PAUSE, Label.PAUSE, OTHER, Event.Key.PAUSE);
        } else {
          add(k, Action.REP_DONE, Label.DONE, MAIN, Event.Key.CONFIRM);
        }
        add(k, Action.SKIP_SET, Label.SKIP_SET, OTHER, Event.Key.SKIP);
      };
      case REST -> () -> {
        add(k, Action.SKIP_REST, Label.SKIP_REST, MAIN, Event.Key.CONFIRM, Event.Key.SKIP);
        add(k, Action.PAUSE, Label.PAUSE, OTHER, Event.Key.PAUSE);
      };
      case SWITCH -> () -> add(k, Action.CONTINUE, Label.CONTINUE, MAIN, Event.Key.CONFIRM);
    };
    keys.run();
  }

  /**
   * A yes/no question: its letters, Esc back when asked, the arrows to move the highlight and
   * Enter to take the highlighted answer.
   */
  private void yesNo(List<Binding> k, SessionState s, Label yesLabel, Label noLabel,
      boolean back) {
    add(k, Action.YES, yesLabel, ANSWER, yesKeys());
    add(k, Action.NO, noLabel, ANSWER, Event.Key.NO);
    if (back) {
      add(k, Action.BACK, Label.BACK, OTHER, Event.Key.BACK);
    }
    add(k, Action.TOGGLE, Label.CHOOSE, ARROWS, ARROW_KEYS);
    if (s.dialog().choice() != Choice.NONE) {
      add(k, Action.CONFIRM_CHOICE, Label.CONFIRM, ENTER_CHOICE, Event.Key.CONFIRM);
    }
  }

  /**
   * The pain check: digits and the arrows set the number; up and down choose where the symptoms
   * reach when the routine asks; Enter once both are marked.
   */
  private void pain(List<Binding> k, SessionState s) {
    boolean where = routine.painRule().spreadCounts();
    for (int d = 0; d <= 9; d++) {
      k.add(new Binding(new Event.Digit(d), Action.RATE, Label.RATE, OTHER));
    }
    if (where) {
      // once the number is marked, where the symptoms reach is what to answer next
      boolean next = s.draft().value().isPresent() && s.draft().region().isEmpty();
      add(k, Action.WHERE, Label.WHERE, next ? MAIN : WHERE, Event.Key.UP, Event.Key.DOWN);
    }
    if (s.draft().answered(where)) {
      add(k, Action.CONFIRM_RATING, Label.CONFIRM, MAIN, Event.Key.CONFIRM);
    }
    if (where) {
      add(k, Action.ADJUST, Label.ADJUST_SIDEWAYS, ARROWS, Event.Key.LEFT, Event.Key.RIGHT);
    } else {
      add(k, Action.ADJUST, Label.ADJUST, ARROWS, ARROW_KEYS);
    }
  }

  /**
   * q, ! and ? after the screen's own keys: q asks first, or leaves at once where nothing but
   * leaving follows; ! opens the red-flag questions but on their own screen and the urgent
   * advice; neither q on the last screens nor ? on the urgent advice is listed.
   */
  private void always(List<Binding> k, SessionState s) {
    Screen screen = s.screen();
    boolean last = screen == Screen.URGENT || screen == Screen.SUMMARY;
    add(k, finished(screen) || s.ended() ? Action.LEAVE : Action.ASK_QUIT,
        last ? null : Label.QUIT, QUIT, Event.Key.QUIT);
    if (redFlagAllowed(screen)) {
      add(k, Action.RED_FLAGS, Label.RED_FLAG, ALWAYS, Event.Key.RED_FLAG);
    }
    add(k, Action.OPEN_HELP, screen == Screen.URGENT ? null : Label.HELP, HELP,
        Event.Key.HELP);
  }

  /** The keys that answer yes: y, and s where yes is "sí". */
  private Event.Key[] yesKeys() {
    return yes == YesKey.Y_OR_S ? new Event.Key[] {Event.Key.YES, Event.Key.SKIP}
        : new Event.Key[] {Event.Key.YES};
  }

  /** Screens after which nothing follows but leaving: q leaves at once. */
  static boolean finished(Screen screen) {
    return screen == Screen.SUMMARY || screen == Screen.URGENT || screen == Screen.LOCKED
        || screen == Screen.SEE_DOCTOR;
  }

  /** The red-flag questions open from every screen but their own and the urgent advice. */
  static boolean redFlagAllowed(Screen screen) {
    return screen != Screen.SCREENING && screen != Screen.URGENT;
  }

  private Phase phase(SessionState s) {
    List<Phase> phases = routine.exercises().get(s.exercise())
        .phases(s.level(s.exercise()), s.round());
    return phases.get(Math.min(s.phase(), phases.size() - 1));
  }

  private static void add(List<Binding> k, Action action, Label label, int priority,
      Event.Key... keys) {
    for (Event.Key key : keys) {
      k.add(new Binding(key, action, label, priority));
    }
  }
}
