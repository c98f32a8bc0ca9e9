package coach.session;

/**
 * What can happen to a session: a key the person pressed (already mapped from the terminal to its
 * meaning), a timer tick, or an interruption from outside (a signal or a dropped link). When it
 * happened is handed to the core with it ({@link Coach#update}): the loop stamps every event,
 * keys as well as ticks, with the moment it takes it.
 */
public sealed interface Event permits Event.Key, Event.Digit, Event.Typed, Event.Tick,
    Event.Window, Event.Interrupt {

  /** Keys by meaning. The terminal layer maps Enter, Space, arrows, letters to these. */
  enum Key implements Event {
    /** Enter: confirm or next. */
    CONFIRM,
    /** Esc: close an overlay or step back; never loses anything. */
    BACK,
    /** Space: pause or resume. */
    PAUSE,
    /** s: skip the current rep/set/rest. */
    SKIP,
    /** q or Ctrl-C: ask to quit (saves first). */
    QUIT,
    /** ?: help overlay. */
    HELP,
    /** !: the red-flag screen. */
    RED_FLAG,
    UP,
    DOWN,
    LEFT,
    RIGHT,
    /** y: yes on a yes/no question. */
    YES,
    /** n: no on a yes/no question. */
    NO,
    /** Backspace: erase the last character typed into a field. */
    ERASE
  }

  /** A digit key 0-9 (a pain rating is typed as digits; "1" then "0" is 10). */
  record Digit(int value) implements Event {
    public Digit {
      if (value < 0 || value > 9) {
        throw new IllegalArgumentException("digit out of range: " + value);
      }
    }
  }

  /** A character typed into a text field (the kiosk's patient code); printable only. */
  record Typed(char c) implements Event {
    public Typed {
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException("control character typed");
      }
    }
  }

  /**
   * Time passed: every timer that ran out by the moment it is handed in with runs now. The
   * moment is not a field of the tick because every event has one (a key pauses a countdown to
   * the nanosecond it was pressed).
   */
  record Tick() implements Event {}

  /**
   * The window stopped showing the session ({@code shown} false: too small, or too large to
   * draw, so it asks to be resized instead) or shows it again. Hidden, the timers wait as a
   * pause would keep them; shown again, they run on from where they stopped, nothing lost.
   */
  record Window(boolean shown) implements Event {}

  /** The session must end now (SIGTERM, SIGHUP, a dropped SSH link): save and end. */
  record Interrupt(String why) implements Event {}
}
