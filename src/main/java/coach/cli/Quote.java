package coach.cli;

/** A value from the command line or the environment, made safe for a one-line message. */
final class Quote {
  static final int MAX = 40;

  private Quote() {}

  /** The value in double quotes, escaped as {@link #printable}, cut after {@link #MAX} chars. */
  static String of(String s) {
    if (s == null) {
      return "\"\"";
    }
    String cut = s.length() > MAX ? s.substring(0, MAX) : s;
    return "\"" + printable(cut.replace("\\", "\\\\").replace("\"", "\\\""))
        + (s.length() > MAX ? "...\"" : "\"");
  }

  /**
   * Printable ASCII as it is; anything else (controls, line breaks, direction overrides, other
   * invisible or non-ASCII characters) as a \\uXXXX escape, so the message stays one line, cannot
   * steer the terminal and shows what was really typed.
   */
  static String printable(String s) {
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
