package coach.routine;

/**
 * Text from files, users and the command line made safe for a message on a terminal: controls
 * (C0 with line breaks, DEL, C1), invisible format characters (direction overrides, zero-width
 * ones), line and paragraph separators and lone surrogates become {@code \\uXXXX} escapes, so a
 * message cannot steer the terminal, break into forged lines or hide what was there. Every other
 * character, accents and other scripts included, stays as it is.
 */
public final class Printable {
  private Printable() {}

  /** For one line: line breaks and tabs are escaped too. */
  public static String of(String s) {
    return escape(s, false);
  }

  /** For whole blocks of output (a stream): line breaks, carriage returns and tabs stay. */
  public static String keepingLines(String s) {
    return escape(s, true);
  }

  private static String escape(String s, boolean lines) {
    if (s == null) {
      return "";
    }
    int first = firstUnsafe(s, lines);
    if (first < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(s, i, lines)) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static int firstUnsafe(String s, boolean lines) {
    for (int i = 0; i < s.length(); i++) {
      if (unsafe(s, i, lines)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean unsafe(String s, int i, boolean lines) {
    char c = s.charAt(i);
    if (c >= 0x20 && c < 0x7f) {
      return false;
    }
    if (lines && (c == '\n' || c == '\r' || c == '\t')) {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
        || Character.getType(c) == Character.FORMAT;
  }
}
