package coach.tui.view;

/**
 * Cleans text from routine files and users before it is drawn, so that every character left
 * takes exactly one terminal cell (two for East Asian wide ones) and moves the cursor the same
 * way in Lanterna and in the terminal:
 *
 * <ul>
 *   <li>drops C0 controls, DEL, C1 controls and whole escape sequences (CSI, OSC, DCS, APC, PM,
 *       SOS, and two-character ones, also in their 8-bit forms);
 *   <li>drops every format character (Unicode category Cf): zero-width spaces and joiners, the
 *       byte order mark, word joiner, soft hyphen, Mongolian vowel separator, bidi overrides,
 *       isolates and marks; the terminal gives them no column where Lanterna gives them a cell;
 *   <li>composes combining sequences (NFC: "e" and U+0301 become U+00E9) and then
 *       drops every non-spacing or enclosing mark (Mn, Me) still left, which would otherwise
 *       take a cell of its own or be cut from its letter by the word wrap; spacing marks (Mc)
 *       stay, as the terminal gives each one a column too;
 *   <li>replaces each character beyond U+FFFF (a valid surrogate pair: emoji, say) by U+FFFD,
 *       one cell, where Lanterna would draw one "?" per surrogate; such a character that is a
 *       format character or a non-spacing or enclosing mark is dropped instead; lone surrogates
 *       are dropped;
 *   <li>turns tabs and line breaks (CR, LF, U+2028 and U+2029) into spaces (views lay text
 *       out themselves).
 * </ul>
 *
 * <p>Text with none of these is returned as it is, without a copy.
 */
public final class SafeText {
  private static final char ESC = 0x1b;
  private static final char BEL = 0x07;
  private static final char REPLACEMENT = 0xfffd;

  private SafeText() {}

  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    if (alreadyClean(s)) {
      return s; // most text, on every frame: nothing to copy
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean marks = false;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ESC || c == 0x9b || c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e
          || c == 0x9f) {
        i = skipSequence(s, i);
        continue;
      }
      if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
        out.append(' ');
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          if (!invisible(Character.toCodePoint(c, s.charAt(i + 1)))) {
            out.append(REPLACEMENT);
          }
          i++;
        }
      } else if (mark(c)) {
        out.append(c); // kept until composed with its letter, below
        marks = true;
      } else if (!dropped(c)) {
        out.append(c);
      }
      i++;
    }
    return marks ? composed(out.toString()) : out.toString();
  }

  /**
   * The text in composed form (NFC) without the marks that did not compose with a letter. Only
   * text with marks comes here, so the normalizer is not loaded for most text.
   */
  private static String composed(String s) {
    String nfc = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder(nfc.length());
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      // NFC of this text has no surrogates (they were replaced above), but keep the rule
      if (!mark(c) && !dropped(c) && !Character.isSurrogate(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * True when no character would be dropped, replaced, composed or taken as part of a
   * sequence. Below U+0300 only the controls and the soft hyphen are, and none of the
   * punctuation and box drawing the views draw with on every frame, so those are checked with
   * comparisons alone.
   */
  private static boolean alreadyClean(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x300) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xad) {
          return false;
        }
      } else if ((c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e)
          || (c >= 0x2500 && c <= 0x259f)) {
        continue; // dashes, quotes, bullets, ellipsis, box drawing and blocks
      } else if (Character.isSurrogate(c) || dropped(c) || mark(c) || c == 0x2028
          || c == 0x2029) {
        return false;
      }
    }
    return true;
  }

  /** Controls, format characters (Cf) and lone low surrogates. */
  private static boolean dropped(char c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)
        || Character.getType(c) == Character.FORMAT || Character.isLowSurrogate(c);
  }

  /** A non-spacing or enclosing mark: drawn over the character before it, no column of its own. */
  private static boolean mark(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK;
  }

  /** A code point that takes no column of its own: a format character, a Mn or Me mark. */
  private static boolean invisible(int cp) {
    return Character.getType(cp) == Character.FORMAT || mark(cp);
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
