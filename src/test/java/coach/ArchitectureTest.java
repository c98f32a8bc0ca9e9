package coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

  /**
   * No package reaches itself through others: each Java package (coach.tui and coach.tui.view
   * are two) is a unit that can be read, tested and changed from the ones it uses. The layers
   * allow arrows both ways inside one layer's package and its subpackages; this does not.
   */
  @Test
  void noPackageDependsOnItselfThroughOthers() throws IOException {
    Map<String, Map<String, String>> arrows = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        packageArrows(file, Files.readString(file, StandardCharsets.UTF_8), arrows);
      }
    }
    assertTrue(arrows.size() > 8, "read only the packages " + arrows.keySet());
    List<String> cycles = cycles(arrows);
    assertEquals(List.of(), cycles, cycles.size() + " package cycle(s):\n  "
        + String.join("\n  ", cycles) + "\n");
  }

  /**
   * The core is a function of its input: no file of coach.session reads a clock (time comes with
   * each event). The two files named are kept, unused by the core, for the clinic board and its
   * command until they take the loop's clock.
   */
  @Test
  void theCoreReadsNoClock() throws IOException {
    Set<String> kept = Set.of("Clock.java", "PacedClock.java");
    Pattern reads = Pattern.compile("\\b(nanoTime|currentTimeMillis|Instant\\.now|LocalDate\\.now"
        + "|LocalDateTime\\.now|ZonedDateTime\\.now|Clock)\\b");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(SOURCES.resolve("session"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (kept.contains(file.getFileName().toString())) {
          continue;
        }
        String[] code = codeOnly(Files.readString(file, StandardCharsets.UTF_8)).split("\n", -1);
        for (int i = 0; i < code.length; i++) {
          Matcher m = reads.matcher(code[i]);
          if (m.find()) {
            found.add(file + ":" + (i + 1) + ": " + m.group());
          }
        }
      }
    }
    assertEquals(List.of(), found, "the core reads a clock:\n  " + String.join("\n  ", found));
  }

  @Test
  void theCycleCheckNamesEachArrowOfACycle() {
    Map<String, Map<String, String>> arrows = new TreeMap<>();
    packageArrows(Path.of("src/main/java/coach/tui/A.java"), String.join("\n",
        "package coach.tui;",
        "import coach.tui.view.Canvas;",
        "import coach.session.Event;",
        "class A {}"), arrows);
    packageArrows(Path.of("src/main/java/coach/tui/view/B.java"), String.join("\n",
        "package coach.tui.view;",
        "import coach.session.Event;",
        "// coach.tui.App in a comment",
        "class B implements coach.tui.App { Object o = coach.level(); }"), arrows);
    assertEquals(List.of("coach.tui -> coach.tui.view (src/main/java/coach/tui/A.java:2)"
        + ", coach.tui.view -> coach.tui (src/main/java/coach/tui/view/B.java:4)"),
        cycles(arrows));
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

  /** A package named in code: coach, then lower-case parts, then a class (or * in an import). */
  private static final Pattern PACKAGE_REFERENCE =
      Pattern.compile("(?<![\\w.$])(coach(?:\\.[a-z_][\\w$]*)*)\\.(?:[A-Z]|\\*)");

  /**
   * Adds the arrows of one file to {@code arrows}: from its package to each other package it
   * names, with where it first names it (FILE:LINE).
   */
  static void packageArrows(Path file, String text, Map<String, Map<String, String>> arrows) {
    String[] code = codeOnly(text).split("\n", -1);
    String from = null;
    for (String line : code) {
      Matcher p = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;").matcher(line);
      if (p.find()) {
        from = p.group(1);
        break;
      }
    }
    if (from == null) {
      return;
    }
    Map<String, String> out = arrows.computeIfAbsent(from, k -> new TreeMap<>());
    for (int i = 0; i < code.length; i++) {
      if (code[i].trim().startsWith("package ")) {
        continue;
      }
      Matcher m = PACKAGE_REFERENCE.matcher(code[i]);
      while (m.find()) {
        String to = m.group(1);
        if (!to.equals(from)) {
          out.putIfAbsent(to, file + ":" + (i + 1));
        }
      }
    }
  }

  /**
   * Each cycle among the packages (a strongly connected set of more than one), as the arrows of
   * one way round it, each with where it is made.
   */
  static List<String> cycles(Map<String, Map<String, String>> arrows) {
    List<String> out = new ArrayList<>();
    Set<String> done = new java.util.HashSet<>();
    for (String start : arrows.keySet()) {
      if (done.contains(start)) {
        continue;
      }
      Set<String> component = new java.util.TreeSet<>();
      for (String other : arrows.keySet()) {
        if (reaches(arrows, start, other) && reaches(arrows, other, start)) {
          component.add(other);
        }
      }
      done.addAll(component);
      if (component.size() > 1) {
        out.add(String.join(", ", wayRound(arrows, start, component)));
      }
    }
    return out;
  }

  private static boolean reaches(Map<String, Map<String, String>> arrows, String from,
      String to) {
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(from));
    Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      String p = todo.pop();
      if (p.equals(to)) {
        return true;
      }
      if (seen.add(p)) {
        todo.addAll(arrows.getOrDefault(p, Map.of()).keySet());
      }
    }
    return false;
  }

  /** The arrows of a shortest way from {@code start} back to itself inside the component. */
  private static List<String> wayRound(Map<String, Map<String, String>> arrows, String start,
      Set<String> component) {
    Map<String, String> cameFrom = new java.util.HashMap<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      String p = todo.removeFirst();
      for (String next : arrows.getOrDefault(p, Map.of()).keySet()) {
        if (!component.contains(next) || cameFrom.containsKey(next)) {
          continue;
        }
        cameFrom.put(next, p);
        if (next.equals(start)) {
          todo.clear();
          break;
        }
        todo.addLast(next);
      }
    }
    List<String> way = new ArrayList<>();
    String at = start;
    do {
      String before = cameFrom.get(at);
      way.add(0, before + " -> " + at + " (" + arrows.get(before).get(at) + ")");
      at = before;
    } while (!at.equals(start));
    return way;
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
