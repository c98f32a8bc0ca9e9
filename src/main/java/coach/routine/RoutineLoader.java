package coach.routine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
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
      if (!problems.isEmpty() && ParseProblems.tooDeep(e)) {
        return null;
      }
      problems.add(ParseProblems.constraint(name, bytes, e));
      return null;
    } catch (JsonProcessingException e) {
      if (!problems.isEmpty() && ParseProblems.tooDeep(e)) {
        return null;
      }
      problems.add(ParseProblems.syntax(name, bytes, e));
      return null;
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem(name, 0, 0, "cannot be read as YAML or JSON; check the file's"
          + " syntax near its start"));
      return null;
    }
    return root;
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
