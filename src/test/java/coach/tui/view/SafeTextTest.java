package coach.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
    assertEquals("\u00e9t\u00e9", SafeText.clean("\u00e9t\u00e9"));
  }

  @Test
  void invisibleFormatCharactersGo() {
    // the terminal gives these no column where Lanterna gives each a cell
    assertEquals("(team Below the knee end)",
        SafeText.clean("(team \u200b\u200b\u200bBelow\u200c the\u200d knee\u2060 end)"));
    assertEquals("0612345678",
        SafeText.clean("\ufeff06\u00ad12\u180e34\u200b56\u206078\u2063"));
    assertEquals("lr", SafeText.clean("\u200el\u200f\u061cr\u2066\u2069"));
    // beyond U+FFFF too: language tags, a musical format character
    assertEquals("ab", SafeText.clean("a\udb40\udc01\udb40\udc65b\ud834\udd73"));
    // Unicode's own line and paragraph separators break no line of a view: spaces, as LF
    assertEquals("one two three", SafeText.clean("one\u2028two\u2029three"));
  }

  @Test
  void charactersBeyondTheBasicPlaneTakeOneCell() {
    assertEquals("ok \ufffd", SafeText.clean("ok \ud83d\ude00"));
    assertEquals("\ufffd\ufffd", SafeText.clean("\ud83d\udc4d\ud83c\udffd"));
    // a family: the joiners are format characters, each person one cell
    assertEquals("\ufffd\ufffd\ufffd",
        SafeText.clean("\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67"));
    // the emoji presentation selector is a mark with nothing to join
    assertEquals("\u2764", SafeText.clean("\u2764\ufe0f"));
    // lone surrogates still go
    assertEquals("ab", SafeText.clean("a\ud83db\ude00"));
    assertEquals("a", SafeText.clean("a\ud83d"));
  }

  @Test
  void combiningMarksJoinTheirLetterOrGo() {
    assertEquals("caf\u00e9 r\u00e9sum\u00e9", SafeText.clean("cafe\u0301 re\u0301sume\u0301"));
    assertEquals("\u00c5ngstr\u00f6m", SafeText.clean("A\u030angstro\u0308m"));
    assertEquals("\u304c", SafeText.clean("\u304b\u3099"));
    // a mark no letter takes, or a pile of them, goes
    assertEquals("q", SafeText.clean("q\u0301"));
    assertEquals("Zalgo", SafeText.clean("Z\u0351\u036ba\u0343\u036al\u0342\u0363go"));
    assertEquals(" x", SafeText.clean("\u0301 x"));
    // enclosing marks too
    assertEquals("1", SafeText.clean("1\u20e3"));
    // a mark beyond U+FFFF is dropped, not replaced
    assertEquals("a", SafeText.clean("a\ud834\udd67"));
    // a zero-width character between the letter and its mark does not keep them apart
    assertEquals("\u00e9", SafeText.clean("e\u200b\u0301"));
    // a line break does
    assertEquals("e ", SafeText.clean("e\n\u0301"));
    // spacing marks take a column of their own in the terminal too, and stay
    assertEquals("\u0915\u093e", SafeText.clean("\u0915\u093e"));
  }

  @Test
  void ordinaryTextIsNotCopied() {
    for (String s : new String[] {"Bend the knee", "\u00e9t\u00e9 \u2014 \u2022 \u2026",
        "\u250c\u2500\u2510 \u2588\u2591", "\u0394\u03b5\u03b9 \u041f\u0440\u0438",
        "\u5c48\u819d"}) {
      assertSame(s, SafeText.clean(s));
    }
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.strings().withCharRange('\u0000', '\u00ff')
        .withChars('\u001b', '[', ']', '\u0007', '\\', '\u009b', '\u202e', '\u2066', '\ud800')
        // invisible format characters, combining marks (and letters they compose with),
        // surrogates in and out of pairs
        .withChars('\u200b', '\u200c', '\u200d', '\ufeff', '\u2060', '\u180e', '\u00ad')
        .withChars('e', 'A', '\u0301', '\u0308', '\u030a', '\u0327', '\u20dd', '\ufe0f', '\u093e')
        .withChars('\u304b', '\u3099', '\ud83d', '\ude00', '\udc4d', '\udb40', '\udc01')
        .ofMaxLength(60);
  }

  @Property(tries = 2000)
  void nothingThatControlsATerminalSurvives(@ForAll("hostile") String s) {
    String c = SafeText.clean(s);
    assertTrue(c.chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch <= 0x9f)
        || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2066 && ch <= 0x2069)), c);
    assertTrue(c.chars().allMatch(SafeTextTest::oneCell), c);
    assertEquals(c, SafeText.clean(c));
  }

  /** One terminal cell, as Lanterna counts it: no format character, mark or surrogate. */
  private static boolean oneCell(int ch) {
    int t = Character.getType(ch);
    return t != Character.FORMAT && t != Character.NON_SPACING_MARK
        && t != Character.ENCLOSING_MARK && !Character.isSurrogate((char) ch);
  }

  @Property(tries = 500)
  void printableTextPassesUnchanged(@ForAll("printable") String s) {
    assertSame(s, SafeText.clean(s));
  }

  @Provide
  Arbitrary<String> printable() {
    // all but the soft hyphen (U+00AD), an invisible format character
    return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u00ac')
        .withCharRange('\u00ae', '\u024f').withCharRange('\u2010', '\u2027')
        .withCharRange('\u2500', '\u259f').ofMaxLength(80);
  }
}
