package coach.tui.view;

import coach.session.Choice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Coach;
import coach.session.Event;
import coach.session.Screen;
import coach.session.SessionState;
import coach.session.StartOptions;
import coach.tui.CoachApp;
import coach.tui.ManualClock;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.BasicTextImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A summary longer than the window loses nothing: the arrows bring every line into view. */
class SummaryScrollTest {
  private final ManualClock clock = new ManualClock(5_000_000_000L);
  private final CoachApp app = new CoachApp(new Coach(ScreenTour.sciatica(),
      StartOptions.fresh()), new Style(false, false));

  private void press(Event... events) {
    for (Event e : events) {
      app.update(e, clock.nanoTime());
    }
  }

  private void to(Screen target) {
    for (int guard = 0; guard < 500 && app.state().screen() != target; guard++) {
      switch (app.state().screen()) {
        case WELCOME, INTRO, SWITCH, CONTACT -> press(Event.Key.CONFIRM);
        case SCREENING -> press(Event.Key.NO);
        case PAIN -> {
          press(new Event.Digit(2));
          while (app.state().draftRegion().orElse(-1) < 1) {
            press(Event.Key.DOWN);
          }
          press(Event.Key.CONFIRM);
        }
        default -> {
          clock.advanceNanos(Coach.SECOND);
          press(new Event.Tick());
        }
      }
    }
    assertEquals(target, app.state().screen());
  }

  private String render(int cols, int rows) {
    BasicTextImage image = new BasicTextImage(cols, rows);
    app.draw(image.newTextGraphics(), new TerminalSize(cols, rows));
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        sb.append(image.getCharacterAt(c, r).getCharacterString());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  void theArrowsBringEveryLineOfALongSummaryIntoViewAndTellTheSessionNothing() {
    to(Screen.INTRO);
    // Cat/Camel: 4 after the first set makes it easier, 8 after the next stops it (above the
    // ceiling): the red flags again, then the card with "End the session" marked
    to(Screen.PAIN);
    press(new Event.Digit(4), Event.Key.CONFIRM);
    to(Screen.PAIN);
    press(new Event.Digit(8), Event.Key.CONFIRM);
    to(Screen.CONTACT);
    assertEquals(Choice.SECOND, app.state().choice(), "\"End the session\" is marked");
    press(Event.Key.CONFIRM);
    assertEquals(Screen.SUMMARY, app.state().screen());

    String top = render(40, 12);
    assertTrue(top.contains("more: lines 1-5 of"), top);
    assertTrue(top.contains("scroll"), "the footer lists the arrows: " + top);
    assertFalse(top.contains("support@parfourperformance.com"), top);

    SessionState before = app.state();
    StringBuilder seen = new StringBuilder(top);
    for (int i = 0; i < 80; i++) { // more than needed: it stops at the last line
      assertEquals(List.of(), app.update(Event.Key.DOWN, clock.nanoTime()));
      seen.append(render(40, 12));
    }
    assertSame(before, app.state(), "scrolling is the screen's own: the session is not told");
    String end = render(40, 12);
    java.util.regex.Matcher shown = java.util.regex.Pattern
        .compile("more: lines (\\d+)-(\\d+) of (\\d+)").matcher(end);
    assertTrue(shown.find(), end);
    assertEquals(shown.group(3), shown.group(2), "the last line is in view: " + end);
    for (String words : List.of("Small-range", "What next", "Stop these exercises",
        "Contact: Par Four", "support@parfourperformance.com", "discovery call")) {
      assertTrue(seen.toString().contains(words), words);
    }

    for (int i = 0; i < 80; i++) {
      app.update(Event.Key.UP, clock.nanoTime());
    }
    assertEquals(top, render(40, 12), "back at the top");
    assertFalse(render(100, 40).contains("more: lines"), "a window that holds it all");
  }
}
