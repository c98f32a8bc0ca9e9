package coach.store;

import coach.routine.Routine;
import coach.session.Driver;
import coach.session.Effect;
import coach.session.Event;
import coach.session.SessionState;
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
  final SessionRecorder recorder;
  final Driver driver;

  StoredSession(Routine routine, HistoryStore store, String patient, Instant now)
      throws StoreException {
    plan = CarryOver.plan(routine, store, patient, now);
    SessionRecorder[] into = new SessionRecorder[1];
    driver = new Driver(routine, plan.options(), effect -> {
      into[0].apply(effect);
      if (effect instanceof Effect.ResumeAnswered && plan.interrupted() != null) {
        store.settleInterrupted(plan.interrupted().id());
      }
    });
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (int i = 0; i < routine.exercises().size(); i++) {
      levels.put(routine.exercises().get(i).id(), driver.state().level(i));
    }
    recorder = store.begin(patient, routine.id(), "h", levels);
    into[0] = recorder;
  }

  SessionState state() {
    return driver.state();
  }

  StoredSession press(Event... events) {
    driver.press(events);
    return this;
  }

  /** Answers no to every safety question. */
  StoredSession noRedFlags() {
    driver.noRedFlags();
    return this;
  }

  /** Types a rating and says where the symptoms reach (region rank, 0 none). */
  StoredSession rate(int value, int region) {
    driver.rate(value, region);
    return this;
  }

  /** Runs the timers up to the next screen that waits for a key. */
  StoredSession untilPain() {
    driver.untilPainOrStop();
    return this;
  }

  /** Moves the clock on by this many seconds (a countdown under way). */
  StoredSession advanceSeconds(int seconds) {
    driver.advanceSeconds(seconds);
    return this;
  }
}
