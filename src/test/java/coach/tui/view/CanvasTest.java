package coach.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.BasicTextImage;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The looks of drawn text, on the quick path for narrow text and Lanterna's for the rest. */
class CanvasTest {
  private final BasicTextImage img = new BasicTextImage(20, 3);

  private Canvas canvas(boolean color) {
    return new Canvas(img.newTextGraphics(), new TerminalSize(20, 3), new Style(false, color));
  }

  private TextCharacter at(int col, int row) {
    return img.getCharacterAt(col, row);
  }

  @Test
  void boldReverseAndColourAsBefore() {
    Canvas c = canvas(false);
    c.bar(0, "Head", "1/4");
    c.bold(0, 1, "Bold");
    c.text(6, 1, "plain");
    assertEquals(EnumSet.of(SGR.BOLD, SGR.REVERSE), at(1, 0).getModifiers());
    assertEquals("H", at(1, 0).getCharacterString());
    assertEquals(EnumSet.of(SGR.BOLD), at(0, 1).getModifiers());
    assertEquals(EnumSet.noneOf(SGR.class), at(6, 1).getModifiers());
    assertEquals(TextColor.ANSI.DEFAULT, at(6, 1).getForegroundColor());
    Canvas coloured = canvas(true);
    coloured.highlight(0, 2, "Sel");
    assertEquals(TextColor.ANSI.BLUE, at(0, 2).getBackgroundColor());
    assertEquals(TextColor.ANSI.WHITE_BRIGHT, at(0, 2).getForegroundColor());
    assertEquals(EnumSet.of(SGR.BOLD), at(0, 2).getModifiers(), "bold goes with the colour");
  }

  @Test
  void wideCharactersStillTakeTwoCells() {
    Canvas c = canvas(false);
    c.text(0, 0, "\u75db\u307f ok"); // two wide characters, then narrow text
    assertTrue(at(0, 0).isDoubleWidth());
    assertEquals("\u307f", at(2, 0).getCharacterString());
    assertEquals("o", at(5, 0).getCharacterString());
    c.text(0, 1, "ok \u2588\u2591 \u00e9");
    assertFalse(at(3, 1).isDoubleWidth());
    assertEquals("\u2591", at(4, 1).getCharacterString());
    assertEquals("\u00e9", at(6, 1).getCharacterString());
  }

  @Test
  void hostileTextTakesOneCellPerCharacterLeft() {
    Canvas c = canvas(false);
    // zero-width and format characters, an emoji, a letter and its accent, then a marker
    c.text(0, 0, "a\u200b\u200db\ufeff\ud83d\ude00c e\u0301\u00ad\u2060|");
    String[] want = {"a", "b", "\ufffd", "c", " ", "\u00e9", "|"};
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], at(i, 0).getCharacterString(), "column " + i);
      assertFalse(at(i, 0).isDoubleWidth(), "column " + i);
    }
    assertEquals(" ", at(want.length, 0).getCharacterString());
    // the wrap keeps each accent with its letter: no line starts with a lone mark
    int next = c.paragraph(0, 1, 4, 2, "cafe\u0301 the\u0301", false);
    assertEquals(3, next);
    assertEquals("\u00e9", at(3, 1).getCharacterString());
    assertEquals("t", at(0, 2).getCharacterString());
    assertEquals("\u00e9", at(2, 2).getCharacterString());
  }

  @Test
  void textIsCutAtTheRightEdgeWithAMarkThatSaysSo() {
    canvas(false).text(15, 0, "abcdefghij");
    assertEquals("d", at(18, 0).getCharacterString());
    assertEquals("\u2026", at(19, 0).getCharacterString());
    assertEquals(20, Canvas.columns("abcdefghijabcdefghij"));
    assertEquals(4, Canvas.columns("\u75db\u307f"));
  }
}
