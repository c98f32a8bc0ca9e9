package coach.tui.view;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Coach;
import coach.session.Event;
import coach.session.Screen;
import coach.session.SessionState;
import coach.session.StartOptions;
import coach.tui.ManualClock;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks a session on the bundled routine to each screen, for the screen tests. */
final class ScreenTour {
  final ManualClock clock = new ManualClock(5_000_000_000L);
  final Coach coach;
  SessionState state;
  /** The patient's week, for the welcome screen; null when none is shown. */
  Week week;

  ScreenTour(StartOptions options) {
    this(sciatica(), options);
  }

  /** A tour of any routine, including ones built by hand that the loader would refuse. */
  ScreenTour(Routine routine, StartOptions options) {
    coach = new Coach(routine, options);
    state = coach.start();
  }

  ScreenTour() {
    this(StartOptions.fresh());
  }

  static Routine sciatica() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    if (!r.ok()) {
      throw new AssertionError(r.problems().toString());
    }
    return r.routine();
  }

  ScreenTour withWeek(Week w) {
    week = w;
    return this;
  }

  ScreenTour press(Event... events) {
    for (Event e : events) {
      state = coach.update(state, e, clock.nanoTime()).state();
    }
    return this;
  }

  ScreenTour advance(double seconds) {
    clock.advanceNanos((long) (seconds * Coach.SECOND));
    return press(new Event.Tick());
  }

  ScreenTour toScreen(Screen target) {
    for (int guard = 0; guard < 500 && state.screen() != target; guard++) {
      switch (state.screen()) {
        case WELCOME, INTRO, SWITCH, CONTACT, HIGH_PAIN, STOP_TODAY -> press(Event.Key.CONFIRM);
        case SCREENING, NEXT_MORNING, OFFER_HARDER, SERIOUS_SIGNS, CLEARANCE ->
            press(Event.Key.NO);
        case PAIN -> {
          press(new Event.Digit(2));
          while (state.draftRegion().orElse(-1) < 1) {
            press(Event.Key.DOWN);
          }
          press(Event.Key.CONFIRM);
        }
        case GET_READY, REP, REST -> advance(1);
        default -> throw new AssertionError("cannot reach " + target + " from " + state.screen());
      }
    }
    return this;
  }

  /** Renders the state at a size and returns the screen's text, trailing spaces trimmed. */
  String render(int cols, int rows, Style style) {
    try {
      DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
      TerminalScreen screen = new TerminalScreen(vt);
      screen.startScreen();
      TerminalSize size = screen.getTerminalSize();
      if (cols >= Views.MIN_COLUMNS && rows >= Views.MIN_ROWS) {
        Views.draw(new Canvas(screen.newTextGraphics(), size, style).at(clock.nanoTime()), coach,
            state, week);
      }
      screen.refresh();
      String text = Goldens.text(screen, cols, rows);
      screen.stopScreen();
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Integer> levels(String id, int level) {
    return Map.of(id, level);
  }
}
