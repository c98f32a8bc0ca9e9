package coach.session;

import coach.routine.Routine;
import java.util.List;
import java.util.OptionalLong;

/**
 * The timers of a session as deadlines in the state: which screens run one, when the next tick
 * is due, pausing and resuming. Nothing counts ticks; the time left is the deadline minus now.
 */
final class Timers {
  private final Routine routine;

  Timers(Routine routine) {
    this.routine = routine;
  }

  /**
   * When the next tick is due: the moment the countdown's whole seconds change or the timer ends.
   * Empty when nothing is timed (waiting for a key, paused, an overlay open, the window hidden).
   */
  OptionalLong nextWake(SessionState s, long now) {
    if (s.overlay() != Overlay.NONE || s.paused() || s.hidden() || !timed(s.screen(), s.exercise(),
        s.levels(), s.round(), s.phase())) {
      return OptionalLong.empty();
    }
    long remaining = s.deadline() - now;
    if (remaining <= 0) {
      return OptionalLong.of(s.deadline());
    }
    long shown = (remaining + Coach.SECOND - 1) / Coach.SECOND;
    return OptionalLong.of(s.deadline() - (shown - 1) * Coach.SECOND);
  }

  /** Whether a timer runs out on its own now (not paused, no overlay over it) by {@code now}. */
  boolean due(SessionState.Builder b, long now) {
    return b.overlay == Overlay.NONE && !paused(b) && !b.hidden && isTimed(b)
        && now >= b.deadline;
  }

  /** The same for a state: whether a tick at {@code now} has anything to do. */
  boolean due(SessionState s, long now) {
    return s.overlay() == Overlay.NONE && !s.paused() && !s.hidden()
        && timed(s.screen(), s.exercise(), s.levels(), s.round(), s.phase()) && now >= s.deadline();
  }

  static void start(SessionState.Builder b, long at, long duration) {
    b.deadline = at + duration;
    b.duration = duration;
    running(b);
  }

  static void stop(SessionState.Builder b) {
    b.deadline = 0;
    b.duration = 0;
    running(b);
  }

  /** Keeps the time left of a running timer; nothing when none runs or it is paused already. */
  void pause(SessionState.Builder b, long now) {
    if (isTimed(b) && !paused(b)) {
      b.run = SessionState.Timer.Run.PAUSED;
      b.pausedRemaining = Math.max(0, b.deadline - now);
    }
  }

  static void resume(SessionState.Builder b, long now) {
    if (paused(b)) {
      b.deadline = now + b.pausedRemaining;
      running(b);
    }
  }

  /** Whether the timer holds its time left, paused. */
  static boolean paused(SessionState.Builder b) {
    return b.run == SessionState.Timer.Run.PAUSED;
  }

  private static void running(SessionState.Builder b) {
    b.run = SessionState.Timer.Run.RUNNING;
    b.pausedRemaining = 0;
  }

  boolean isTimed(SessionState.Builder b) {
    return timed(b.screen, b.exercise, b.levels, b.round, b.phase);
  }

  private boolean timed(Screen screen, int exercise, List<Integer> levels, int round,
      int phase) {
    return switch (screen) {
      case GET_READY, REST -> true;
      case REP -> routine.exercises().get(exercise).phases(levels.get(exercise), round)
          .get(phase).timed();
      case WELCOME, LOCKED, CLEARANCE, SERIOUS_SIGNS, SEE_DOCTOR, RESUME, SCREENING, URGENT,
          NEXT_MORNING, OFFER_HARDER, PAIN, HIGH_PAIN, INTRO, SWITCH, CONTACT, STOP_TODAY,
          SUMMARY -> false;
    };
  }
}
