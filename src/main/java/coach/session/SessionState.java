package coach.session;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Everything a session is at, immutable; views only read it. A few records, each one concern:
 * the screen, what is open over it ({@link Dialog}), where in the routine ({@link Position}),
 * the timer ({@link Timer}), the pain check being answered ({@link PainDraft}), the pain
 * reference the next rating is judged against, the notes on screen, and what the session has
 * recorded and decided so far ({@link SoFar}). The short accessors ({@code exercise()},
 * {@code choice()}, ...) read the part they name from its record.
 *
 * @param reference the pain reference of the exercise under way (see {@link PainPolicy}): its
 *     value and region rank
 * @param notice why the exercise changed level or stopped, for the switch or contact screen
 * @param goodNews said on the next screens after a rating whose symptoms moved back toward the
 *     centre; null when there is nothing to say
 */
public record SessionState(
    Screen screen,
    Dialog dialog,
    Position position,
    Timer timer,
    PainDraft draft,
    PainPolicy.Reference reference,
    Reason notice,
    GoodNews goodNews,
    SoFar soFar) {

  /**
   * What is open over the screen and what it asks.
   *
   * @param returnTo for screening opened with "!" during the session: the screen to go back to;
   *     null for the screening at the start
   * @param question index of the current screening question, or of the current harder-level
   *     offer
   * @param choice the highlighted answer of a yes/no question or the quit dialog (no is the
   *     first, yes the second), or of two choices (a stop, a high start); none before an arrow
   * @param recheck the red-flag questions are asked again after a stop (Esc does not skip them)
   */
  public record Dialog(Overlay overlay, Screen returnTo, int question, Choice choice,
      boolean recheck) {}

  /**
   * Where in the routine the session is: sets and reps from 1, rounds and phases from 0.
   *
   * @param levels the current level index of each exercise, in routine order
   */
  public record Position(int exercise, int set, int round, int rep, int phase,
      List<Integer> levels) {
    public Position {
      levels = List.copyOf(levels);
    }

    /** At the first exercise's first set, round, repetition and phase, at these levels. */
    static Position start(List<Integer> levels) {
      return new Position(0, 1, 0, 1, 0, levels);
    }
  }

  /**
   * The timer, in the session clock's nanoseconds: a running one has a {@code deadline}.
   *
   * @param duration the length of the running timer (for the progress bar), 0 when none runs
   * @param run whether the timer runs to its deadline or is paused
   * @param pausedRemaining what a paused timer has left; 0 while it is not paused
   * @param hidden the window does not show the session (too small): the timer waits
   */
  public record Timer(long deadline, long duration, Run run, long pausedRemaining,
      boolean hidden) {
    /** A timer runs to its deadline (when its screen is timed), or waits, paused. */
    public enum Run {
      RUNNING,
      PAUSED
    }

    public boolean paused() {
      return run == Run.PAUSED;
    }

    /** The time left on the running or paused timer at {@code now}, never negative. */
    public long remaining(long now) {
      return paused() ? pausedRemaining : Math.max(0, deadline - now);
    }
  }

  /**
   * What the session has recorded and decided so far.
   *
   * @param ratings every rating confirmed in this session, in order
   * @param switches every change of level, in order
   * @param stopped ids of exercises stopped for pain (a rise at the easiest level, above the
   *     ceiling, or a spread)
   * @param skipped ids of the exercises skipped because they load the nerve
   * @param unrecorded changes of level made for today only (a high starting pain) whose exercise
   *     has not begun yet: each is recorded when its exercise's first set begins, so an exercise
   *     never begun today keeps, in the history, the level it came with
   * @param outcome how the session ended, null while it runs
   * @param stopForToday the session stopped for today (GUIDE section 3): a stop screen, then the
   *     summary; no exercise screen follows
   * @param stopReason why the session stopped for today; null when it did not
   * @param easiestToday an exercise stopped above the ceiling: every later exercise of the
   *     session starts at its easiest level (this reason); null when none did
   * @param nerveRested symptoms spread: exercises that load the nerve are skipped for the rest
   *     of the session
   * @param spread the symptoms spread in this session
   */
  public record SoFar(List<Rating> ratings, List<SwitchNote> switches, List<String> stopped,
      List<String> skipped, List<SwitchNote> unrecorded, Outcome outcome, boolean stopForToday,
      Reason stopReason, Reason.EasiestToday easiestToday, boolean nerveRested,
      boolean spread) {
    public SoFar {
      ratings = List.copyOf(ratings);
      switches = List.copyOf(switches);
      stopped = List.copyOf(stopped);
      skipped = List.copyOf(skipped);
      unrecorded = List.copyOf(unrecorded);
    }

    /** Nothing recorded or decided yet: the start of a session. */
    static SoFar none() {
      return new SoFar(List.of(), List.of(), List.of(), List.of(), List.of(), null, false, null,
          null, false, false);
    }
  }

  // ---- the parts by their own names --------------------------------------------------------

  public Overlay overlay() {
    return dialog.overlay();
  }

  public Screen returnTo() {
    return dialog.returnTo();
  }

  public int question() {
    return dialog.question();
  }

  /** The highlighted answer: none yet, the first (no) or the second (yes). */
  public Choice choice() {
    return dialog.choice();
  }

  public boolean recheck() {
    return dialog.recheck();
  }

  public int exercise() {
    return position.exercise();
  }

  public int set() {
    return position.set();
  }

  public int round() {
    return position.round();
  }

  public int rep() {
    return position.rep();
  }

  public int phase() {
    return position.phase();
  }

  public List<Integer> levels() {
    return position.levels();
  }

  public int level(int exerciseIndex) {
    return position.levels().get(exerciseIndex);
  }

  public long deadline() {
    return timer.deadline();
  }

  public long duration() {
    return timer.duration();
  }

  public boolean paused() {
    return timer.paused();
  }

  public boolean hidden() {
    return timer.hidden();
  }

  /** The time left on the running or paused timer, never negative. */
  public long remaining(long now) {
    return timer.remaining(now);
  }

  public Rating.Kind painKind() {
    return draft.kind();
  }

  /** The pain number marked; empty while none is. */
  public java.util.OptionalInt draftValue() {
    return draft.value();
  }

  public boolean draftOne() {
    return draft.one();
  }

  /** Where the symptoms reach (0 none, i the routine's i-th region); empty while not chosen. */
  public java.util.OptionalInt draftRegion() {
    return draft.region();
  }

  public int refValue() {
    return reference.value();
  }

  public int refRegion() {
    return reference.region();
  }

  public List<Rating> ratings() {
    return soFar.ratings();
  }

  public List<SwitchNote> switches() {
    return soFar.switches();
  }

  public List<String> stopped() {
    return soFar.stopped();
  }

  public List<String> skipped() {
    return soFar.skipped();
  }

  public List<SwitchNote> unrecorded() {
    return soFar.unrecorded();
  }

  public Outcome outcome() {
    return soFar.outcome();
  }

  public boolean ended() {
    return soFar.outcome() != null;
  }

  public boolean stopForToday() {
    return soFar.stopForToday();
  }

  public Reason stopReason() {
    return soFar.stopReason();
  }

  public Reason.EasiestToday easiestToday() {
    return soFar.easiestToday();
  }

  public boolean nerveRested() {
    return soFar.nerveRested();
  }

  public boolean spread() {
    return soFar.spread();
  }

  /** The last rating confirmed in this session, or null. */
  public Rating lastRating() {
    List<Rating> ratings = soFar.ratings();
    return ratings.isEmpty() ? null : ratings.get(ratings.size() - 1);
  }

  /** The session's baseline rating, or null before it was given. */
  public Rating baseline() {
    for (Rating r : soFar.ratings()) {
      if (r.kind() == Rating.Kind.BASELINE) {
        return r;
      }
    }
    return null;
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A mutable copy, flat, used by the core to build the next state. */
  public static final class Builder {
    Screen screen;
    Overlay overlay;
    Screen returnTo;
    int question;
    Choice choice;
    int exercise;
    int set;
    int round;
    int rep;
    int phase;
    List<Integer> levels;
    long deadline;
    long duration;
    Timer.Run run;
    long pausedRemaining;
    OptionalInt draftValue;
    boolean draftOne;
    OptionalInt draftRegion;
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
      overlay = s.dialog.overlay();
      returnTo = s.dialog.returnTo();
      question = s.dialog.question();
      choice = s.dialog.choice();
      recheck = s.dialog.recheck();
      exercise = s.position.exercise();
      set = s.position.set();
      round = s.position.round();
      rep = s.position.rep();
      phase = s.position.phase();
      levels = new ArrayList<>(s.position.levels());
      deadline = s.timer.deadline();
      duration = s.timer.duration();
      run = s.timer.run();
      pausedRemaining = s.timer.pausedRemaining();
      hidden = s.timer.hidden();
      painKind = s.draft.kind();
      draftValue = s.draft.value();
      draftOne = s.draft.one();
      draftRegion = s.draft.region();
      refValue = s.reference.value();
      refRegion = s.reference.region();
      notice = s.notice;
      goodNews = s.goodNews;
      ratings = new ArrayList<>(s.soFar.ratings());
      switches = new ArrayList<>(s.soFar.switches());
      stopped = new ArrayList<>(s.soFar.stopped());
      skipped = new ArrayList<>(s.soFar.skipped());
      unrecorded = new ArrayList<>(s.soFar.unrecorded());
      outcome = s.soFar.outcome();
      stopForToday = s.soFar.stopForToday();
      stopReason = s.soFar.stopReason();
      easiestToday = s.soFar.easiestToday();
      nerveRested = s.soFar.nerveRested();
      spread = s.soFar.spread();
    }

    public SessionState build() {
      return new SessionState(screen,
          new Dialog(overlay, returnTo, question, choice, recheck),
          new Position(exercise, set, round, rep, phase, levels),
          new Timer(deadline, duration, run, pausedRemaining, hidden),
          new PainDraft(painKind, draftValue, draftOne, draftRegion),
          new PainPolicy.Reference(refValue, refRegion),
          notice, goodNews,
          new SoFar(ratings, switches, stopped, skipped, unrecorded, outcome, stopForToday,
              stopReason, easiestToday, nerveRested, spread));
    }
  }

  static SessionState initial(List<Integer> levels) {
    return new SessionState(Screen.WELCOME,
        new Dialog(Overlay.NONE, null, 0, Choice.NONE, false),
        Position.start(levels),
        new Timer(0, 0, Timer.Run.RUNNING, 0, false),
        PainDraft.empty(null),
        new PainPolicy.Reference(0, 0),
        null, null,
        SoFar.none());
  }
}
