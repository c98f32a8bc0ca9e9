package coach.routine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the values of a parsed document ({@link Node}), adding a problem with its position for
 * each one of the wrong kind: a mapping, a list of so many items, known fields (with a "did you
 * mean"), text that is plain and not too long, a whole number in range, true or false. Each
 * reader returns null for a value it refused. What the values mean is for its caller.
 */
public final class NodeReader {
  private static final java.util.regex.Pattern ID =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final String file;
  private final List<Problem> problems;
  /** The document's lines, to place a problem inside a block of text; empty when not known. */
  private List<String> source = List.of();

  /**
   * @param file names the document in problems
   * @param problems where problems are added
   */
  NodeReader(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** Reads the document's own text too, to name the line of a problem inside a text block. */
  NodeReader withSource(byte[] bytes) {
    source = List.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1));
    return this;
  }

  /**
   * A problem at line {@code line} (from 0) and column {@code column} (from 0) of a text value:
   * there in the file when the value is a YAML block ("|" or ">") whose lines are known, else at
   * the value's own position.
   */
  private void problemInside(Node n, int line, int column, String message) {
    int at = n.line() - 1;
    boolean block = at >= 0 && at < source.size() && n.column() >= 1
        && n.column() <= source.get(at).length()
        && "|>".indexOf(source.get(at).charAt(n.column() - 1)) >= 0;
    int fileLine = at + 1 + line;
    if (!block || fileLine >= source.size()) {
      problem(n, message);
      return;
    }
    String text = source.get(fileLine);
    int indent = 0;
    while (indent < text.length() && text.charAt(indent) == ' ') {
      indent++;
    }
    // the block's indentation: the least of its non-empty lines' up to this one
    int blockIndent = indent;
    for (int i = at + 1; i < source.size() && i <= fileLine; i++) {
      String l = source.get(i);
      if (!l.isBlank()) {
        int k = 0;
        while (k < l.length() && l.charAt(k) == ' ') {
          k++;
        }
        blockIndent = Math.min(blockIndent, k);
      }
    }
    problems.add(new Problem(file, fileLine + 1, blockIndent + column + 1, message));
  }

  /** A problem at a value's position. */
  void problem(Node at, String message) {
    problems.add(new Problem(file, at.line(), at.column(), message));
  }

  private void problem(int line, int col, String message) {
    problems.add(new Problem(file, line, col, message));
  }

  /** The value as a mapping of fields; null (a problem unless absent) when it is not one. */
  Node.Map map(Node n, String what) {
    if (n instanceof Node.Map m) {
      return m;
    }
    if (n != null) {
      problem(n, what + " must be a mapping of fields (name: value), " + describe(n));
    }
    return null;
  }

  /** The value of a field that must be there; null (a problem) when it is missing. */
  Node required(Node.Map m, String field, String where) {
    Node.Entry e = m.fields().get(field);
    if (e == null) {
      problem(m, where + " is missing the required field \"" + field + "\"");
      return null;
    }
    return e.value();
  }

  /** The value as a list of min to max items; null (a problem unless absent) otherwise. */
  Node.Seq list(Node n, String field, int min, int max) {
    if (n == null) {
      return null;
    }
    if (!(n instanceof Node.Seq s)) {
      problem(n, "\"" + field + "\" must be a list, " + describe(n));
      return null;
    }
    if (s.items().size() < min) {
      problem(n, "\"" + field + "\" is empty; it needs at least " + min + " item"
          + (min == 1 ? "" : "s"));
      return null;
    }
    if (s.items().size() > max) {
      problem(n, "\"" + field + "\" has " + s.items().size() + " items; at most " + max);
      return null;
    }
    return s;
  }

  /** Reports unknown fields, suggesting the closest known one. */
  void fields(Node.Map m, String where, String... known) {
    for (var e : m.fields().entrySet()) {
      String key = e.getKey();
      boolean ok = false;
      for (String k : known) {
        if (k.equals(key)) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        String hint = closest(key, known);
        problem(e.getValue().line(), e.getValue().column(), "unknown field \"" + key + "\" in "
            + where + (hint == null ? "; expected one of " + String.join(", ", known)
            : "; did you mean \"" + hint + "\"?"));
      }
    }
  }

  /** The known name a mistyped one most likely meant, or null when none is close. */
  public static String closest(String key, String... known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    int allowed = key.length() <= 3 ? 1 : Math.max(2, key.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** A field's plain text of at most maxLength; null when absent (a problem when required). */
  String text(Node.Map m, String field, boolean required, int maxLength, String where) {
    Node.Entry e = m.fields().get(field);
    if (e == null) {
      if (required) {
        problem(m, where + " is missing the required field \"" + field + "\"");
      }
      return null;
    }
    return textValue(e.value(), field, required, maxLength, false);
  }

  /**
   * An id of at most 64 characters: lower-case letters, digits, '-', '_' or '.', starting with a
   * letter or digit; null when absent or not one (a problem).
   */
  String id(Node.Map m, String field, String where) {
    String s = text(m, field, true, 64, where);
    if (s != null && !ID.matcher(s).matches()) {
      problem(m.fields().get(field).value(), "\"" + s + "\" is not a valid id; use lower-case"
          + " letters, digits, '-', '_' or '.', starting with a letter or digit");
      return null;
    }
    return s;
  }

  /** The value as plain, non-blank (unless allowEmpty) text of at most maxLength, or null. */
  String textValue(Node n, String field, boolean required, int maxLength,
      boolean allowEmpty) {
    boolean blank = n instanceof Node.Scalar s && (s.value() == null
        || (s.value() instanceof String t && t.isBlank() && !allowEmpty));
    if (blank) {
      problem(n, "\"" + field + "\" is empty; " + (required ? "expected text"
          : "give text or leave the field out"));
      return null;
    }
    if (!(n instanceof Node.Scalar s) || !(s.value() instanceof String str)) {
      problem(n, "\"" + field + "\" must be text, " + describe(n));
      return null;
    }
    if (str.length() > maxLength) {
      problem(n, "\"" + field + "\" is " + str.length() + " characters long; at most "
          + maxLength);
      return null;
    }
    int bad = badCharacter(str);
    if (bad >= 0) {
      problem(n, "\"" + field + "\" contains a control character (U+"
          + String.format("%04X", (int) str.charAt(bad)) + ") at character " + (bad + 1)
          + "; routine text must be plain");
      return null;
    }
    return str;
  }

  /** The index of the first control, escape, DEL, C1 or bidi-override character, or -1. */
  static int badCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = (c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c <= 0x9f)
          || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
          || c == 0x200e || c == 0x200f || c == 0x061c;
      if (bad) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A small line drawing: text of at most {@code rows} lines, each at most {@code columns}
   * characters, all printable ASCII or box-drawing characters (no tabs: they have no width of
   * their own). A final line break is not a line. Null, with a problem naming the line, otherwise.
   */
  List<String> drawing(Node n, String field, int columns, int rows) {
    String text = textValue(n, field, false, (columns + 1) * rows + 1, false);
    if (text == null) {
      return null;
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    List<String> lines = List.of(body.split("\n", -1));
    if (lines.size() > rows) {
      problemInside(n, rows, 0, "\"" + field + "\" has " + lines.size() + " lines; at most "
          + rows);
      return null;
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.length() > columns) {
        problemInside(n, i, columns, "line " + (i + 1) + " of \"" + field + "\" is "
            + line.length()
            + " characters wide; at most " + columns);
        return null;
      }
      for (int j = 0; j < line.length(); j++) {
        if (!Phase.drawingCharacter(line.charAt(j))) {
          problemInside(n, i, j, "line " + (i + 1) + " of \"" + field + "\" has "
              + (line.charAt(j) == '\t' ? "a tab" : "the character U+"
              + String.format("%04X", (int) line.charAt(j))) + " at column " + (j + 1)
              + "; a drawing uses only ASCII or box-drawing characters (U+2500-U+257F)");
          return null;
        }
      }
    }
    return lines;
  }

  /** A list of plain texts, each at most maxLength and given once, or null. */
  List<String> texts(Node n, String field, int min, int max, int maxLength,
      boolean unique) {
    Node.Seq s = list(n, field, min, max);
    if (s == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : s.items()) {
      String t = textValue(item, field, true, maxLength, false);
      if (t == null) {
        continue;
      }
      if (!seen.add(t)) {
        problem(item, "\"" + t + "\" appears twice in \"" + field + "\"");
      }
      out.add(t);
    }
    return out.size() == s.items().size() ? out : null;
  }

  /** A whole number from min to max; null when it is absent (a problem when required). */
  Integer integer(Node.Map m, String field, boolean required, int min, int max, String where) {
    return integer(m, field, required, false, min, max, where);
  }

  /**
   * An optional whole number from min to max whose explicit empty value means none (no
   * ceiling, wait for Enter); null when it is absent or empty.
   */
  Integer integerOrNone(Node.Map m, String field, int min, int max, String where) {
    return integer(m, field, false, true, min, max, where);
  }

  private Integer integer(Node.Map m, String field, boolean required, boolean emptyIsNone,
      int min, int max, String where) {
    Node.Entry e = m.fields().get(field);
    if (e == null) {
      if (required) {
        problem(m, where + " is missing the required field \"" + field + "\"");
      }
      return null;
    }
    Node n = e.value();
    if (emptyIsNone && n instanceof Node.Scalar s && s.value() == null) {
      return null;
    }
    if (!(n instanceof Node.Scalar s) || !(s.value() instanceof Long v)) {
      problem(n, "\"" + field + "\" must be a whole number, " + describe(n));
      return null;
    }
    if (v < min || v > max) {
      problem(n, "\"" + field + "\" is " + v + "; expected a whole number from " + min + " to "
          + max);
      return null;
    }
    return v.intValue();
  }

  /** A field's true or false; null when absent or refused. */
  Boolean bool(Node.Map m, String field, String where) {
    Node.Entry e = m.fields().get(field);
    if (e == null) {
      return null;
    }
    if (!(e.value() instanceof Node.Scalar s) || !(s.value() instanceof Boolean b)) {
      problem(e.value(), "\"" + field + "\" must be true or false, " + describe(e.value()));
      return null;
    }
    return b;
  }

  private static String describe(Node n) {
    if (n instanceof Node.Map) {
      return "not a mapping of fields";
    }
    if (n instanceof Node.Seq) {
      return "not a list";
    }
    Object v = ((Node.Scalar) n).value();
    if (v == null) {
      return "but it is empty";
    }
    if (v instanceof String s) {
      return "got text (\"" + (s.length() > 30 ? s.substring(0, 30) + "..." : s) + "\")";
    }
    if (v instanceof Long || v instanceof Double) {
      return "got the number " + v;
    }
    return "got " + v;
  }
}
