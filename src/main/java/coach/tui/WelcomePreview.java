package coach.tui;

import coach.session.Effect;
import coach.session.Event;
import coach.tui.view.Canvas;
import coach.tui.view.Style;
import coach.tui.view.Views;
import coach.tui.words.Messages;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;
import java.util.OptionalLong;

/**
 * The welcome screen drawn from a routine's title and disclaimer as last read from the same
 * bytes, shown while the routine is read again and the history opened; the session's own first
 * frame then adds only the week. It is only drawn: the session's loop takes the keys.
 */
public final class WelcomePreview implements App {
  private final String title;
  private final String disclaimer;
  private final Style style;

  public WelcomePreview(String title, String disclaimer, Style style) {
    this.title = title;
    this.disclaimer = disclaimer;
    this.style = style;
  }

  @Override
  public List<Effect> update(Event event, long now) {
    return List.of();
  }

  @Override
  public void draw(TextGraphics g, TerminalSize size) {
    Views.welcomePreview(new Canvas(g, size, style), title, disclaimer);
  }

  @Override
  public OptionalLong nextWakeNanos() {
    return OptionalLong.empty();
  }

  @Override
  public Messages words() {
    return style.words();
  }
}
