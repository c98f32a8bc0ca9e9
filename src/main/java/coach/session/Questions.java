package coach.session;

import coach.routine.Exercise;
import coach.routine.RedFlag;
import coach.routine.Routine;
import java.util.ArrayList;
import java.util.List;

/**
 * What comes before the exercises: a stop earlier today (no exercise), a doctor's clearance after
 * a red flag on an earlier day, the signs of a serious cause before a first session, continuing
 * an interrupted session, the red-flag questions (before the exercises, after a stop above the
 * ceiling or for a spread, and from any screen with "!"), whether pain was worse the morning
 * after, and the harder levels offered again; then on to the starting pain rating.
 */
final class Questions {
  private final Routine routine;
  private final StartOptions options;
  private final PainCheck pain;
  private final Timers timers;
  private final Walk walk;

  Questions(Routine routine, StartOptions options, PainCheck pain, Timers timers, Walk walk) {
    this.routine = routine;
    this.options = options;
    this.pain = pain;
    this.timers = timers;
    this.walk = walk;
  }

  /** y/n answer directly, or arrows to highlight and Enter to confirm; null when not answered. */
  static Boolean answer(SessionState.Builder b, Event e) {
    if (e == Event.Key.YES) {
      return true;
    }
    if (e == Event.Key.NO) {
      return false;
    }
    if (Coach.isToggle(e)) {
      b.choice = b.choice.toggled();
      return null;
    }
    if (e == Event.Key.CONFIRM && b.choice != Choice.NONE) {
      return b.choice == Choice.SECOND;
    }
    return null;
  }

  void onWelcome(SessionState.Builder b, Event e) {
    if (e == Event.Key.CONFIRM) {
      StartOptions.Gate gate = options.gate();
      b.choice = Choice.NONE;
      b.question = 0;
      if (gate.lockout() != null) {
        b.screen = Screen.LOCKED;
      } else if (gate.redFlagAt() != null) {
        b.screen = Screen.CLEARANCE;
      } else {
        afterClearance(b);
      }
    }
  }

  /** After a red flag on an earlier day: seen by a doctor and told they may exercise? */
  void onClearance(SessionState.Builder b, List<Effect> fx, Event e) {
    Boolean yes = answer(b, e);
    if (yes != null) {
      fx.add(new Effect.RecordClearance(yes));
      b.choice = Choice.NONE;
      if (yes) {
        afterClearance(b);
      } else {
        b.screen = Screen.URGENT;
        Walk.end(b, fx, Outcome.RED_FLAG);
      }
    }
  }

  private void afterClearance(SessionState.Builder b) {
    if (options.gate().seriousSigns()) {
      b.screen = Screen.SERIOUS_SIGNS;
      b.question = 0;
    } else {
      toResumeOrScreening(b);
    }
  }

  /** The signs of a serious cause, one at a time; any yes: see a doctor first. */
  void onSeriousSigns(SessionState.Builder b, List<Effect> fx, Event e) {
    Boolean yes = answer(b, e);
    if (yes == null) {
      return;
    }
    b.choice = Choice.NONE;
    if (yes) {
      fx.add(new Effect.RecordSeriousSigns(SeriousSigns.IDS.get(b.question)));
      b.screen = Screen.SEE_DOCTOR;
      return;
    }
    b.question++;
    if (b.question >= SeriousSigns.IDS.size()) {
      fx.add(new Effect.RecordSeriousSigns(null));
      b.question = 0;
      toResumeOrScreening(b);
    }
  }

  /** The serious-signs question on screen (its id), or null on another screen. */
  static String seriousSign(SessionState s) {
    return s.screen() == Screen.SERIOUS_SIGNS && s.question() < SeriousSigns.IDS.size()
        ? SeriousSigns.IDS.get(s.question()) : null;
  }

  private void toResumeOrScreening(SessionState.Builder b) {
    if (options.resume() != null) {
      b.screen = Screen.RESUME;
      b.choice = Choice.NONE;
    } else {
      toScreening(b);
    }
  }

  void onResume(SessionState.Builder b, List<Effect> fx, Event e) {
    Boolean yes = answer(b, e);
    if (yes != null) {
      fx.add(new Effect.ResumeAnswered(yes));
      if (yes) {
        applyResume(b, fx);
      }
      toScreening(b);
    }
  }

  /**
   * Moves to the set and round an interrupted session stopped at, carrying what it recorded: its
   * ratings, changes of level and stops (each with what it means for the rest of the session),
   * and the pain reference it had reached.
   */
  private void applyResume(SessionState.Builder b, List<Effect> fx) {
    StartOptions.ResumePoint r = options.resume();
    if (r != null && r.exerciseIndex() >= 0 && r.exerciseIndex() < routine.exercises().size()) {
      Exercise e = routine.exercises().get(r.exerciseIndex());
      b.exercise = r.exerciseIndex();
      b.set = Math.max(1, Math.min(e.sets(), r.set()));
      b.round = Math.max(0, Math.min(e.rounds(b.levels.get(b.exercise)).size() - 1,
          r.round()));
      StartOptions.Recorded done = r.recorded();
      b.ratings.addAll(done.ratings());
      b.switches.addAll(done.switches());
      for (StartOptions.Stop stop : done.stops()) {
        PainCheck.applyStop(b, stop.exerciseId(), stop.reason());
      }
      pain.carryReference(b);
      if (walk.skips(b, b.exercise)) {
        b.exercise--; // on to the next exercise the session still does
        walk.nextExercise(b, fx);
      } else if (b.set == 1 && b.round == 0) {
        walk.easiestToday(b, b.exercise);
      }
    }
  }

  void openRedFlags(SessionState.Builder b, long now) {
    timers.pause(b, now);
    b.returnTo = b.screen == Screen.WELCOME ? null : b.screen;
    b.screen = Screen.SCREENING;
    b.question = 0;
    b.choice = Choice.NONE;
    if (routine.redFlags().questions().isEmpty()) {
      b.screen = Screen.URGENT;
    }
  }

  /**
   * After a stop above the ceiling or for a spread: the red-flag questions again, which Esc does
   * not skip, then back to the screen the pain check chose. A routine without red flags goes
   * straight there.
   */
  void recheck(SessionState.Builder b, long now) {
    if (routine.redFlags().questions().isEmpty()) {
      return;
    }
    openRedFlags(b, now);
    b.recheck = true;
  }

  private void toScreening(SessionState.Builder b) {
    b.screen = Screen.SCREENING;
    b.question = 0;
    b.choice = Choice.NONE;
    if (routine.redFlags().questions().isEmpty()) {
      afterScreening(b);
    }
  }

  void onScreening(SessionState.Builder b, List<Effect> fx, Event e) {
    if (e == Event.Key.BACK && b.returnTo != null && !b.recheck) {
      returnFromRedFlags(b);
      return;
    }
    Boolean yes = answer(b, e);
    if (yes == null) {
      return;
    }
    b.choice = Choice.NONE;
    if (yes) {
      RedFlag q = routine.redFlags().questions().get(b.question);
      fx.add(new Effect.RecordRedFlag(q.id()));
      b.screen = Screen.URGENT;
      b.returnTo = null;
      b.recheck = false;
      Walk.end(b, fx, Outcome.RED_FLAG);
      return;
    }
    b.question++;
    if (b.question >= routine.redFlags().questions().size()) {
      if (b.returnTo != null) {
        returnFromRedFlags(b);
      } else {
        afterScreening(b);
      }
    }
  }

  private void returnFromRedFlags(SessionState.Builder b) {
    b.screen = b.returnTo;
    b.returnTo = null;
    b.question = 0;
    // back on the stop after the questions asked again: "End the session" is still marked
    b.choice = b.recheck && b.screen == Screen.CONTACT ? Choice.SECOND
        : Choice.NONE;
    b.recheck = false;
    b.overlay = Timers.paused(b) ? Overlay.PAUSE : Overlay.NONE;
  }

  private void afterScreening(SessionState.Builder b) {
    b.question = 0;
    b.choice = Choice.NONE;
    boolean resumed = b.exercise > 0 || b.set > 1 || b.round > 0;
    if (resumed) {
      pain.begin(b, Rating.Kind.BASELINE);
    } else if (options.askNextMorning() && routine.painRule().nextMorningCheck()) {
      b.screen = Screen.NEXT_MORNING;
    } else if (!offers().isEmpty()) {
      b.screen = Screen.OFFER_HARDER;
    } else {
      pain.begin(b, Rating.Kind.BASELINE);
    }
  }

  void onNextMorning(SessionState.Builder b, List<Effect> fx, Event e) {
    Boolean yes = answer(b, e);
    if (yes != null) {
      fx.add(new Effect.RecordNextMorning(yes));
      if (yes) {
        for (int i = 0; i < routine.exercises().size(); i++) {
          Exercise ex = routine.exercises().get(i);
          int from = b.levels.get(i);
          if (from < ex.easiestLevel()) {
            pain.switchLevel(b, fx, i, from + 1, new Reason.MorningWorse(), false);
          }
        }
      }
      b.question = 0;
      b.choice = Choice.NONE;
      if (yes || offers().isEmpty()) {
        pain.begin(b, Rating.Kind.BASELINE);
      } else {
        b.screen = Screen.OFFER_HARDER;
      }
    }
  }

  void onOfferHarder(SessionState.Builder b, List<Effect> fx, Event e) {
    Boolean yes = answer(b, e);
    if (yes != null) {
      List<String> offers = offers();
      int i = indexOf(offers.get(b.question));
      if (yes) {
        pain.switchLevel(b, fx, i, b.levels.get(i) - 1,
            new Reason.HarderTaken(routine.painRule().progressAfterSessions()), true);
      }
      b.question++;
      b.choice = Choice.NONE;
      if (b.question >= offers.size()) {
        pain.begin(b, Rating.Kind.BASELINE);
      }
    }
  }

  /**
   * The exercises whose harder level is offered, in the order given: those the history named that
   * start below their prescribed level. Fixed for the session (taken from the start levels).
   */
  List<String> offers() {
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
  int startLevel(int exercise) {
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
