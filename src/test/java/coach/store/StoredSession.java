package coach.store;

import coach.routine.Routine;
import coach.session.Coach;
import coach.session.Effect;
import coach.session.Event;
import coach.session.ManualClock;
import coach.session.Screen;
import coach.session.SessionState;
import coach.session.Transition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session planned from the history and recorded into it as the app does (app/CoachSession),
 * driven by keys on a manual clock. Dropping it without an end stands for a process killed
 * mid-session (kill -9): what was recorded up to then is all the history has.
 */
final class StoredSession {
  final CarryOver.Plan plan;
  final Coach coach;
  final SessionRecorder recorder;
  private final HistoryStore store;
  private final ManualClock clock = new ManualClock(1_000_000L);
  SessionState state;

  StoredSession(Routine routine, HistoryStore store, String patient, Instant now)
      throws StoreException {
    this.store = store;
    plan = CarryOver.plan(routine, store, patient, now);
    coach = new Coach(routine, clock, plan.options());
    state = coach.start();
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (int i = 0; i < routine.exercises().size(); i++) {
      levels.put(routine.exercises().get(i).id(), state.level(i));
    }
    recorder = store.begin(patient, routine.id(), "h", levels);
  }

  StoredSession press(Event... events) throws StoreException {
    for (Event e : events) {
      Transition t = coach.update(state, e);
      state = t.state();
      for (Effect effect : t.effects()) {
        recorder.apply(effect);
        if (effect instanceof Effect.ResumeAnswered && plan.interrupted() != null) {
          store.settleInterrupted(plan.interrupted().id());
        }
      }
    }
    return this;
  }

  /** Answers no to every safety question. */
  StoredSession noRedFlags() throws StoreException {
    while (state.screen() == Screen.SCREENING) {
      press(Event.Key.NO);
    }
    return this;
  }

  /** Types a rating and says where the symptoms reach (region rank, 0 none). */
  StoredSession rate(int value, int region) throws StoreException {
    press(new Event.Digit(value), Event.Key.CONFIRM);
    if (state.screen() == Screen.PAIN_REGION) {
      press(new Event.Digit(region), Event.Key.CONFIRM);
    }
    return this;
  }

  /** Runs the timers up to the next screen that waits for a key. */
  StoredSession untilPain() throws StoreException {
    for (int guard = 0; guard < 100_000; guard++) {
      Screen s = state.screen();
      if (s == Screen.INTRO) {
        press(Event.Key.CONFIRM);
      } else if (s == Screen.GET_READY || s == Screen.REP || s == Screen.REST) {
        var wake = coach.nextWake(state);
        if (wake.isPresent()) {
          clock.advanceNanos(Math.max(0, wake.getAsLong() - clock.nanoTime()));
          press(new Event.Tick());
        } else {
          press(Event.Key.CONFIRM);
        }
      } else {
        return this;
      }
    }
    throw new AssertionError("the session did not reach a key-waiting screen");
  }

  /** Moves the clock on by this many seconds (a countdown under way). */
  StoredSession advanceSeconds(int seconds) throws StoreException {
    clock.advanceNanos(seconds * Coach.SECOND);
    return press(new Event.Tick());
  }
}
