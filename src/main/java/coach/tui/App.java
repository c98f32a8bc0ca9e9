package coach.tui;

import coach.session.Effect;
import coach.session.Event;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;
import java.util.OptionalLong;

/** The program the loop runs: the session core plus its views, seen from the terminal. */
public interface App {
  /** Applies one event and returns the effects to carry out, in order. */
  List<Effect> update(Event event);

  /** Draws the current state; called on the loop's thread. */
  void draw(TextGraphics g, TerminalSize size);

  /** When the app next needs a tick, in its clock's nanoseconds; empty when nothing is timed. */
  OptionalLong nextWakeNanos();
}
