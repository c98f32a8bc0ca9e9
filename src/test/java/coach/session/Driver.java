package coach.session;

import coach.tui.ManualClock;
import coach.tui.words.Messages;
import coach.tui.words.Reasons;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a Coach with a manual clock (each event handed in at its reading), collecting every effect (and handing each to a sink, as
 * the app hands them to the history; see coach.store.StoredSession).
 */
public final class Driver {
  /** Where each effect goes as it comes, as the session loop's sink. */
  @FunctionalInterface
  public interface Sink {
    void accept(Effect effect) throws Exception;
  }

  final Coach coach;
  final ManualClock clock;
  SessionState state;
  final List<Effect> effects = new ArrayList<>();
  private final Sink sink;

  /** With every effect handed to {@code sink} as it comes (a failure fails the test). */
  public Driver(coach.routine.Routine routine, StartOptions options, Sink sink) {
    this(routine, options, KeyMap.YesKey.Y, sink);
  }

  /** With the letter that answers yes (s as well as y, as in Spanish). */
  Driver(coach.routine.Routine routine, StartOptions options, KeyMap.YesKey yes) {
    this(routine, options, yes, fx -> { });
  }

  private Driver(coach.routine.Routine routine, StartOptions options, KeyMap.YesKey yes,
      Sink sink) {
    this.clock = new ManualClock(1_000_000L);
    this.coach = new Coach(routine, options, yes);
    this.state = coach.start();
    this.sink = sink;
  }

  Driver(coach.routine.Routine routine, StartOptions options) {
    this(routine, options, fx -> { });
  }

  Driver(coach.routine.Routine routine) {
    this(routine, StartOptions.fresh());
  }

  public SessionState state() {
    return state;
  }

  List<Effect> send(Event e) {
    Transition t = coach.update(state, e, clock.nanoTime());
    state = t.state();
    effects.addAll(t.effects());
    for (Effect fx : t.effects()) {
      try {
        sink.accept(fx);
      } catch (Exception ex) {
        throw new AssertionError("the sink refused " + fx, ex);
      }
    }
    return t.effects();
  }

  public Driver press(Event... events) {
    for (Event e : events) {
      send(e);
    }
    return this;
  }

  /** Moves the clock forward and delivers one tick, as a late scheduler would. */
  public Driver advanceSeconds(double seconds) {
    clock.advanceNanos((long) (seconds * Coach.SECOND));
    send(new Event.Tick());
    return this;
  }

  /** Welcome, answer no to every red flag, reach the baseline pain check. */
  Driver throughScreening() {
    return press(Event.Key.CONFIRM).noRedFlags();
  }

  /**
   * Answers no to every safety question: the signs of a serious cause before a first session
   * (when asked), then the red flags.
   */
  public Driver noRedFlags() {
    while (state.screen() == Screen.SCREENING || state.screen() == Screen.SERIOUS_SIGNS) {
      press(Event.Key.NO);
    }
    return this;
  }

  /** Types a rating and confirms it with the given region rank (0 none) when the routine asks where. */
  public Driver rate(int value, int regionRank) {
    if (value == 10) {
      press(new Event.Digit(1), new Event.Digit(0));
    } else {
      press(new Event.Digit(value));
    }
    if (coach.routine().painRule().spreadCounts()) {
      where(regionRank);
    }
    press(Event.Key.CONFIRM);
    return this;
  }

  /** Moves the symptoms' answer on the pain check to the given rank (0 none) with up/down. */
  public Driver where(int regionRank) {
    if (state.draftRegion().isEmpty()) {
      press(Event.Key.DOWN); // the first answer of a session: "no symptoms" marked
    }
    while (state.draftRegion().orElse(-1) < regionRank) {
      press(Event.Key.DOWN);
    }
    while (state.draftRegion().orElse(-1) > regionRank) {
      press(Event.Key.UP);
    }
    return this;
  }

  /** Runs timers (ticking at each wake) and presses Enter on untimed phases until a pain check or another key-waiting screen. */
  public Driver untilPainOrStop() {
    for (int guard = 0; guard < 100_000; guard++) {
      Screen s = state.screen();
      if (s == Screen.INTRO) {
        press(Event.Key.CONFIRM);
      } else if (s == Screen.GET_READY || s == Screen.REP || s == Screen.REST) {
        var wake = coach.nextWake(state, clock.nanoTime());
        if (wake.isPresent()) {
          clock.advanceNanos(Math.max(0, wake.getAsLong() - clock.nanoTime()));
          send(new Event.Tick());
        } else {
          press(Event.Key.CONFIRM);
        }
      } else {
        return this;
      }
    }
    throw new AssertionError("session did not reach a key-waiting screen");
  }

  /** The switch or contact screen's reason, in the English the screen shows. */
  String notice() {
    return state.notice() == null ? null : Reasons.text(Messages.english(), state.notice(),
        coach.exercise(state), coach.routine().painRule().regions());
  }

  /** The good news on screen, in English. */
  String goodNews() {
    return state.goodNews() == null ? null : Reasons.goodNews(Messages.english(),
        state.goodNews(), coach.routine().painRule().regions());
  }

  /**
   * Past any screen but a pain check, as a patient who goes on: Enter on a switch, the gentle
   * session after a high start, no to the red flags asked again, "Next exercise" on the contact
   * card, and the timers and intros up to the next pain check.
   */
  Driver onward() {
    switch (state.screen()) {
      case CONTACT -> {
        if (state.choice() == Choice.SECOND) {
          press(Event.Key.UP); // from "End the session" to "Next exercise"
        }
        press(Event.Key.CONFIRM);
      }
      case SWITCH -> press(Event.Key.CONFIRM);
      case HIGH_PAIN -> {
        if (state.choice() == Choice.SECOND) {
          press(Event.Key.UP); // from "End for today" to the gentle session
        }
        press(Event.Key.CONFIRM);
      }
      case SCREENING -> noRedFlags();
      default -> untilPainOrStop();
    }
    return this;
  }

  List<Rating> recordedRatings() {
    List<Rating> out = new ArrayList<>();
    for (Effect e : effects) {
      if (e instanceof Effect.RecordRating r) {
        out.add(r.rating());
      }
    }
    return out;
  }

  <T extends Effect> List<T> effectsOf(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Effect e : effects) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }
}
