package coach.tui.view;

/**
 * Cleans text from routine files and users before it is drawn: drops C0 controls, DEL, C1
 * controls, whole escape sequences (CSI, OSC, DCS, APC, PM, SOS, and two-character ones, also in
 * their 8-bit forms), bidi overrides and isolates, other invisible direction marks, and lone
 * surrogates. Tabs and line breaks become spaces (views lay text out themselves).
 */
public final class SafeText {
  private static final char ESC = 0x1b;
  private static final char BEL = 0x07;

  private SafeText() {}

  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    if (alreadyClean(s)) {
      return s; // most text, on every frame: nothing to copy
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ESC || c == 0x9b || c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e
          || c == 0x9f) {
        i = skipSequence(s, i);
        continue;
      }
      if (c == '\t' || c == '\n' || c == '\r') {
        out.append(' ');
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          out.append(c).append(s.charAt(i + 1));
          i++;
        }
      } else if (!dropped(c)) {
        out.append(c);
      }
      i++;
    }
    return out.toString();
  }

  /** True when no character would be dropped, replaced or taken as part of a sequence. */
  private static boolean alreadyClean(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || dropped(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean dropped(char c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e || c == 0x200f || c == 0x061c || Character.isLowSurrogate(c);
  }

  /** Returns the index after the escape sequence starting at {@code i}. */
  private static int skipSequence(String s, int i) {
    int n = s.length();
    char c = s.charAt(i);
    char kind;
    int j;
    if (c == ESC) {
      if (i + 1 >= n) {
        return n;
      }
      kind = s.charAt(i + 1);
      j = i + 2;
    } else {
      // 8-bit forms: CSI 0x9b, OSC 0x9d, DCS 0x90, SOS 0x98, PM 0x9e, APC 0x9f
      kind = switch (c) {
        case 0x9b -> '[';
        case 0x9d -> ']';
        case 0x90 -> 'P';
        case 0x98 -> 'X';
        case 0x9e -> '^';
        default -> '_';
      };
      j = i + 1;
    }
    switch (kind) {
      case '[' -> {
        // parameters and intermediates, then one final byte 0x40-0x7e
        while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3f) {
          j++;
        }
        while (j < n && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x2f) {
          j++;
        }
        return j < n ? j + 1 : n;
      }
      case ']', 'P', 'X', '^', '_' -> {
        // a string ended by BEL, ST (ESC \) or 8-bit ST (0x9c)
        while (j < n) {
          char d = s.charAt(j);
          if (d == BEL || d == 0x9c) {
            return j + 1;
          }
          if (d == ESC) {
            return j + 1 < n && s.charAt(j + 1) == '\\' ? j + 2 : j;
          }
          j++;
        }
        return n;
      }
      default -> {
        // ESC, intermediates (0x20-0x2f), one final byte: ESC 7, ESC ( B, ESC c
        int k = i + 1;
        while (k < n && s.charAt(k) >= 0x20 && s.charAt(k) <= 0x2f) {
          k++;
        }
        return Math.min(k + 1, n);
      }
    }
  }
}
