package coach.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SafeTextTest {
  @Test
  void wholeEscapeSequencesGoNotJustTheEscape() {
    assertEquals("Bend  the  knee  now",
        SafeText.clean("Bend \u001b]52;c;aGVsbG8=\u0007 the \u001b[2J knee \u009b31m now"));
    assertEquals("ab", SafeText.clean("a\u001b]0;title\u001b\\b"));
    assertEquals("xy", SafeText.clean("x\u001bPq#0;2;0;0;0\u001b\\y"));
    assertEquals("A B", SafeText.clean("A\tB"));
    assertEquals("evil", SafeText.clean("\u202eevil\u202c"));
    assertEquals("ok", SafeText.clean("o\u007fk"));
    assertEquals("ab", SafeText.clean("a\u001b(Bb\u001b7"));
    assertEquals("\u00e9t\u00e9 \ud83d\ude00", SafeText.clean("\u00e9t\u00e9 \ud83d\ude00"));
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.strings().withCharRange('\u0000', '\u00ff')
        .withChars('\u001b', '[', ']', '\u0007', '\\', '\u009b', '\u202e', '\u2066', '\ud800')
        .ofMaxLength(60);
  }

  @Property(tries = 2000)
  void nothingThatControlsATerminalSurvives(@ForAll("hostile") String s) {
    String c = SafeText.clean(s);
    assertTrue(c.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch <= 0x9f)
        || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069)), c);
    assertEquals(c, SafeText.clean(c));
  }

  @Property(tries = 500)
  void printableTextPassesUnchanged(@ForAll("printable") String s) {
    assertEquals(s, SafeText.clean(s));
  }

  @Provide
  Arbitrary<String> printable() {
    return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u024f')
        .ofMaxLength(80);
  }
}
