package coach.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import coach.session.Effect;
import coach.session.Event;
import coach.tui.view.Canvas;
import coach.tui.view.Style;
import coach.tui.view.Glyphs;
import coach.tui.words.Messages;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

/**
 * The bytes a terminal path writes, checked against what was drawn: a screen with the footer
 * separator and other letters outside ASCII (of two and three UTF-8 bytes), drawn by the real
 * loop and screen; the output must be those characters in UTF-8 and nothing else
 * between the control sequences.
 */
public final class RawOutput {
  public static final String HEADER_RIGHT = "Set 1 of 3" + Glyphs.sep(false) + "Rep 2 of 10";
  public static final String FOOTER = String.join(Glyphs.sep(false), "Enter start", "q quit",
      "! red flag");
  public static final String ACCENTS = "Caf\u00e9 cr\u00e8me \u00b7 na\u00efve";
  public static final String BLOCKS = "\u2588\u2591 \u2191\u2193 adjust \u00b7 \u2014 done";

  private RawOutput() {}

  /** Draws the lines above; ends on an interrupt. */
  public static App app() {
    return new App() {
      @Override
      public List<Effect> update(Event event, long now) {
        return event instanceof Event.Interrupt ? List.of(new Effect.Exit()) : List.of();
      }

      @Override
      public void draw(TextGraphics g, TerminalSize size) {
        Canvas c = new Canvas(g, size, new Style(false, false));
        c.bar(0, "Rehab Coach", HEADER_RIGHT);
        c.text(2, 4, ACCENTS);
        c.text(2, 6, BLOCKS);
        c.text(1, size.getRows() - 1, FOOTER);
      }

      @Override
      public OptionalLong nextWakeNanos() {
        return OptionalLong.empty();
      }

      @Override
      public Messages words() {
        return Messages.english();
      }
    };
  }

  /** What {@link #app()} draws, top to bottom, without the blanks between. */
  public static String drawnText() {
    return ("Rehab Coach" + HEADER_RIGHT + ACCENTS + BLOCKS + FOOTER).replaceAll("\\s", "");
  }

  /**
   * One or more frames of {@link #app()}: no NUL byte, valid UTF-8, the separator as C2 B7, and,
   * with the control sequences and blanks taken out, the drawn text once per frame.
   */
  public static void assertFrames(byte[] out, int frames) {
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0) {
        fail("a NUL byte at " + i + " of " + out.length + ", after "
            + new String(out, Math.max(0, i - 12), Math.min(12, i), StandardCharsets.UTF_8));
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("the output is not valid UTF-8", e);
    }
    assertTrue(indexOf(out, new byte[] {(byte) 0xc2, (byte) 0xb7}) >= 0,
        "the separator is written as UTF-8 C2 B7");
    String visible = text
        .replaceAll("\u001b\\[[0-?]*[ -/]*[@-~]", "") // CSI: cursor, colours, modes
        .replaceAll("\u001b[()][0-9A-Za-z]", "") // character set selection
        .replaceAll("\u001b[78=>]", "")
        .replaceAll("\\s", "");
    assertEquals(drawnText().repeat(frames), visible,
        "between the control sequences, exactly the characters drawn");
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
