package coach.routine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a routine from YAML or JSON (one meaning for both) and checks every part of it. Never
 * throws for bad input: the result holds the routine, or every problem found, each with the line
 * and column where it stands. Untrusted files are bounded in size, nesting, string length and
 * item counts; YAML anchors and aliases are refused (so no alias bomb can expand).
 */
public final class RoutineLoader {
  public static final long MAX_BYTES = 1 << 20;
  public static final int MAX_DEPTH = 32;
  public static final int MAX_TEXT = 2000;
  public static final int MAX_ITEMS = 200;

  private final JsonFactory json;
  private final YAMLFactory yaml;

  public RoutineLoader() {
    StreamReadConstraints limits = StreamReadConstraints.builder()
        .maxNestingDepth(1000).maxStringLength(64 * 1024).maxNumberLength(20)
        .maxNameLength(200).build();
    json = JsonFactory.builder().streamReadConstraints(limits).build();
    LoaderOptions opts = new LoaderOptions();
    opts.setMaxAliasesForCollections(1);
    opts.setAllowDuplicateKeys(true); // duplicates are reported by the checks, with positions
    opts.setCodePointLimit((int) MAX_BYTES * 2);
    yaml = YAMLFactory.builder().loaderOptions(opts).streamReadConstraints(limits).build();
  }

  /** Loads a file; the name used in problems is the path as given. */
  public LoadResult load(Path file) {
    FileText.Read read = FileText.read(file, MAX_BYTES);
    if (read.problem() != null) {
      return new LoadResult(file.toString(), null, List.of(read.problem()), null);
    }
    return parse(file.toString(), read.bytes(), isJson(file.toString()));
  }

  static boolean isJson(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static LoadResult fail(String name, String message) {
    return new LoadResult(name, null, List.of(new Problem(name, 0, 0, message)), null);
  }

  /** Parses and checks bytes already read; {@code name} names them in problems. */
  public LoadResult parse(String name, byte[] bytes, boolean asJson) {
    String hash = sha256(bytes);
    if (bytes.length > MAX_BYTES) {
      return new LoadResult(name, null, List.of(new Problem(name, 0, 0,
          "the file is larger than 1 MB")), hash);
    }
    List<Problem> problems = new ArrayList<>();
    Node root = readTree(name, bytes, asJson, "a routine (id, title, exercises, ...)", problems);
    if (root == null) {
      return new LoadResult(name, null, problems, hash);
    }
    Routine routine = new RoutineChecks(name, problems, bytes).routine(root);
    return new LoadResult(name, problems.isEmpty() ? routine : null, problems, hash);
  }

  /** What reading a clinic-wide contact file gave: the card, or every problem. */
  public record ContactResult(Contact contact, List<Problem> problems) {
    public ContactResult {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads a clinic-wide contact card (the fields of a routine's {@code contact}, at the top level
   * of its own YAML or JSON file); it replaces the card of every routine it is used with.
   */
  public ContactResult loadContact(Path file) {
    String name = file.toString();
    List<Problem> problems = new ArrayList<>();
    FileText.Read read = FileText.read(file, MAX_BYTES);
    if (read.problem() != null) {
      problems.add(read.problem());
      return new ContactResult(null, problems);
    }
    Node root = readTree(name, read.bytes(), isJson(name), "a contact card (name, email, ...)",
        problems);
    Contact c = root == null ? null : new RoutineChecks(name, problems).contactFile(root);
    if (problems.isEmpty()) {
      return new ContactResult(c, problems);
    }
    return new ContactResult(null, problems);
  }

  /**
   * Reads one YAML or JSON document into nodes that remember their positions, with the same
   * bounds as routine files (other files of ours, such as the patients file, use it too). Returns
   * null when the document cannot be read; the reasons are added to {@code problems}.
   */
  public Node readTree(String name, byte[] bytes, boolean asJson, String expected,
      List<Problem> problems) {
    Problem text = FileText.scan(name, bytes);
    if (text != null) {
      problems.add(text);
      return null;
    }
    Node root;
    try (JsonParser p = asJson ? json.createParser(bytes) : yaml.createParser(bytes)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.add(new Problem(name, 1, 1, "the file is empty; expected " + expected));
        return null;
      }
      root = read(p, name, problems, 0);
      if (root != null && p.nextToken() != null) {
        JsonLocation l = p.currentTokenLocation();
        problems.add(new Problem(name, l.getLineNr(), l.getColumnNr(),
            "more than one document in the file; expected exactly one: " + expected));
      }
    } catch (StreamConstraintsException e) {
      if (!problems.isEmpty() && firstLine(e.getOriginalMessage()).contains("nesting depth")) {
        return null;
      }
      problems.add(constraint(name, bytes, e));
      return null;
    } catch (JsonProcessingException e) {
      if (!problems.isEmpty() && firstLine(e.getOriginalMessage()).contains("nesting depth")) {
        return null;
      }
      JsonLocation l = e.getLocation();
      int line = l == null ? 0 : l.getLineNr();
      int col = l == null ? 0 : l.getColumnNr();
      if (firstLine(e.getOriginalMessage()).startsWith("Numeric value") && line > 0) {
        col = numberStart(bytes, line, col); // the parser points past the number's end
      }
      problems.add(new Problem(name, line, col, syntaxMessage(e)));
      return null;
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem(name, 0, 0, "cannot be read as YAML or JSON; check the file's"
          + " syntax near its start"));
      return null;
    }
    return root;
  }

  /** A bound of ours that the text went past, in our words and at its place. */
  private static Problem constraint(String name, byte[] bytes, StreamConstraintsException e) {
    String m = firstLine(e.getOriginalMessage());
    if (m.startsWith("Number value length")) {
      String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\d{21,}").matcher(text);
      int[] pos = digits.find() ? lineColumn(text, digits.start()) : new int[] {0, 0};
      return new Problem(name, pos[0], pos[1], "a number with more than 20 digits; expected a"
          + " small whole number such as 3");
    }
    if (m.startsWith("String value length")) {
      JsonLocation l = e.getLocation();
      return new Problem(name, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
          "a text longer than 65536 characters; expected at most " + MAX_TEXT);
    }
    JsonLocation l = e.getLocation();
    return new Problem(name, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
        "the file goes past a limit on routine files (size, nesting or length)");
  }

  /** The column where the run of digits ending before {@code col} on {@code line} starts. */
  private static int numberStart(byte[] bytes, int line, int col) {
    String[] lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
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
    java.util.regex.Matcher u = java.util.regex.Pattern
        .compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\):? ?(.*)").matcher(m);
    if (e instanceof JsonParseException && u.matches()) {
      if (u.group(2).contains("comment")) {
        return "syntax error: unexpected \"" + u.group(1) + "\" here; JSON has no comments";
      }
      String expected = u.group(2).replaceAll("\\s*\\(.*$", "").trim();
      return "syntax error: unexpected \"" + u.group(1) + "\" here"
          + (expected.isEmpty() ? "" : "; " + expected);
    }
    java.util.regex.Matcher word = java.util.regex.Pattern
        .compile("(?:Unrecognized|Non-standard) token '(.+?)'.*").matcher(m);
    if (word.matches()) {
      return "syntax error: unexpected \"" + word.group(1) + "\" here; expected text in quotes,"
          + " a number, true, false, null, a list or fields";
    }
    java.util.regex.Matcher number = java.util.regex.Pattern
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
          java.util.regex.Matcher at = java.util.regex.Pattern.compile("line (\\d+)")
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

  private static String firstLine(String m) {
    if (m == null) {
      return "unknown error";
    }
    String line = m.lines().findFirst().orElse(m).trim();
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  /** Reads the value at the current token into a node; null (with a problem) when refused. */
  private Node read(JsonParser p, String name, List<Problem> problems, int depth)
      throws IOException {
    JsonLocation l = p.currentTokenLocation();
    int line = l.getLineNr();
    int col = l.getColumnNr();
    if (p instanceof YAMLParser y) {
      // reported once each: a file full of them needs one message, not thousands
      if (y.isCurrentAlias()) {
        once(problems, new Problem(name, line, col,
            "YAML aliases (*name) are not allowed in routine files; write the value out"));
        return new Node.Scalar(line, col, null);
      }
      if (y.getCurrentAnchor() != null) {
        once(problems, new Problem(name, line, col,
            "YAML anchors (&name) are not allowed in routine files; write the value out"));
      }
    }
    if (depth > MAX_DEPTH) {
      problems.add(new Problem(name, line, col, "nested more than " + MAX_DEPTH
          + " levels deep; a routine is never this deep"));
      p.skipChildren();
      return null;
    }
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        LinkedHashMap<String, Node.Entry> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          JsonLocation kl = p.currentTokenLocation();
          String key = p.currentName();
          p.nextToken();
          Node v = read(p, name, problems, depth + 1);
          if (v == null) {
            return null;
          }
          if (fields.containsKey(key)) {
            problems.add(new Problem(name, kl.getLineNr(), kl.getColumnNr(),
                "the field \"" + key + "\" is given twice"));
          } else if (fields.size() >= MAX_ITEMS) {
            problems.add(new Problem(name, kl.getLineNr(), kl.getColumnNr(),
                "more than " + MAX_ITEMS + " fields in one place"));
            p.skipChildren();
            return null;
          } else {
            fields.put(key, new Node.Entry(kl.getLineNr(), kl.getColumnNr(), v));
          }
        }
        return new Node.Map(line, col, fields);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (items.size() >= MAX_ITEMS) {
            JsonLocation il = p.currentTokenLocation();
            problems.add(new Problem(name, il.getLineNr(), il.getColumnNr(),
                "more than " + MAX_ITEMS + " items in one list"));
            return null;
          }
          Node v = read(p, name, problems, depth + 1);
          if (v == null) {
            return null;
          }
          items.add(v);
        }
        return new Node.Seq(line, col, items);
      }
      case VALUE_STRING -> {
        return new Node.Scalar(line, col, p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return new Node.Scalar(line, col, p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Node.Scalar(line, col, p.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node.Scalar(line, col, t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return new Node.Scalar(line, col, null);
      }
      default -> {
        // an embedded object: a tagged value such as !!binary
        problems.add(new Problem(name, line, col, "a tagged value (such as !!binary); expected"
            + " text, a number, true or false, a list or fields"));
        return null;
      }
    }
  }

  private static void once(List<Problem> problems, Problem p) {
    for (Problem q : problems) {
      if (q.message().equals(p.message())) {
        return;
      }
    }
    problems.add(p);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
