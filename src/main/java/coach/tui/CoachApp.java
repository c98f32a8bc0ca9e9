package coach.tui;

import coach.session.Coach;
import coach.session.Effect;
import coach.session.Event;
import coach.session.Overlay;
import coach.session.Screen;
import coach.session.SessionState;
import coach.session.Transition;
import coach.tui.view.Canvas;
import coach.tui.view.Style;
import coach.tui.view.Views;
import coach.tui.view.Week;
import com.googlecode.lanterna.TerminalRectangle;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;
import java.util.OptionalLong;

/**
 * The session core and its views as one program for the terminal loop. Holds the current state;
 * one instance per session, used only from the loop's thread.
 */
public final class CoachApp implements App {
  /** Told of each change of state, on the loop's thread (speech, for one); must not block. */
  @FunctionalInterface
  public interface Observer {
    void changed(Coach coach, SessionState before, SessionState after);
  }

  private final Coach coach;
  private final Style style;
  private final Week week;
  private Observer observer = (coach, before, after) -> { };
  private SessionState state;
  /**
   * The moment of the last event, on the loop's clock: what the frame shows and the next wake is
   * counted from. Before any event the session is on its welcome, where nothing is timed.
   */
  private long now;
  /** What the last whole frame showed: its state, its size and its parts that tick alone. */
  private SessionState drawnState;
  private TerminalSize drawnSize;
  private Canvas.TickingParts drawnTicking;
  /** How far down the summary is shown, and how far it can go at the last size drawn. */
  private int summaryScroll;
  private int summaryScrollMax;

  public CoachApp(Coach coach, Style style) {
    this(coach, style, null);
  }

  /** With the patient's week for the welcome screen (null: none shown). */
  public CoachApp(Coach coach, Style style, Week week) {
    this.coach = coach;
    this.style = style;
    this.week = week;
    this.state = coach.start();
  }

  /** Screens of text only, which scroll with the arrows when longer than the window. */
  private static final java.util.Set<Screen> READING = java.util.EnumSet.of(Screen.SUMMARY,
      Screen.STOP_TODAY, Screen.LOCKED, Screen.SEE_DOCTOR, Screen.URGENT, Screen.SWITCH,
      Screen.WELCOME);

  @Override
  public List<Effect> update(Event event, long now) {
    this.now = now;
    if (READING.contains(state.screen())
        && state.overlay() == Overlay.NONE
        && (event == Event.Key.UP || event == Event.Key.DOWN)) {
      // a summary longer than the window: the arrows move it, the session is not told
      summaryScroll = Math.max(0, Math.min(summaryScrollMax,
          summaryScroll + (event == Event.Key.DOWN ? 1 : -1)));
      return List.of();
    }
    Transition t = coach.update(state, event, now);
    SessionState before = state;
    state = t.state();
    if (state.screen() != before.screen()) {
      summaryScroll = 0; // a new screen starts at its top
    }
    observer.changed(coach, before, state);
    return t.effects();
  }

  /** A window too small to show the session holds its timers, as a pause would. */
  @Override
  public List<Effect> windowShown(boolean shown, long now) {
    return update(new Event.Window(shown), now);
  }

  @Override
  public void draw(TextGraphics g, TerminalSize size) {
    boolean reading = READING.contains(state.screen());
    Canvas c = new Canvas(g, size, style).at(now).scrolledTo(reading ? summaryScroll : 0);
    Views.draw(c, coach, state, week);
    summaryScrollMax = c.scrollMax();
    drawnState = state;
    drawnSize = size;
    drawnTicking = c.tickingParts();
  }

  /**
   * While the state is the one last drawn, only a countdown's digits and bar change from one
   * second to the next: those areas alone are drawn again.
   */
  @Override
  public List<TerminalRectangle> tickingAreas(TerminalSize size) {
    boolean same = drawnTicking != null && size.equals(drawnSize)
        && (state == drawnState || state.equals(drawnState));
    return same ? drawnTicking.areas() : null;
  }

  @Override
  public void drawTicking(TextGraphics g, TerminalSize size) {
    drawnTicking.redraw(new Canvas(g, size, style).at(now));
  }

  @Override
  public OptionalLong nextWakeNanos() {
    return coach.nextWake(state, now);
  }

  @Override
  public coach.tui.words.Messages words() {
    return style.words();
  }

  /** Tells the observer of every change of state from now on. */
  public CoachApp observe(Observer o) {
    this.observer = o;
    return this;
  }

  public SessionState state() {
    return state;
  }

  public Coach coach() {
    return coach;
  }
}
