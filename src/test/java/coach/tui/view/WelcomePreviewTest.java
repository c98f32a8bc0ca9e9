package coach.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Coach;
import coach.session.StartOptions;
import coach.tui.WelcomePreview;
import coach.tui.words.Language;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The welcome drawn before the routine is read again must be the session's own welcome, cell for
 * cell (text, colours, styles), so its first real frame changes nothing but adds the week.
 */
class WelcomePreviewTest {
  private interface Drawing {
    void draw(com.googlecode.lanterna.graphics.TextGraphics g, TerminalSize size);
  }

  private static TextCharacter[][] cells(int cols, int rows, Drawing d)
      throws IOException {
    DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
    TerminalScreen screen = new TerminalScreen(vt);
    screen.startScreen();
    d.draw(screen.newTextGraphics(), screen.getTerminalSize());
    screen.refresh();
    TextCharacter[][] out = new TextCharacter[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r][c] = vt.getCharacter(new TerminalPosition(c, r));
      }
    }
    screen.stopScreen();
    return out;
  }

  private static String text(TextCharacter[][] cells) {
    StringBuilder sb = new StringBuilder();
    for (TextCharacter[] row : cells) {
      for (TextCharacter ch : row) {
        sb.append(ch.getCharacterString());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @ParameterizedTest
  @CsvSource({"100,30,false,ENGLISH", "80,24,false,ENGLISH", "80,24,true,ENGLISH",
      "100,30,false,SPANISH", "40,12,false,ENGLISH", "60,15,true,SPANISH"})
  void thePreviewIsTheWelcomeWithoutTheWeek(int cols, int rows, boolean ascii, String lang)
      throws IOException {
    Style style = new Style(ascii, true, Language.valueOf(lang));
    var routine = ScreenTour.sciatica();
    Coach coach = new Coach(routine, StartOptions.fresh());
    TextCharacter[][] session = cells(cols, rows,
        (g, size) -> Views.draw(new Canvas(g, size, style), coach, coach.start(), null));
    TextCharacter[][] preview = cells(cols, rows,
        new WelcomePreview(routine.title(), routine.disclaimer(), style)::draw);
    assertTrue(text(session).contains(routine.title()), text(session));
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        assertEquals(session[r][c], preview[r][c], "row " + r + ", column " + c + ":\n"
            + text(session) + "\n" + text(preview));
      }
    }
  }

}
