package coach.session;

import coach.routine.Exercise;
import coach.routine.RedFlag;
import coach.routine.Routine;
import java.util.ArrayList;
import java.util.List;

/**
 * The yes/no questions: continuing an interrupted session, the red-flag questions (before the
 * exercises, and from any screen with "!"), whether pain was worse the morning after, and the
 * harder levels offered again; then on to the starting pain rating.
 */
final class Questions {
  private final Routine routine;
  private final StartOptions options;
  private final PainCheck pain;
  private final Timers timers;

  Questions(Routine routine, StartOptions options, PainCheck pain, Timers timers) {
    this.routine = routine;
    this.options = options;
    this.pain = pain;
    this.timers = timers;
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
      b.choice = b.choice == 1 ? 0 : 1;
      return null;
    }
    if (e == Event.Key.CONFIRM && b.choice >= 0) {
      return b.choice == 1;
    }
    return null;
  }

  void onWelcome(SessionState.Builder b, Event e) {
    if (e == Event.Key.CONFIRM) {
      if (options.resume() != null) {
        b.screen = Screen.RESUME;
        b.choice = -1;
      } else {
        toScreening(b);
      }
    }
  }

  void onResume(SessionState.Builder b, List<Effect> fx, Event e) {
    Boolean yes = answer(b, e);
    if (yes != null) {
      fx.add(new Effect.ResumeAnswered(yes));
      if (yes) {
        applyResume(b);
      }
      toScreening(b);
    }
  }

  /**
   * Moves to the set and round an interrupted session stopped at, carrying what it recorded: its
   * ratings, changes of level and stops (for the second-stop rule and the summary), and the pain
   * reference it had reached.
   */
  private void applyResume(SessionState.Builder b) {
    StartOptions.ResumePoint r = options.resume();
    if (r != null && r.exerciseIndex() >= 0 && r.exerciseIndex() < routine.exercises().size()) {
      Exercise e = routine.exercises().get(r.exerciseIndex());
      b.exercise = r.exerciseIndex();
      b.set = Math.max(1, Math.min(e.sets(), r.set()));
      b.round = Math.max(0, Math.min(e.rounds().size() - 1, r.round()));
      StartOptions.Recorded done = r.recorded();
      b.ratings.addAll(done.ratings());
      b.switches.addAll(done.switches());
      for (String id : done.stopped()) {
        if (!b.stopped.contains(id)) {
          b.stopped.add(id);
        }
      }
      b.stopForToday = b.stopForToday || done.stopForToday() || b.stopped.size() >= 2;
      pain.carryReference(b);
    }
  }

  /** The red-flag questions open from every screen but their own and the urgent advice. */
  static boolean redFlagAllowed(SessionState.Builder b) {
    return b.screen != Screen.SCREENING && b.screen != Screen.URGENT;
  }

  void openRedFlags(SessionState.Builder b, long now) {
    timers.pause(b, now);
    b.returnTo = b.screen == Screen.WELCOME ? null : b.screen;
    b.screen = Screen.SCREENING;
    b.question = 0;
    b.choice = -1;
    if (routine.redFlags().questions().isEmpty()) {
      b.screen = Screen.URGENT;
    }
  }

  private void toScreening(SessionState.Builder b) {
    b.screen = Screen.SCREENING;
    b.question = 0;
    b.choice = -1;
    if (routine.redFlags().questions().isEmpty()) {
      afterScreening(b);
    }
  }

  void onScreening(SessionState.Builder b, List<Effect> fx, Event e) {
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
    b.choice = -1;
    b.overlay = b.pausedRemaining >= 0 ? Overlay.PAUSE : Overlay.NONE;
  }

  private void afterScreening(SessionState.Builder b) {
    b.question = 0;
    b.choice = -1;
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
      b.choice = -1;
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
      b.choice = -1;
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
