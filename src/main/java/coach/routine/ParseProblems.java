package coach.routine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the YAML and JSON parsers report, in our words and at its place: a syntax error (with the
 * column of a number that is too large where it starts), a bound of ours that the text went past.
 */
final class ParseProblems {
  private ParseProblems() {}

  /** The nesting bound was passed: reported already, once, by the reader. */
  static boolean tooDeep(JsonProcessingException e) {
    return firstLine(e.getOriginalMessage()).contains("nesting depth");
  }

  /** A syntax error at its place in the text. */
  static Problem syntax(String name, byte[] bytes, JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    int line = l == null ? 0 : l.getLineNr();
    int col = l == null ? 0 : l.getColumnNr();
    if (firstLine(e.getOriginalMessage()).startsWith("Numeric value") && line > 0) {
      col = numberStart(bytes, line, col); // the parser points past the number's end
    }
    return new Problem(name, line, col, syntaxMessage(e));
  }

  /** A bound of ours that the text went past, in our words and at its place. */
  static Problem constraint(String name, byte[] bytes, StreamConstraintsException e) {
    String m = firstLine(e.getOriginalMessage());
    if (m.startsWith("Number value length")) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      Matcher digits = Pattern.compile("\\d{21,}").matcher(text);
      int[] pos = digits.find() ? lineColumn(text, digits.start()) : new int[] {0, 0};
      return new Problem(name, pos[0], pos[1], "a number with more than 20 digits; expected a"
          + " small whole number such as 3");
    }
    if (m.startsWith("String value length")) {
      JsonLocation l = e.getLocation();
      return new Problem(name, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
          "a text longer than 65536 characters; expected at most " + RoutineLoader.MAX_TEXT);
    }
    JsonLocation l = e.getLocation();
    return new Problem(name, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
        "the file goes past a limit on routine files (size, nesting or length)");
  }

  /** The column where the run of digits ending before {@code col} on {@code line} starts. */
  private static int numberStart(byte[] bytes, int line, int col) {
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    if (line > lines.length) {
      return col;
    }
    String l = lines[line - 1];
    int end = Math.min(l.length(), Math.max(0, col - 1));
    while (end > 0 && !Character.isDigit(l.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && (Character.isDigit(l.charAt(start - 1)) || l.charAt(start - 1) == '-')) {
      start--;
    }
    return end > 0 ? start + 1 : col;
  }

  private static int[] lineColumn(String text, int index) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  private static String syntaxMessage(JsonProcessingException e) {
    String m = firstLine(e.getOriginalMessage());
    if (m.startsWith("Numeric value") && m.contains("out of range")) {
      return "a number too large; expected a small whole number such as 3";
    }
    Matcher u = Pattern
        .compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\):? ?(.*)").matcher(m);
    if (e instanceof JsonParseException && u.matches()) {
      if (u.group(2).contains("comment")) {
        return "syntax error: unexpected \"" + u.group(1) + "\" here; JSON has no comments";
      }
      String expected = u.group(2).replaceAll("\\s*\\(.*$", "").trim();
      return "syntax error: unexpected \"" + u.group(1) + "\" here"
          + (expected.isEmpty() ? "" : "; " + expected);
    }
    Matcher word = Pattern
        .compile("(?:Unrecognized|Non-standard) token '(.+?)'.*").matcher(m);
    if (word.matches()) {
      return "syntax error: unexpected \"" + word.group(1) + "\" here; expected text in quotes,"
          + " a number, true, false, null, a list or fields";
    }
    Matcher number = Pattern
        .compile("Malformed numeric value '(.+?)'.*").matcher(m);
    if (number.matches()) {
      return "\"" + number.group(1) + "\" is not a number a routine can use; expected a"
          + " number such as 3";
    }
    if (m.startsWith("Expected a field name")) {
      return "a field's name must be plain text, not a list or fields";
    }
    String yaml = yamlProblem(e.getOriginalMessage());
    if (yaml != null) {
      return "syntax error: " + yaml;
    }
    if (m.contains("Number of aliases")) {
      return "YAML aliases are not allowed in routine files; write the value out";
    }
    if (m.matches("(?s).*(org\\.|com\\.|java\\.|Feature|`|<|[A-Z]+_[A-Z]+).*")) {
      return "syntax error here; check quotes, brackets, commas and indentation";
    }
    return "syntax error: " + m;
  }

  /**
   * The YAML parser's own account, without its excerpt of the file: "while parsing a flow
   * sequence (line 15): expected ',' or ']', but got ':'". Null when it is not one.
   */
  static String yamlProblem(String message) {
    if (message == null || !message.contains(" in 'reader', line ")) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    String[] lines = message.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith(" in 'reader', line ")) {
        if (parts.size() == 1 && lines.length > i + 3) {
          // the context's own line, when the problem is reported further on
          Matcher at = Pattern.compile("line (\\d+)")
              .matcher(l);
          if (at.find()) {
            parts.set(0, parts.get(0) + " (from line " + at.group(1) + ")");
          }
        }
        i += 2; // the excerpt and its caret
      } else if (!l.isBlank()) {
        parts.add(l.trim().replace("<block end>", "the end of an indented block")
            .replace("'<block mapping start>'", "a field at another indentation")
            .replace("<stream end>", "the end of the file"));
      }
    }
    return parts.isEmpty() ? null : String.join(": ", parts);
  }

  static String firstLine(String m) {
    if (m == null) {
      return "unknown error";
    }
    String line = m.lines().findFirst().orElse(m).trim();
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
