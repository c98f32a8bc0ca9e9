package coach.tui.view;

/** Where the views take their text cleaning from. */
final class SafeTextBridge {
  private SafeTextBridge() {}

  static String clean(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        sb.append(' ');
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)
          || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
        continue;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
