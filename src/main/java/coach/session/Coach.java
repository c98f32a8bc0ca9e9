package coach.session;

import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.PainRule;
import coach.routine.Phase;
import coach.routine.RedFlag;
import coach.routine.Routine;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The session core: {@code update(state, event)} gives the next state and the effects to carry
 * out. Pure: no terminal, no I/O, no threads; time comes from the injected {@link Clock}. Timers
 * are deadlines chained one from the next, so however late a tick arrives no time is lost or
 * gained.
 */
public final class Coach {
  public static final long SECOND = 1_000_000_000L;
  /** The "get ready" countdown before each set (or round). */
  public static final long GET_READY = 3 * SECOND;

  private final Routine routine;
  private final Clock clock;
  private final StartOptions options;
  private final PainPolicy policy;

  public Coach(Routine routine, Clock clock, StartOptions options) {
    this.routine = routine;
    this.clock = clock;
    this.options = options;
    this.policy = new PainPolicy(routine.painRule());
  }

  public Routine routine() {
    return routine;
  }

  public Clock clock() {
    return clock;
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
      levels.add(startLevel(i));
    }
    return SessionState.initial(levels);
  }

  /** Moves to the set and round an interrupted session stopped at. */
  private void applyResume(SessionState.Builder b) {
    StartOptions.ResumePoint r = options.resume();
    if (r != null && r.exerciseIndex() >= 0 && r.exerciseIndex() < routine.exercises().size()) {
      Exercise e = routine.exercises().get(r.exerciseIndex());
      b.exercise = r.exerciseIndex();
      b.set = Math.max(1, Math.min(e.sets(), r.set()));
      b.round = Math.max(0, Math.min(e.rounds().size() - 1, r.round()));
    }
  }

  /** Applies one event. */
  public Transition update(SessionState s, Event event) {
    long now = clock.nanoTime();
    SessionState.Builder b = s.toBuilder();
    List<Effect> fx = new ArrayList<>();
    if (event instanceof Event.Interrupt) {
      if (b.outcome == null) {
        end(b, fx, Outcome.INTERRUPTED);
      }
      fx.add(new Effect.Exit());
    } else if (event instanceof Event.Tick) {
      runTimers(b, fx, now);
    } else if (b.overlay != Overlay.NONE) {
      onOverlay(b, fx, event, now);
    } else if (!onGlobal(b, fx, event, now)) {
      onScreen(b, fx, event, now);
    }
    return new Transition(b.build(), fx);
  }

  /**
   * When the next tick is due: the moment the countdown's whole seconds change or the timer ends.
   * Empty when nothing is timed (waiting for a key, paused, an overlay open).
   */
  public OptionalLong nextWake(SessionState s) {
    if (s.overlay() != Overlay.NONE || s.paused() || !timed(s.screen(), s.exercise(),
        s.levels(), s.phase())) {
      return OptionalLong.empty();
    }
    long remaining = s.deadline() - clock.nanoTime();
    if (remaining <= 0) {
      return OptionalLong.of(s.deadline());
    }
    long shown = (remaining + SECOND - 1) / SECOND;
    return OptionalLong.of(s.deadline() - (shown - 1) * SECOND);
  }

  /** Whole seconds shown on the countdown (rounded up), 0 when nothing is timed. */
  public long secondsShown(SessionState s) {
    long r = s.remaining(clock.nanoTime());
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

  public Phase phase(SessionState s) {
    List<Phase> phases = level(s).phases();
    return phases.get(Math.min(s.phase(), phases.size() - 1));
  }

  /** The red-flag question on screen, or null when the routine has none. */
  public RedFlag question(SessionState s) {
    List<RedFlag> qs = routine.redFlags().questions();
    return s.question() < qs.size() ? qs.get(s.question()) : null;
  }

  /** The exercise whose harder level is being offered, or null. */
  public Exercise offered(SessionState s) {
    List<String> offers = offers();
    return s.question() < offers.size() ? routine.exercise(offers.get(s.question())).orElse(null)
        : null;
  }

  // ---- overlays and keys valid everywhere ----------------------------------------------------

  private void onOverlay(SessionState.Builder b, List<Effect> fx, Event e, long now) {
    switch (b.overlay) {
      case PAUSE -> {
        if (e == Event.Key.PAUSE || e == Event.Key.CONFIRM) {
          resume(b, now);
          b.overlay = Overlay.NONE;
        } else if (e == Event.Key.QUIT) {
          b.overlay = Overlay.QUIT_CONFIRM;
          b.choice = 0;
        } else if (e == Event.Key.HELP) {
          b.overlay = Overlay.HELP;
        } else if (e == Event.Key.RED_FLAG) {
          b.overlay = Overlay.NONE;
          openRedFlags(b, now);
        }
      }
      case HELP -> {
        if (e == Event.Key.HELP || e == Event.Key.BACK || e == Event.Key.CONFIRM) {
          closeOverlay(b);
        } else if (e == Event.Key.QUIT) {
          b.overlay = Overlay.QUIT_CONFIRM;
          b.choice = 0;
        } else if (e == Event.Key.RED_FLAG && redFlagAllowed(b)) {
          b.overlay = Overlay.NONE;
          openRedFlags(b, now);
        }
      }
      case QUIT_CONFIRM -> {
        if (e == Event.Key.YES || e == Event.Key.QUIT
            || (e == Event.Key.CONFIRM && b.choice == 1)) {
          b.overlay = Overlay.NONE;
          toSummary(b, fx, Outcome.QUIT);
        } else if (e == Event.Key.RED_FLAG && redFlagAllowed(b)) {
          b.overlay = Overlay.NONE;
          b.choice = -1;
          openRedFlags(b, now);
        } else if (e == Event.Key.NO || e == Event.Key.BACK || e == Event.Key.CONFIRM) {
          closeOverlay(b);
        } else if (isToggle(e)) {
          b.choice = b.choice == 1 ? 0 : 1;
        }
      }
      default -> {}
    }
  }

  /** Closing help or the quit dialog over a timer leaves it paused: the person resumes with Space. */
  private void closeOverlay(SessionState.Builder b) {
    b.overlay = b.pausedRemaining >= 0 ? Overlay.PAUSE : Overlay.NONE;
    b.choice = -1;
  }

  private boolean onGlobal(SessionState.Builder b, List<Effect> fx, Event e, long now) {
    boolean finished = b.screen == Screen.SUMMARY || b.screen == Screen.URGENT;
    if (e == Event.Key.QUIT) {
      if (finished || b.outcome != null) {
        fx.add(new Effect.Exit());
      } else {
        pause(b, now);
        b.overlay = Overlay.QUIT_CONFIRM;
        b.choice = 0;
      }
      return true;
    }
    if (e == Event.Key.HELP) {
      pause(b, now);
      b.overlay = Overlay.HELP;
      return true;
    }
    if (e == Event.Key.PAUSE && isTimed(b)) {
      pause(b, now);
      b.overlay = Overlay.PAUSE;
      return true;
    }
    if (e == Event.Key.RED_FLAG && redFlagAllowed(b)) {
      openRedFlags(b, now);
      return true;
    }
    return false;
  }

  /** The red-flag questions open from every screen but their own and the urgent advice. */
  private static boolean redFlagAllowed(SessionState.Builder b) {
    return b.screen != Screen.SCREENING && b.screen != Screen.URGENT;
  }

  private void openRedFlags(SessionState.Builder b, long now) {
    pause(b, now);
    b.returnTo = b.screen == Screen.WELCOME ? null : b.screen;
    b.screen = Screen.SCREENING;
    b.question = 0;
    b.choice = -1;
    if (routine.redFlags().questions().isEmpty()) {
      b.screen = Screen.URGENT;
    }
  }

  // ---- screens -------------------------------------------------------------------------------

  private void onScreen(SessionState.Builder b, List<Effect> fx, Event e, long now) {
    switch (b.screen) {
      case WELCOME -> {
        if (e == Event.Key.CONFIRM) {
          if (options.resume() != null) {
            b.screen = Screen.RESUME;
            b.choice = -1;
          } else {
            toScreening(b, now);
          }
        }
      }
      case RESUME -> {
        Boolean yes = answer(b, e);
        if (yes != null) {
          fx.add(new Effect.ResumeAnswered(yes));
          if (yes) {
            applyResume(b);
          }
          toScreening(b, now);
        }
      }
      case SCREENING -> onScreening(b, fx, e, now);
      case NEXT_MORNING -> {
        Boolean yes = answer(b, e);
        if (yes != null) {
          fx.add(new Effect.RecordNextMorning(yes));
          if (yes) {
            for (int i = 0; i < routine.exercises().size(); i++) {
              Exercise ex = routine.exercises().get(i);
              int from = b.levels.get(i);
              if (from < ex.easiestLevel()) {
                switchLevel(b, fx, i, from + 1, new Reason.MorningWorse(), false);
              }
            }
          }
          b.question = 0;
          b.choice = -1;
          if (yes || offers().isEmpty()) {
            beginPain(b, Rating.Kind.BASELINE);
          } else {
            b.screen = Screen.OFFER_HARDER;
          }
        }
      }
      case OFFER_HARDER -> {
        Boolean yes = answer(b, e);
        if (yes != null) {
          List<String> offers = offers();
          int i = indexOf(offers.get(b.question));
          if (yes) {
            switchLevel(b, fx, i, b.levels.get(i) - 1,
                new Reason.HarderTaken(routine.painRule().progressAfterSessions()), true);
          }
          b.question++;
          b.choice = -1;
          if (b.question >= offers.size()) {
            beginPain(b, Rating.Kind.BASELINE);
          }
        }
      }
      case PAIN -> onPain(b, fx, e, now);
      case PAIN_REGION -> onRegion(b, fx, e, now);
      case HIGH_PAIN -> onHighPain(b, fx, e);
      case INTRO -> {
        if (e == Event.Key.CONFIRM) {
          startRound(b, fx, now);
        } else if (e == Event.Key.SKIP) {
          nextExercise(b, fx);
        }
      }
      case GET_READY -> {
        if (e == Event.Key.CONFIRM) {
          startReps(b, fx, now);
        } else if (e == Event.Key.SKIP) {
          endOfRound(b, fx, now);
        }
      }
      case REP -> {
        if (e == Event.Key.CONFIRM && !phaseTimed(b)) {
          advanceRep(b, fx, now);
        } else if (e == Event.Key.SKIP) {
          endOfRound(b, fx, now);
        }
      }
      case REST -> {
        if (e == Event.Key.CONFIRM || e == Event.Key.SKIP) {
          startRound(b, fx, now);
        }
      }
      case SWITCH -> {
        if (e == Event.Key.CONFIRM) {
          afterRating(b, fx, now);
        }
      }
      case CONTACT -> {
        if (isToggle(e)) {
          b.choice = b.choice == 1 ? 0 : 1;
        } else if (e == Event.Key.CONFIRM) {
          if (b.choice == 1) {
            toSummary(b, fx, Outcome.STOPPED_FOR_PAIN);
          } else {
            nextExercise(b, fx);
          }
        }
      }
      case SUMMARY, URGENT -> {
        if (e == Event.Key.CONFIRM) {
          fx.add(new Effect.Exit());
        }
      }
      default -> {}
    }
  }

  private void toScreening(SessionState.Builder b, long now) {
    b.screen = Screen.SCREENING;
    b.question = 0;
    b.choice = -1;
    if (routine.redFlags().questions().isEmpty()) {
      afterScreening(b, now);
    }
  }

  private void onScreening(SessionState.Builder b, List<Effect> fx, Event e, long now) {
    if (e == Event.Key.BACK && b.returnTo != null) {
      returnFromRedFlags(b);
      return;
    }
    Boolean yes = answer(b, e);
    if (yes == null) {
      return;
    }
    b.choice = -1;
    if (yes) {
      RedFlag q = routine.redFlags().questions().get(b.question);
      fx.add(new Effect.RecordRedFlag(q.id()));
      b.screen = Screen.URGENT;
      b.returnTo = null;
      end(b, fx, Outcome.RED_FLAG);
      return;
    }
    b.question++;
    if (b.question >= routine.redFlags().questions().size()) {
      if (b.returnTo != null) {
        returnFromRedFlags(b);
      } else {
        afterScreening(b, now);
      }
    }
  }

  private void returnFromRedFlags(SessionState.Builder b) {
    b.screen = b.returnTo;
    b.returnTo = null;
    b.question = 0;
    b.choice = -1;
    b.overlay = b.pausedRemaining >= 0 ? Overlay.PAUSE : Overlay.NONE;
  }

  private void afterScreening(SessionState.Builder b, long now) {
    b.question = 0;
    b.choice = -1;
    boolean resumed = b.exercise > 0 || b.set > 1 || b.round > 0;
    if (resumed) {
      beginPain(b, Rating.Kind.BASELINE);
    } else if (options.askNextMorning() && routine.painRule().nextMorningCheck()) {
      b.screen = Screen.NEXT_MORNING;
    } else if (!offers().isEmpty()) {
      b.screen = Screen.OFFER_HARDER;
    } else {
      beginPain(b, Rating.Kind.BASELINE);
    }
  }

  /** y/n answer directly, or arrows to highlight and Enter to confirm; null when not answered. */
  private static Boolean answer(SessionState.Builder b, Event e) {
    if (e == Event.Key.YES) {
      return true;
    }
    if (e == Event.Key.NO) {
      return false;
    }
    if (isToggle(e)) {
      b.choice = b.choice == 1 ? 0 : 1;
      return null;
    }
    if (e == Event.Key.CONFIRM && b.choice >= 0) {
      return b.choice == 1;
    }
    return null;
  }

  private static boolean isToggle(Event e) {
    return e == Event.Key.LEFT || e == Event.Key.RIGHT || e == Event.Key.UP || e == Event.Key.DOWN;
  }

  // ---- the pain check ------------------------------------------------------------------------

  /**
   * Opens a pain check. The starting rating has nothing marked (the person types a number) and
   * the first symptom answer of a session has no default; later checks mark the last answers.
   */
  private void beginPain(SessionState.Builder b, Rating.Kind kind) {
    Rating last = b.ratings.isEmpty() ? null : b.ratings.get(b.ratings.size() - 1);
    b.screen = Screen.PAIN;
    b.painKind = kind;
    b.draftValue = last == null || kind == Rating.Kind.BASELINE ? -1 : last.value();
    b.draftOne = false;
    b.draftRegion = last == null ? -1 : policy.regionRank(last.region());
    b.goodNews = null;
    stopTimer(b);
  }

  private void onPain(SessionState.Builder b, List<Effect> fx, Event e, long now) {
    if (e instanceof Event.Digit d) {
      if (b.draftOne && d.value() == 0) {
        b.draftValue = 10;
        b.draftOne = false;
      } else {
        b.draftValue = d.value();
        b.draftOne = d.value() == 1;
      }
    } else if (e == Event.Key.UP || e == Event.Key.RIGHT) {
      b.draftValue = Math.min(10, b.draftValue + 1);
      b.draftOne = false;
    } else if (e == Event.Key.DOWN || e == Event.Key.LEFT) {
      b.draftValue = Math.max(0, b.draftValue - 1);
      b.draftOne = false;
    } else if (e == Event.Key.CONFIRM && b.draftValue >= 0) {
      b.draftOne = false;
      if (routine.painRule().spreadCounts()) {
        b.screen = Screen.PAIN_REGION;
      } else {
        confirmRating(b, fx, now);
      }
    }
  }

  private void onRegion(SessionState.Builder b, List<Effect> fx, Event e, long now) {
    int max = routine.painRule().regions().size();
    if (e == Event.Key.UP || e == Event.Key.LEFT) {
      b.draftRegion = Math.max(0, b.draftRegion - 1);
    } else if (e == Event.Key.DOWN || e == Event.Key.RIGHT) {
      b.draftRegion = Math.min(max, b.draftRegion + 1);
    } else if (e instanceof Event.Digit d && d.value() <= max) {
      b.draftRegion = d.value();
    } else if (e == Event.Key.BACK) {
      b.screen = Screen.PAIN;
    } else if (e == Event.Key.CONFIRM && b.draftRegion >= 0) {
      confirmRating(b, fx, now);
    }
  }

  /** The starting rating was above the ceiling: one level easier throughout, or stop today. */
  private void onHighPain(SessionState.Builder b, List<Effect> fx, Event e) {
    if (isToggle(e)) {
      b.choice = b.choice == 1 ? 0 : 1;
    } else if (e == Event.Key.CONFIRM) {
      int start = b.ratings.get(b.ratings.size() - 1).value();
      int limit = routine.painRule().maxAcceptable();
      if (b.choice == 1) {
        b.stopForToday = true;
        fx.add(new Effect.RecordContactShown(null, new Reason.HighStartStop(start, limit)));
        toSummary(b, fx, Outcome.STOPPED_FOR_PAIN);
        return;
      }
      for (int i = 0; i < routine.exercises().size(); i++) {
        int from = b.levels.get(i);
        if (from < routine.exercises().get(i).easiestLevel()) {
          switchLevel(b, fx, i, from + 1, new Reason.HighStartEasier(start, limit), false);
        }
      }
      b.choice = -1;
      toIntro(b);
    }
  }

  private static void toIntro(SessionState.Builder b) {
    b.screen = Screen.INTRO;
    b.rep = 1;
    b.phase = 0;
  }

  private void confirmRating(SessionState.Builder b, List<Effect> fx, long now) {
    PainRule rule = routine.painRule();
    String region = rule.spreadCounts() && b.draftRegion > 0
        ? rule.regions().get(b.draftRegion - 1) : null;
    int rank = policy.regionRank(region);
    Rating rating;
    if (b.painKind == Rating.Kind.BASELINE) {
      rating = new Rating(Rating.Kind.BASELINE, null, -1, null, 0, -1, "", b.draftValue, region);
    } else {
      Exercise ex = routine.exercises().get(b.exercise);
      int level = b.levels.get(b.exercise);
      rating = new Rating(b.painKind, ex.id(), level, ex.level(level).id(), b.set, b.round,
          ex.rounds().get(b.round), b.draftValue, region);
    }
    b.ratings.add(rating);
    fx.add(new Effect.RecordRating(rating));
    if (rating.kind() == Rating.Kind.BASELINE) {
      b.refValue = rating.value();
      b.refRegion = rank;
      if (policy.highStart(rating.value())) {
        b.screen = Screen.HIGH_PAIN;
        b.choice = 0;
      } else {
        toIntro(b);
      }
      return;
    }
    Rating first = b.ratings.get(0);
    int start = first.kind() == Rating.Kind.BASELINE ? first.value() : rating.value();
    PainPolicy.Reference ref = new PainPolicy.Reference(b.refValue, b.refRegion);
    PainPolicy.Verdict v = policy.judge(ref, start, rating.value(), rank);
    if (!v.increased()) {
      PainPolicy.Reference next = ref.with(rating.value(), rank);
      b.refValue = next.value();
      b.refRegion = next.region();
      if (v.nearer()) {
        b.goodNews = new GoodNews(ref.region(), rank);
      }
      afterRating(b, fx, now);
      return;
    }
    // a switch answers the rise once: the rating that caused it is the new reference
    b.refValue = rating.value();
    b.refRegion = rank;
    Exercise ex = routine.exercises().get(b.exercise);
    int level = b.levels.get(b.exercise);
    if (level < ex.easiestLevel()) {
      Reason reason = new Reason.Easier(v.rise(), level, level + 1);
      switchLevel(b, fx, b.exercise, level + 1, reason, false);
      b.notice = reason;
      b.screen = Screen.SWITCH;
    } else {
      Reason reason = new Reason.AtEasiest(v.rise(), level);
      b.stopped.add(ex.id());
      if (v.aboveCeiling() || b.stopped.size() >= 2) {
        b.stopForToday = true;
      }
      b.notice = reason;
      b.screen = Screen.CONTACT;
      b.choice = b.stopForToday ? 1 : 0;
      fx.add(new Effect.RecordContactShown(ex.id(), reason));
    }
  }

  /** After a set's rating (and any switch): the next round, rest, or the next exercise. */
  private void afterRating(SessionState.Builder b, List<Effect> fx, long now) {
    if (b.painKind == Rating.Kind.EXERCISE) {
      nextExercise(b, fx);
    } else {
      nextRound(b, fx, now);
    }
  }

  private void switchLevel(SessionState.Builder b, List<Effect> fx, int exercise, int to,
      Reason reason, boolean harder) {
    String id = routine.exercises().get(exercise).id();
    int from = b.levels.get(exercise);
    b.levels.set(exercise, to);
    b.switches.add(new SwitchNote(id, from, to, reason, harder));
    fx.add(new Effect.RecordSwitch(id, from, to, reason));
  }

  // ---- walking the routine -------------------------------------------------------------------

  private void startRound(SessionState.Builder b, List<Effect> fx, long at) {
    fx.add(new Effect.RecordProgress(b.exercise, b.set, b.round));
    b.screen = Screen.GET_READY;
    b.rep = 1;
    b.phase = 0;
    startTimer(b, at, GET_READY);
  }

  private void startReps(SessionState.Builder b, List<Effect> fx, long at) {
    b.screen = Screen.REP;
    b.rep = 1;
    b.phase = 0;
    startPhase(b, fx, at);
  }

  private void startPhase(SessionState.Builder b, List<Effect> fx, long at) {
    Phase p = phaseOf(b);
    if (p.timed()) {
      startTimer(b, at, p.seconds() * SECOND);
    } else {
      stopTimer(b);
    }
    fx.add(new Effect.Bell());
  }

  private void advanceRep(SessionState.Builder b, List<Effect> fx, long at) {
    Level level = levelOf(b);
    Exercise ex = routine.exercises().get(b.exercise);
    if (b.phase + 1 < level.phases().size()) {
      b.phase++;
      startPhase(b, fx, at);
    } else if (b.rep < ex.reps()) {
      b.rep++;
      b.phase = 0;
      startPhase(b, fx, at);
    } else {
      endOfRound(b, fx, at);
    }
  }

  private void endOfRound(SessionState.Builder b, List<Effect> fx, long at) {
    Exercise ex = routine.exercises().get(b.exercise);
    boolean lastOfExercise = b.set >= ex.sets() && b.round >= ex.rounds().size() - 1;
    if (routine.painRule().askAfter() == PainRule.AskAfter.SET) {
      beginPain(b, Rating.Kind.SET);
    } else if (lastOfExercise) {
      beginPain(b, Rating.Kind.EXERCISE);
    } else {
      b.painKind = Rating.Kind.SET;
      nextRound(b, fx, at);
    }
  }

  private void nextRound(SessionState.Builder b, List<Effect> fx, long at) {
    Exercise ex = routine.exercises().get(b.exercise);
    if (b.round + 1 < ex.rounds().size()) {
      b.round++;
      startRound(b, fx, at);
    } else if (b.set < ex.sets()) {
      b.set++;
      b.round = 0;
      if (ex.restSeconds() > 0) {
        b.screen = Screen.REST;
        startTimer(b, at, ex.restSeconds() * SECOND);
        fx.add(new Effect.Bell());
      } else {
        startRound(b, fx, at);
      }
    } else {
      nextExercise(b, fx);
    }
  }

  private void nextExercise(SessionState.Builder b, List<Effect> fx) {
    stopTimer(b);
    b.choice = -1;
    b.notice = null;
    if (b.exercise + 1 < routine.exercises().size()) {
      b.exercise++;
      b.set = 1;
      b.round = 0;
      toIntro(b);
      // a new exercise starts from the session's last rating
      Rating last = b.ratings.isEmpty() ? null : b.ratings.get(b.ratings.size() - 1);
      if (last != null) {
        b.refValue = last.value();
        b.refRegion = policy.regionRank(last.region());
      }
    } else {
      toSummary(b, fx, Outcome.COMPLETED);
    }
  }

  private void toSummary(SessionState.Builder b, List<Effect> fx, Outcome outcome) {
    stopTimer(b);
    b.choice = -1;
    b.screen = Screen.SUMMARY;
    end(b, fx, outcome);
  }

  private static void end(SessionState.Builder b, List<Effect> fx, Outcome outcome) {
    if (b.outcome == null) {
      b.outcome = outcome;
      fx.add(new Effect.SessionEnded(outcome));
    }
  }

  // ---- timers --------------------------------------------------------------------------------

  private void runTimers(SessionState.Builder b, List<Effect> fx, long now) {
    // Each deadline starts the next timer at the moment the last one ended, so late ticks
    // never add drift; a timer of at least one second always ends, so this loop ends.
    while (b.overlay == Overlay.NONE && b.pausedRemaining < 0 && isTimed(b)
        && now >= b.deadline) {
      long at = b.deadline;
      switch (b.screen) {
        case GET_READY -> startReps(b, fx, at);
        case REP -> advanceRep(b, fx, at);
        case REST -> startRound(b, fx, at);
        default -> {
          return;
        }
      }
    }
  }

  private static void startTimer(SessionState.Builder b, long at, long duration) {
    b.deadline = at + duration;
    b.duration = duration;
    b.pausedRemaining = -1;
  }

  private static void stopTimer(SessionState.Builder b) {
    b.deadline = 0;
    b.duration = 0;
    b.pausedRemaining = -1;
  }

  private void pause(SessionState.Builder b, long now) {
    if (isTimed(b) && b.pausedRemaining < 0) {
      b.pausedRemaining = Math.max(0, b.deadline - now);
    }
  }

  private static void resume(SessionState.Builder b, long now) {
    if (b.pausedRemaining >= 0) {
      b.deadline = now + b.pausedRemaining;
      b.pausedRemaining = -1;
    }
  }

  private boolean isTimed(SessionState.Builder b) {
    return timed(b.screen, b.exercise, b.levels, b.phase);
  }

  private boolean phaseTimed(SessionState.Builder b) {
    return phaseOf(b).timed();
  }

  private boolean timed(Screen screen, int exercise, List<Integer> levels, int phase) {
    return switch (screen) {
      case GET_READY, REST -> true;
      case REP -> routine.exercises().get(exercise).level(levels.get(exercise)).phases()
          .get(phase).timed();
      default -> false;
    };
  }

  private Level levelOf(SessionState.Builder b) {
    return routine.exercises().get(b.exercise).level(b.levels.get(b.exercise));
  }

  private Phase phaseOf(SessionState.Builder b) {
    return levelOf(b).phases().get(b.phase);
  }

  /**
   * The exercises whose harder level is offered, in the order given: those the history named that
   * start below their prescribed level. Fixed for the session (taken from the start levels).
   */
  private List<String> offers() {
    List<String> out = new ArrayList<>();
    for (String id : options.offerHarder()) {
      int i = indexOf(id);
      if (i >= 0 && startLevel(i) > 0) {
        out.add(id);
      }
    }
    return out;
  }

  /** Where an exercise starts: the level it ended at last time, else its prescribed level. */
  private int startLevel(int exercise) {
    Exercise e = routine.exercises().get(exercise);
    return Math.max(0, Math.min(e.easiestLevel(),
        options.startLevels().getOrDefault(e.id(), e.startLevel())));
  }

  private int indexOf(String exerciseId) {
    for (int i = 0; i < routine.exercises().size(); i++) {
      if (routine.exercises().get(i).id().equals(exerciseId)) {
        return i;
      }
    }
    return -1;
  }
}
