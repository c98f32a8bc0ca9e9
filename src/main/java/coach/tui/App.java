package coach.tui;

import coach.session.Effect;
import coach.session.Event;
import coach.tui.words.Messages;
import com.googlecode.lanterna.TerminalRectangle;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;
import java.util.OptionalLong;

/** The program the loop runs: the session core plus its views, seen from the terminal. */
public interface App {
  /**
   * Applies one event, which happened at {@code now} on the loop's {@link Clock} (the loop stamps
   * every event as it takes it), and returns the effects to carry out, in order. The app draws
   * its next frame as of that moment, and counts its next wake from it.
   */
  default List<Effect> update(Event event, long now) {
    return update(event);
  }

  /**
   * Applies one event, reading the time from a clock of the app's own.
   *
   * @deprecated an app takes the moment with the event ({@link #update(Event, long)}); this is
   *     kept for the clinic board until it does
   */
  @Deprecated
  default List<Effect> update(Event event) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " takes the time with each event");
  }

  /**
   * The window stopped showing the app ({@code shown} false: too small, or too large to draw,
   * so the loop asks for another size instead) or shows it again, at {@code now}. An app whose
   * timers must not run unseen holds them meanwhile; returns the effects to carry out.
   */
  default List<Effect> windowShown(boolean shown, long now) {
    return List.of();
  }

  /** Draws the current state; called on the loop's thread. */
  void draw(TextGraphics g, TerminalSize size);

  /**
   * The areas that changed with the clock alone since the last {@link #draw} of this size, when
   * only they need drawing again (through {@link #drawTicking}); null when the whole frame must be
   * drawn: the state changed, or the frame has no such areas.
   */
  default List<TerminalRectangle> tickingAreas(TerminalSize size) {
    return null;
  }

  /** Draws only the areas {@link #tickingAreas} gave, onto those areas already cleared. */
  default void drawTicking(TextGraphics g, TerminalSize size) {
    throw new IllegalStateException("no areas that tick on their own");
  }

  /**
   * What a key means now. Called on the input thread, so it may read only what is safe to read
   * from there. Most apps map keys by meaning; a text field takes characters as typed.
   */
  default Event key(KeyStroke k) {
    return Keys.map(k);
  }

  /**
   * When the app next needs a tick, on the loop's clock, counted from the last event's moment;
   * empty when nothing is timed.
   */
  OptionalLong nextWakeNanos();

  /** The words of its screens, also for what the loop draws over them (small window, not saved). */
  Messages words();
}
