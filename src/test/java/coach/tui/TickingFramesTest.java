package coach.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Event;
import coach.session.Screen;
import coach.session.StartOptions;
import coach.tui.view.Canvas;
import coach.tui.view.Style;
import coach.tui.view.Views;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A countdown second draws only the rows that tick (the digits, the bar); what reaches the
 * terminal must still be, cell for cell and attribute for attribute, the frame the views draw
 * whole for that state at that time.
 */
@Timeout(60)
class TickingFramesTest {
  private static final Routine SCIATICA = load();
  private static final Set<Screen> TIMED = EnumSet.of(Screen.GET_READY, Screen.REP, Screen.REST);

  private static Routine load() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  @ParameterizedTest
  @CsvSource({"100,30", "80,24", "40,12", "60,20"})
  void everyCountdownSecondIsTheWholeFrameForItsState(int cols, int rows) throws Exception {
    try (Pilot p = new Pilot(SCIATICA, StartOptions.fresh(), cols, rows)) {
      PilotTest.toFirstExercise(p, 1);
      p.press(Event.Key.CONFIRM);
      int timed = 0;
      Set<Screen> seen = EnumSet.noneOf(Screen.class);
      // through the three sets of the first exercise and its 30 s rest (the digits go from two to
      // one), into the next
      for (int second = 0; second < 175; second++) {
        if (p.state().screen() == Screen.PAIN) {
          p.press(new Event.Digit(1));
          if (p.state().draftRegion().isEmpty()) {
            p.press(Event.Key.DOWN); // the first answer of a session: no symptoms
          }
          p.press(Event.Key.CONFIRM);
        } else if (p.state().screen() == Screen.INTRO) {
          p.press(Event.Key.CONFIRM);
        }
        p.advance(second % 7 == 3 ? 0.5 : 1);
        assertSameAsWhole(p, "second " + second);
        if (TIMED.contains(p.state().screen())) {
          seen.add(p.state().screen());
          timed++;
        }
      }
      assertEquals(TIMED, seen, "the walk went through every timed screen");
      // most of those seconds were drawn by their ticking rows alone, not all of them whole
      assertTrue(p.loop.partialFrames() > timed / 2,
          p.loop.partialFrames() + " partial frames in " + timed + " timed seconds");
    }
  }

  @Test
  void overlaysPausesAndResizesOverACountdownShowTheWholeFrame() throws Exception {
    try (Pilot p = new Pilot(SCIATICA, StartOptions.fresh(), 80, 24)) {
      PilotTest.toFirstExercise(p, 1);
      p.press(Event.Key.CONFIRM).advance(3);
      assertEquals(Screen.REP, p.state().screen(), p.screen());
      p.advance(1);
      assertSameAsWhole(p, "before the pause");
      p.press(Event.Key.PAUSE);
      assertSameAsWhole(p, "paused");
      p.advance(2);
      assertSameAsWhole(p, "paused, two seconds on");
      p.press(Event.Key.PAUSE).advance(1);
      assertSameAsWhole(p, "resumed");
      p.press(Event.Key.HELP);
      assertSameAsWhole(p, "help over the countdown");
      p.advance(1).advance(1);
      assertSameAsWhole(p, "help, two seconds on");
      p.press(Event.Key.BACK).advance(1);
      assertSameAsWhole(p, "help closed");
      p.resize(100, 30);
      assertSameAsWhole(p, "larger");
      p.advance(1);
      assertSameAsWhole(p, "larger, a second on");
      p.resize(40, 12).advance(1);
      assertSameAsWhole(p, "smallest");
      p.resize(30, 10).advance(1).resize(80, 24).advance(1);
      assertSameAsWhole(p, "back from too small");
    }
  }

  /** The pilot's terminal holds exactly what the views draw whole for its state now. */
  private static void assertSameAsWhole(Pilot p, String when) throws Exception {
    TerminalSize size = p.terminal.getTerminalSize();
    DefaultVirtualTerminal whole = new DefaultVirtualTerminal(size);
    TerminalScreen screen = new TerminalScreen(whole);
    screen.startScreen();
    Views.draw(new Canvas(screen.newTextGraphics(), size, new Style(false, false))
        .at(p.clock.nanoTime()), p.app.coach(), p.app.state());
    screen.refresh(com.googlecode.lanterna.screen.Screen.RefreshType.COMPLETE);
    for (int r = 0; r < size.getRows(); r++) {
      for (int c = 0; c < size.getColumns(); c++) {
        TextCharacter want = whole.getCharacter(c, r);
        TextCharacter got = p.terminal.getCharacter(c, r);
        if (!want.equals(got)) {
          throw new AssertionError(when + ": cell " + c + "," + r + " is " + got + ", whole "
              + want + "\n" + p.screen());
        }
      }
    }
  }
}
