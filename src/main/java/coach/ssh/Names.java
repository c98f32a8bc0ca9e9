package coach.ssh;

/** Names from the network (user names) made safe for a log line. */
final class Names {
  private Names() {}

  static String clean(String s) {
    if (s == null) {
      return "(none)";
    }
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(64).forEach(cp -> b.appendCodePoint(
        Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT ? '?' : cp));
    return s.length() > 64 ? b + "..." : b.toString();
  }
}
