package coach.cli;

/** A value from the command line or the environment, quoted for a one-line message. */
final class Quote {
  static final int MAX = 40;

  private Quote() {}

  /**
   * Printable ASCII as it is; anything else (controls, line breaks, direction overrides, other
   * invisible or non-ASCII characters) as a \\uXXXX escape, so the message stays one line, cannot
   * steer the terminal and shows what was really typed; long values are cut.
   */
  static String of(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      if (i == MAX) {
        b.append("...");
        break;
      }
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04X", (int) c));
      }
    }
    return b.append('"').toString();
  }
}
