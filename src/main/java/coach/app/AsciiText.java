package coach.app;

/** Text from a history or a command line, made safe for one line of a message or a listing. */
public final class AsciiText {
  private AsciiText() {}

  /**
   * Printable ASCII as it is; anything else (controls, line breaks, direction overrides, other
   * invisible or non-ASCII characters) as a \\uXXXX escape, so the message stays one line, cannot
   * steer the terminal and shows what was really typed.
   */
  public static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04X", (int) c));
      }
    }
    return b.toString();
  }
}
