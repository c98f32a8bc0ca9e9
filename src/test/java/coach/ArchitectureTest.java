package coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of the coach (see src/docs/ARCHITECTURE.md): a package may use its own layer's
 * classes and those of any layer below it, never one above. Every main source file is read; each
 * {@code import coach.X...} and each fully qualified {@code coach.X.} in its code is an arrow from
 * its package to X.
 */
class ArchitectureTest {
  /** Top to bottom. A package is named by its first part under coach ("tui" holds tui.view). */
  static final List<List<String>> LAYERS = List.of(
      List.of("coach"), // the root: Main
      List.of("cli"), // parses the command line, dispatches, prints
      List.of("app"), // composes sessions; the data folder, the clinic's card, the logs
      List.of("ssh", "kiosk", "tui"), // the ways a session reaches a person
      List.of("store"), // the history
      List.of("session"), // the pure core
      List.of("routine")); // routine files: records, loader, checks

  /** The only arrows allowed between packages of one layer. */
  static final Set<String> SIDEWAYS = Set.of("kiosk -> tui", "ssh -> kiosk", "ssh -> tui");

  static final Path SOURCES = Path.of("src", "main", "java", "coach");

  /** coach.NAME, where NAME is a package under coach or a class of the root package. */
  private static final Pattern REFERENCE =
      Pattern.compile("(?<![\\w.$])coach\\.([A-Za-z_$][\\w$]*)(?![\\w$(])");

  @Test
  void everyArrowPointsDownTheLayers() throws IOException {
    List<String> violations = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    try (Stream<Path> top = Files.list(SOURCES)) {
      top.forEach(p -> names.add(p.getFileName().toString().replaceFirst("\\.java$", "")));
    }
    int files = 0;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        files++;
        violations.addAll(violations(file, Files.readString(file, StandardCharsets.UTF_8),
            names));
      }
    }
    assertTrue(files > 50, "read only " + files + " files under " + SOURCES.toAbsolutePath());
    assertEquals(List.of(), violations, violations.size() + " arrow(s) against the layers:\n  "
        + String.join("\n  ", violations) + "\n");
  }

  @Test
  void theCheckSeesImportsAndQualifiedNamesButNotCommentsOrStrings() {
    String code = String.join("\n",
        "package coach.store;",
        "import coach.routine.Routine;",
        "import coach.tui.Keys;",
        "// coach.cli.Cli in a comment",
        "/* coach.app.Logs",
        "   in a block comment */",
        "class X {",
        "  String s = \"coach.ssh.CoachServer\";",
        "  char c = '\"';",
        "  Object o = coach.kiosk.Patients.NAME; coach.Main m;",
        "  Object p = coach.start(); int q = coach.level; Object r = coach.Other.X;",
        "}");
    assertEquals(List.of(
        "src/main/java/coach/store/X.java:3: import coach.tui.Keys; (store -> tui)",
        "src/main/java/coach/store/X.java:10: coach.kiosk (store -> kiosk)",
        "src/main/java/coach/store/X.java:10: coach.Main (store -> coach)"),
        violations(Path.of("src/main/java/coach/store/X.java"), code,
            Set.of("Main", "cli", "app", "ssh", "kiosk", "tui", "store", "session", "routine")));
  }

  /**
   * The arrows of one file that point up, as FILE:LINE: what (from -> to).
   *
   * @param names the packages under coach and the classes of the root package, so that a
   *     variable called coach ({@code coach.start()}) is not taken for a package
   */
  static List<String> violations(Path file, String text, Set<String> names) {
    String from = packageOf(file);
    List<String> out = new ArrayList<>();
    if (layer(from) < 0) {
      out.add(file + ": package " + from + " is in no layer (add it to ArchitectureTest.LAYERS)");
      return out;
    }
    String[] code = codeOnly(text).split("\n", -1);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < code.length; i++) {
      if (code[i].trim().startsWith("package ")) {
        continue;
      }
      Matcher m = REFERENCE.matcher(code[i]);
      while (m.find()) {
        String first = m.group(1);
        if (!names.contains(first)) {
          continue;
        }
        String to = Character.isUpperCase(first.charAt(0)) ? "coach" : first;
        if (allowed(from, to)) {
          continue;
        }
        String what = code[i].trim().startsWith("import ") ? lines[i].trim()
            : "coach" + (to.equals("coach") ? "." + first : "." + to);
        out.add(file + ":" + (i + 1) + ": " + what + " (" + from + " -> " + to + ")");
      }
    }
    return out;
  }

  static boolean allowed(String from, String to) {
    int a = layer(from);
    int b = layer(to);
    if (from.equals(to)) {
      return true;
    }
    if (b < 0) {
      return false;
    }
    return b > a || (a == b && SIDEWAYS.contains(from + " -> " + to));
  }

  static int layer(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    return -1;
  }

  /** "coach" for the root package, else the first part under coach. */
  static String packageOf(Path file) {
    Path rel = SOURCES.relativize(file);
    return rel.getNameCount() == 1 ? "coach" : rel.getName(0).toString();
  }

  /** The text with comments, string and character literals blanked; line breaks are kept. */
  static String codeOnly(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (s.startsWith("//", i)) {
        while (i < s.length() && s.charAt(i) != '\n') {
          b.append(' ');
          i++;
        }
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        for (; i < end; i++) {
          b.append(s.charAt(i) == '\n' ? '\n' : ' ');
        }
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        end = end < 0 ? s.length() : end + 3;
        for (; i < end; i++) {
          b.append(s.charAt(i) == '\n' ? '\n' : ' ');
        }
      } else if (c == '"' || c == '\'') {
        b.append(' ');
        i++;
        while (i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n') {
          if (s.charAt(i) == '\\') {
            b.append(' ');
            i++;
          }
          if (i < s.length()) {
            b.append(' ');
            i++;
          }
        }
        if (i < s.length()) {
          b.append(' ');
          i++;
        }
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }
}
