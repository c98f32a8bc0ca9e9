package coach.session;

import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.Phase;
import coach.routine.RedFlag;
import coach.routine.Routine;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The session core: {@code update(state, event, now)} gives the next state and the effects to
 * carry out. Pure: no terminal, no I/O, no threads, no clock: time comes with the input, the
 * moment each event happened (the loop stamps keys and ticks alike), so the same input always
 * gives the same output. Timers are deadlines chained one from the next, so however late a tick
 * arrives no time is lost or gained. The work is shared with {@link Questions} (the yes/no questions and the red flags),
 * {@link PainCheck}, {@link Walk} (the routine's sets, reps and rests) and {@link Timers}.
 */
public final class Coach {
  public static final long SECOND = 1_000_000_000L;
  /** The "get ready" countdown before each set (or round). */
  public static final long GET_READY = 3 * SECOND;

  private final Routine routine;
  private final StartOptions options;
  private final PainPolicy policy;
  private final Timers timers;
  private final PainCheck pain;
  private final Walk walk;
  private final Questions questions;
  private final KeyMap keyMap;

  public Coach(Routine routine, StartOptions options) {
    this(routine, options, KeyMap.YesKey.Y);
  }

  /** With the letter that answers yes: s as well as y where yes is "sí". */
  public Coach(Routine routine, StartOptions options, KeyMap.YesKey yes) {
    this.routine = routine;
    this.options = options;
    this.policy = new PainPolicy(routine.painRule());
    this.timers = new Timers(routine);
    this.pain = new PainCheck(routine, policy);
    this.walk = new Walk(routine, policy, pain, timers);
    this.questions = new Questions(routine, options, pain, timers, walk);
    this.keyMap = new KeyMap(routine, yes);
  }

  public Routine routine() {
    return routine;
  }

  public StartOptions options() {
    return options;
  }

  public PainPolicy policy() {
    return policy;
  }

  /** The first state: the welcome screen, each exercise at its carried-over level. */
  public SessionState start() {
    List<Integer> levels = new ArrayList<>();
    for (int i = 0; i < routine.exercises().size(); i++) {
      levels.add(questions.startLevel(i));
    }
    return SessionState.initial(levels);
  }

  /**
   * Applies one event, which happened at {@code now} (nanoseconds on the session's monotonic
   * clock). A tick before any timer runs out gives back the very same state.
   */
  public Transition update(SessionState s, Event event, long now) {
    if (event instanceof Event.Tick && !timers.due(s, now)) {
      return new Transition(s, List.of()); // no timer ran out: the very same state
    }
    SessionState.Builder b = s.toBuilder();
    List<Effect> fx = new ArrayList<>();
    if (event instanceof Event.Interrupt) {
      if (b.outcome == null) {
        Walk.end(b, fx, Outcome.INTERRUPTED);
      }
      fx.add(new Effect.Exit());
    } else if (event instanceof Event.Tick) {
      walk.runTimers(b, fx, now);
    } else if (event instanceof Event.Window w) {
      if (w.shown() == !s.hidden()) {
        return new Transition(s, List.of()); // as it was
      }
      shown(b, w.shown(), now);
    } else {
      KeyMap.Binding k = keyMap.binding(s, event);
      if (k == null) {
        return new Transition(s, List.of()); // a key that does nothing here
      }
      act(b, fx, k, event, now);
      if (b.hidden) {
        timers.pause(b, now); // a timer a key started waits for the window too
      }
    }
    return new Transition(b.build(), fx);
  }

  /**
   * When the next tick is due: the moment the countdown's whole seconds change or the timer ends.
   * Empty when nothing is timed (waiting for a key, paused, an overlay open).
   */
  public OptionalLong nextWake(SessionState s, long now) {
    return timers.nextWake(s, now);
  }

  /** Whole seconds shown on the countdown at {@code now} (rounded up), 0 when nothing is timed. */
  public long secondsShown(SessionState s, long now) {
    long r = s.remaining(now);
    return (r + SECOND - 1) / SECOND;
  }

  // ---- views' helpers ------------------------------------------------------------------------

  public Exercise exercise(SessionState s) {
    return routine.exercises().get(Math.min(s.exercise(), routine.exercises().size() - 1));
  }

  public Level level(SessionState s) {
    Exercise e = exercise(s);
    return e.level(s.level(routine.exercises().indexOf(e)));
  }

  /** The phases of a repetition now: of the level, in the round's direction. */
  public List<Phase> phases(SessionState s) {
    Exercise e = exercise(s);
    return e.phases(s.level(routine.exercises().indexOf(e)), s.round());
  }

  public Phase phase(SessionState s) {
    List<Phase> phases = phases(s);
    return phases.get(Math.min(s.phase(), phases.size() - 1));
  }

  /** The round's name now ("" for a single unnamed round). */
  public String round(SessionState s) {
    Exercise e = exercise(s);
    return e.round(s.level(routine.exercises().indexOf(e)), s.round());
  }

  /** What to focus on in this round now ("" for nothing). */
  public String focus(SessionState s) {
    Exercise e = exercise(s);
    return e.focus(s.level(routine.exercises().indexOf(e)), s.round());
  }

  /** The red-flag question on screen, or null when the routine has none. */
  public RedFlag question(SessionState s) {
    List<RedFlag> qs = routine.redFlags().questions();
    return s.question() < qs.size() ? qs.get(s.question()) : null;
  }

  /** The id of the sign of a serious cause asked about on screen, or null. */
  public String seriousSign(SessionState s) {
    return Questions.seriousSign(s);
  }

  /** The exercise whose harder level is being offered, or null. */
  public Exercise offered(SessionState s) {
    List<String> offers = questions.offers();
    return s.question() < offers.size() ? routine.exercise(offers.get(s.question())).orElse(null)
        : null;
  }

  // ---- keys: each carried out through its binding in the key map ---------------------------

  /** What the key does, as its binding says; a switch over every action. */
  private void act(SessionState.Builder b, List<Effect> fx, KeyMap.Binding k, Event e,
      long now) {
    Runnable carry = switch (k.action()) {
      case RESUME -> () -> {
        Timers.resume(b, now);
        b.overlay = Overlay.NONE;
      };
      case CLOSE -> () -> closeOverlay(b);
      case ASK_QUIT -> () -> {
        timers.pause(b, now);
        b.overlay = Overlay.QUIT_CONFIRM;
        b.choice = Choice.FIRST;
      };
      case END_SESSION -> () -> {
        b.overlay = Overlay.NONE;
        walk.toSummary(b, fx, Outcome.QUIT);
      };
      case LEAVE -> () -> {
        Walk.end(b, fx, Outcome.QUIT);
        fx.add(new Effect.Exit());
      };
      case EXIT -> () -> fx.add(new Effect.Exit());
      case OPEN_HELP -> () -> {
        timers.pause(b, now);
        b.overlay = Overlay.HELP;
      };
      case RED_FLAGS -> () -> {
        b.overlay = Overlay.NONE;
        questions.openRedFlags(b, now);
      };
      case PAUSE -> () -> {
        timers.pause(b, now);
        b.overlay = Overlay.PAUSE;
      };
      case TOGGLE -> () -> b.choice = b.choice.toggled();
      case YES -> () -> answer(b, fx, Event.Key.YES, now);
      case NO -> () -> answer(b, fx, Event.Key.NO, now);
      case CONFIRM_CHOICE -> () -> answer(b, fx, Event.Key.CONFIRM, now);
      case BACK -> () -> questions.onScreening(b, fx, Event.Key.BACK);
      case RATE, ADJUST, WHERE, CONFIRM_RATING -> () -> afterPain(b, fx, pain.onPain(b, fx, e),
          now);
      case START -> () -> questions.onWelcome(b, Event.Key.CONFIRM);
      case START_EXERCISE, SKIP_REST -> () -> walk.startRound(b, fx, now);
      case SKIP_EXERCISE -> () -> walk.nextExercise(b, fx);
      case START_NOW -> () -> walk.startReps(b, fx, now);
      case SKIP_SET -> () -> walk.endOfRound(b, fx, now);
      case REP_DONE -> () -> walk.advanceRep(b, fx, now);
      case CONTINUE -> () -> walk.afterRating(b, fx, now);
      case SEE_SUMMARY -> () -> walk.toSummary(b, fx, Outcome.STOPPED_FOR_PAIN);
    };
    carry.run();
  }

  /**
   * The window hides the session, or shows it again: hidden, a running timer keeps its time left
   * as a pause does; shown, it runs on, unless the person paused it (or a window is open over
   * it, or it waits behind the red-flag questions), when it waits for them as before.
   */
  private void shown(SessionState.Builder b, boolean shown, long now) {
    b.hidden = !shown;
    if (!shown) {
      timers.pause(b, now);
    } else if (b.overlay == Overlay.NONE && timers.isTimed(b)) {
      Timers.resume(b, now);
    }
  }

  /**
   * Closing help or the quit dialog over a timer leaves it paused; Space resumes it. Over a
   * screen without a timer (the red-flag questions, opened from a countdown that waits for
   * them) nothing is paused on this screen: no pause box, which would take the answer's key.
   */
  private void closeOverlay(SessionState.Builder b) {
    b.overlay = Timers.paused(b) && timers.isTimed(b) ? Overlay.PAUSE : Overlay.NONE;
    b.choice = Choice.NONE;
  }

  /**
   * An answer on the screen that asks: y, n, or Enter on the highlighted one (the highlight moves
   * by {@link KeyMap.Action#TOGGLE}); a switch over every screen, so a new one must say whether
   * it asks.
   */
  private void answer(SessionState.Builder b, List<Effect> fx, Event.Key key, long now) {
    Runnable carry = switch (b.screen) {
      case CLEARANCE -> () -> questions.onClearance(b, fx, key);
      case SERIOUS_SIGNS -> () -> questions.onSeriousSigns(b, fx, key);
      case RESUME -> () -> questions.onResume(b, fx, key);
      case SCREENING -> () -> questions.onScreening(b, fx, key);
      case NEXT_MORNING -> () -> questions.onNextMorning(b, fx, key);
      case OFFER_HARDER -> () -> questions.onOfferHarder(b, fx, key);
      case HIGH_PAIN -> () -> afterPain(b, fx, pain.onHighPain(b, fx, key), now);
      case CONTACT -> () -> {
        if (key != Event.Key.CONFIRM) {
          return;
        }
        if (b.choice == Choice.SECOND) {
          walk.toSummary(b, fx, Outcome.STOPPED_FOR_PAIN);
        } else {
          walk.nextExercise(b, fx);
        }
      };
      case WELCOME, LOCKED, SEE_DOCTOR, URGENT, PAIN, INTRO, GET_READY, REP, REST, SWITCH,
          STOP_TODAY, SUMMARY -> () -> {
            throw new IllegalStateException("nothing is asked on " + b.screen);
          };
    };
    carry.run();
  }

  /** Where a pain-check key leads: a stop above the ceiling or for a spread asks again first. */
  private void afterPain(SessionState.Builder b, List<Effect> fx, PainCheck.Next next, long now) {
    if (next == PainCheck.Next.RECHECK) {
      questions.recheck(b, now);
    } else {
      walk.follow(b, fx, next, now);
    }
  }

  /** An arrow key: moves the highlight between two choices. */
  static boolean isToggle(Event e) {
    return e == Event.Key.LEFT || e == Event.Key.RIGHT || e == Event.Key.UP || e == Event.Key.DOWN;
  }

  /** The keys that work in this state, in the order the footer lists them (see {@link KeyMap}). */
  public List<KeyMap.Binding> keys(SessionState s) {
    return keyMap.of(s);
  }
}
