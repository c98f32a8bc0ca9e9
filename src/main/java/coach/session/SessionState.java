package coach.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a session is at, immutable; views only read it. Times are in the session clock's
 * nanoseconds: a running timer has a {@code deadline}; a paused one keeps {@code pausedRemaining}
 * (-1 when not paused). Positions are 1-based for sets and reps, 0-based for rounds and phases.
 *
 * @param returnTo for screening opened with "!" during the session: the screen to go back to;
 *     null for the screening at the start
 * @param question index of the current screening question, or of the current harder-level offer
 * @param choice the highlighted answer of a yes/no question or the quit dialog: -1 none, 0 no, 1 yes
 * @param levels the current level index of each exercise, in routine order
 * @param duration the length of the running timer (for the progress bar), 0 when none runs
 * @param draftValue the pain value being chosen on the pain screen; -1 when none is marked yet
 * @param draftOne the last key on the pain screen was the digit 1 (so 0 next makes 10)
 * @param draftRegion the region being chosen: 0 no symptoms, i the routine's (i-1)th region, -1
 *     not chosen yet
 * @param painKind what the pain check in progress is for
 * @param ratings every rating confirmed in this session, in order
 * @param notice why the exercise changed level or stopped, for the switch or contact screen
 * @param stopped ids of exercises stopped for pain (a rise at the easiest level, above the
 *     ceiling, or a spread)
 * @param outcome how the session ended, null while it runs
 * @param refValue the pain reference of the exercise under way (see {@link PainPolicy})
 * @param refRegion the region rank of that reference
 * @param stopForToday the session stopped for today (GUIDE section 3): a stop screen, then the
 *     summary; no exercise screen follows
 * @param goodNews said on the next screens after a rating whose symptoms moved back toward the
 *     centre; null when there is nothing to say
 * @param unrecorded changes of level made for today only (a high starting pain) whose exercise
 *     has not begun yet: each is recorded when its exercise's first set begins, so an exercise
 *     never begun today keeps, in the history, the level it came with
 * @param easiestToday an exercise stopped above the ceiling: every later exercise of the
 *     session starts at its easiest level (this reason); null when none did
 * @param nerveRested symptoms spread: exercises that load the nerve are skipped for the rest of
 *     the session
 * @param skipped ids of the exercises skipped because they load the nerve
 * @param recheck the red-flag questions are asked again after a stop (Esc does not skip them)
 * @param spread the symptoms spread in this session
 * @param stopReason why the session stopped for today; null when it did not
 * @param hidden the window does not show the session (too small): the timers wait
 */
public record SessionState(
    Screen screen,
    Overlay overlay,
    Screen returnTo,
    int question,
    int choice,
    int exercise,
    int set,
    int round,
    int rep,
    int phase,
    List<Integer> levels,
    long deadline,
    long duration,
    long pausedRemaining,
    int draftValue,
    boolean draftOne,
    int draftRegion,
    Rating.Kind painKind,
    List<Rating> ratings,
    List<SwitchNote> switches,
    Reason notice,
    List<String> stopped,
    Outcome outcome,
    int refValue,
    int refRegion,
    boolean stopForToday,
    GoodNews goodNews,
    List<SwitchNote> unrecorded,
    Reason.EasiestToday easiestToday,
    boolean nerveRested,
    List<String> skipped,
    boolean recheck,
    boolean spread,
    Reason stopReason,
    boolean hidden) {

  public SessionState {
    levels = List.copyOf(levels);
    ratings = List.copyOf(ratings);
    switches = List.copyOf(switches);
    stopped = List.copyOf(stopped);
    unrecorded = List.copyOf(unrecorded);
    skipped = List.copyOf(skipped);
  }

  public boolean paused() {
    return pausedRemaining >= 0;
  }

  public boolean ended() {
    return outcome != null;
  }

  /** The time left on the running or paused timer, never negative. */
  public long remaining(long now) {
    if (paused()) {
      return pausedRemaining;
    }
    return Math.max(0, deadline - now);
  }

  /** The last rating confirmed in this session, or null. */
  public Rating lastRating() {
    return ratings.isEmpty() ? null : ratings.get(ratings.size() - 1);
  }

  /** The session's baseline rating, or null before it was given. */
  public Rating baseline() {
    for (Rating r : ratings) {
      if (r.kind() == Rating.Kind.BASELINE) {
        return r;
      }
    }
    return null;
  }

  public int level(int exerciseIndex) {
    return levels.get(exerciseIndex);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A mutable copy used by the core to build the next state. */
  public static final class Builder {
    Screen screen;
    Overlay overlay;
    Screen returnTo;
    int question;
    int choice;
    int exercise;
    int set;
    int round;
    int rep;
    int phase;
    List<Integer> levels;
    long deadline;
    long duration;
    long pausedRemaining;
    int draftValue;
    boolean draftOne;
    int draftRegion;
    Rating.Kind painKind;
    List<Rating> ratings;
    List<SwitchNote> switches;
    Reason notice;
    List<String> stopped;
    Outcome outcome;
    int refValue;
    int refRegion;
    boolean stopForToday;
    GoodNews goodNews;
    List<SwitchNote> unrecorded;
    Reason.EasiestToday easiestToday;
    boolean nerveRested;
    List<String> skipped;
    boolean recheck;
    boolean spread;
    Reason stopReason;
    boolean hidden;

    Builder(SessionState s) {
      screen = s.screen;
      overlay = s.overlay;
      returnTo = s.returnTo;
      question = s.question;
      choice = s.choice;
      exercise = s.exercise;
      set = s.set;
      round = s.round;
      rep = s.rep;
      phase = s.phase;
      levels = new ArrayList<>(s.levels);
      deadline = s.deadline;
      duration = s.duration;
      pausedRemaining = s.pausedRemaining;
      draftValue = s.draftValue;
      draftOne = s.draftOne;
      draftRegion = s.draftRegion;
      painKind = s.painKind;
      ratings = new ArrayList<>(s.ratings);
      switches = new ArrayList<>(s.switches);
      notice = s.notice;
      stopped = new ArrayList<>(s.stopped);
      outcome = s.outcome;
      refValue = s.refValue;
      refRegion = s.refRegion;
      stopForToday = s.stopForToday;
      goodNews = s.goodNews;
      unrecorded = new ArrayList<>(s.unrecorded);
      easiestToday = s.easiestToday;
      nerveRested = s.nerveRested;
      skipped = new ArrayList<>(s.skipped);
      recheck = s.recheck;
      spread = s.spread;
      stopReason = s.stopReason;
      hidden = s.hidden;
    }

    public SessionState build() {
      return new SessionState(screen, overlay, returnTo, question, choice, exercise, set, round,
          rep, phase, levels, deadline, duration, pausedRemaining, draftValue, draftOne,
          draftRegion, painKind, ratings, switches, notice, stopped, outcome, refValue,
          refRegion, stopForToday, goodNews, unrecorded, easiestToday, nerveRested, skipped,
          recheck, spread, stopReason, hidden);
    }
  }

  static SessionState initial(List<Integer> levels) {
    return new SessionState(Screen.WELCOME, Overlay.NONE, null, 0, -1, 0, 1, 0, 1, 0, levels, 0,
        0, -1, -1, false, -1, null, List.of(), List.of(), null, List.of(), null, 0, 0, false,
        null, List.of(), null, false, List.of(), false, false, null, false);
  }
}
