package coach.session;

import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.PainRule;
import coach.routine.Phase;
import coach.routine.Routine;
import java.util.List;

/**
 * Walking the routine: get ready, the reps phase by phase, the pain check after a set, rest,
 * the next round, set and exercise, and the end. Each timer starts at the moment the last one
 * ended, so however late a tick arrives no time is lost or gained.
 */
final class Walk {
  private final Routine routine;
  private final PainPolicy policy;
  private final PainCheck pain;
  private final Timers timers;

  Walk(Routine routine, PainPolicy policy, PainCheck pain, Timers timers) {
    this.routine = routine;
    this.policy = policy;
    this.pain = pain;
    this.timers = timers;
  }

  /** Carries out where a pain-check key leads. */
  void follow(SessionState.Builder b, List<Effect> fx, PainCheck.Next next, long now) {
    switch (next) {
      case INTRO -> toIntro(b);
      case AFTER_RATING -> afterRating(b, fx, now);
      case STAY, RECHECK -> { }
    }
  }

  /** Runs every timer that has ended by {@code now}, each from the moment the last one ended. */
  void runTimers(SessionState.Builder b, List<Effect> fx, long now) {
    // a timer of at least one second always ends, so this loop ends
    while (timers.due(b, now)) {
      long at = b.deadline;
      boolean ran = switch (b.screen) {
        case GET_READY -> run(() -> startReps(b, fx, at));
        case REP -> run(() -> advanceRep(b, fx, at));
        case REST -> run(() -> startRound(b, fx, at));
        case WELCOME, LOCKED, CLEARANCE, SERIOUS_SIGNS, SEE_DOCTOR, RESUME, SCREENING, URGENT,
            NEXT_MORNING, OFFER_HARDER, PAIN, HIGH_PAIN, INTRO, SWITCH, CONTACT, STOP_TODAY,
            SUMMARY -> false; // no timer of its own
      };
      if (!ran) {
        return;
      }
    }
  }

  private static boolean run(Runnable step) {
    step.run();
    return true;
  }

  static void toIntro(SessionState.Builder b) {
    b.screen = Screen.INTRO;
    b.rep = 1;
    b.phase = 0;
  }

  /** After a set's rating (and any switch): the next round, rest, or the next exercise. */
  void afterRating(SessionState.Builder b, List<Effect> fx, long now) {
    if (b.painKind == Rating.Kind.EXERCISE) {
      nextExercise(b, fx);
    } else {
      nextRound(b, fx, now);
    }
  }

  void startRound(SessionState.Builder b, List<Effect> fx, long at) {
    PainCheck.recordBegun(b, fx, routine.exercises().get(b.exercise).id());
    fx.add(new Effect.RecordProgress(b.exercise, b.set, b.round));
    b.screen = Screen.GET_READY;
    b.rep = 1;
    b.phase = 0;
    Timers.start(b, at, Coach.GET_READY);
  }

  void startReps(SessionState.Builder b, List<Effect> fx, long at) {
    b.screen = Screen.REP;
    b.rep = 1;
    b.phase = 0;
    startPhase(b, fx, at);
  }

  private void startPhase(SessionState.Builder b, List<Effect> fx, long at) {
    Phase p = phaseOf(b);
    if (p.timed()) {
      Timers.start(b, at, p.seconds() * Coach.SECOND);
    } else {
      Timers.stop(b);
    }
    fx.add(new Effect.Bell());
  }

  void advanceRep(SessionState.Builder b, List<Effect> fx, long at) {
    Exercise ex = routine.exercises().get(b.exercise);
    if (b.phase + 1 < phasesOf(b).size()) {
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

  void endOfRound(SessionState.Builder b, List<Effect> fx, long at) {
    Exercise ex = routine.exercises().get(b.exercise);
    boolean lastOfExercise = b.set >= ex.sets()
        && b.round >= ex.rounds(b.levels.get(b.exercise)).size() - 1;
    PainRule.AskAfter ask = routine.painRule().askAfter();
    if (ask == PainRule.AskAfter.SET || (ask == PainRule.AskAfter.EXERCISE_SIDE
        && b.set >= ex.sets())) {
      pain.begin(b, Rating.Kind.SET);
    } else if (ask == PainRule.AskAfter.EXERCISE && lastOfExercise) {
      pain.begin(b, Rating.Kind.EXERCISE);
    } else {
      b.painKind = Rating.Kind.SET;
      nextRound(b, fx, at);
    }
  }

  private void nextRound(SessionState.Builder b, List<Effect> fx, long at) {
    Exercise ex = routine.exercises().get(b.exercise);
    if (routine.painRule().askAfter() == PainRule.AskAfter.EXERCISE_SIDE) {
      nextSetOnThisSide(b, fx, at, ex);
      return;
    }
    if (b.round + 1 < ex.rounds(b.levels.get(b.exercise)).size()) {
      b.round++;
      startRound(b, fx, at);
    } else if (b.set < ex.sets()) {
      b.set++;
      b.round = 0;
      if (ex.restSeconds() > 0) {
        b.screen = Screen.REST;
        Timers.start(b, at, ex.restSeconds() * Coach.SECOND);
        fx.add(new Effect.Bell());
      } else {
        startRound(b, fx, at);
      }
    } else {
      nextExercise(b, fx);
    }
  }

  /**
   * With the check after each side: every set on one side (round), resting between sets, then
   * the next side from its first set.
   */
  private void nextSetOnThisSide(SessionState.Builder b, List<Effect> fx, long at, Exercise ex) {
    if (b.set < ex.sets()) {
      b.set++;
    } else if (b.round + 1 < ex.rounds(b.levels.get(b.exercise)).size()) {
      b.round++;
      b.set = 1;
    } else {
      nextExercise(b, fx);
      return;
    }
    if (ex.restSeconds() > 0) {
      b.screen = Screen.REST;
      Timers.start(b, at, ex.restSeconds() * Coach.SECOND);
      fx.add(new Effect.Bell());
    } else {
      startRound(b, fx, at);
    }
  }

  /**
   * On to the next exercise the session still does: after a spread, those that load the nerve
   * are skipped; after a stop above the ceiling, it starts at its easiest level (for today).
   */
  void nextExercise(SessionState.Builder b, List<Effect> fx) {
    Timers.stop(b);
    b.choice = Choice.NONE;
    b.notice = null;
    int next = b.exercise + 1;
    while (next < routine.exercises().size() && skips(b, next)) {
      b.skipped.add(routine.exercises().get(next).id());
      next++;
    }
    if (next < routine.exercises().size()) {
      b.exercise = next;
      b.set = 1;
      b.round = 0;
      easiestToday(b, next);
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

  /** Whether the session skips this exercise: it loads the nerve, after symptoms spread. */
  boolean skips(SessionState.Builder b, int exercise) {
    return b.nerveRested && routine.exercises().get(exercise).loadsNerve();
  }

  /**
   * After a stop above the ceiling, the exercise starts at its easiest level: for today only,
   * recorded when its first set begins (see {@link SessionState#unrecorded}).
   */
  void easiestToday(SessionState.Builder b, int exercise) {
    Exercise ex = routine.exercises().get(exercise);
    int from = b.levels.get(exercise);
    if (b.easiestToday != null && from < ex.easiestLevel()) {
      b.levels.set(exercise, ex.easiestLevel());
      SwitchNote note = new SwitchNote(ex.id(), from, ex.easiestLevel(), b.easiestToday, false);
      b.switches.add(note);
      b.unrecorded.add(note);
    }
  }

  /** The summary; a session that stopped for today ended for pain, however it is left. */
  void toSummary(SessionState.Builder b, List<Effect> fx, Outcome outcome) {
    Timers.stop(b);
    b.choice = Choice.NONE;
    b.screen = Screen.SUMMARY;
    end(b, fx, b.stopForToday && outcome != Outcome.RED_FLAG ? Outcome.STOPPED_FOR_PAIN
        : outcome);
  }

  /** The session ends with this outcome, once. */
  static void end(SessionState.Builder b, List<Effect> fx, Outcome outcome) {
    if (b.outcome == null) {
      b.outcome = outcome;
      fx.add(new Effect.SessionEnded(outcome));
    }
  }

  /** Whether the phase under way runs on a timer (else it waits for Enter). */
  boolean phaseTimed(SessionState.Builder b) {
    return phaseOf(b).timed();
  }

  /** The phases of a repetition now: of the level, in the round's direction. */
  private List<Phase> phasesOf(SessionState.Builder b) {
    return routine.exercises().get(b.exercise).phases(b.levels.get(b.exercise), b.round);
  }

  private Phase phaseOf(SessionState.Builder b) {
    List<Phase> phases = phasesOf(b);
    return phases.get(Math.min(b.phase, phases.size() - 1));
  }
}
