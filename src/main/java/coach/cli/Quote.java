package coach.cli;

import coach.app.AsciiText;

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

  /** As {@link AsciiText#printable}: printable ASCII as it is, anything else escaped. */
  static String printable(String s) {
    return AsciiText.printable(s);
  }
}
