package coach.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.app.report.TherapistHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command the READMEs print (the clone's, the docs beside it and the installed user's)
 * runs as printed: each safe one (it reads, or writes a file of its own) is run against a
 * patient's recorded fortnight, and must end as the README says, with no usage error. Commands
 * that start a session or a server, need PostgreSQL, change the history or hold a placeholder
 * (DIR, FILE) are only checked to name a real command.
 */
class ReadmeCommandsTest {
  @TempDir static Path tmp;

  private static final List<Path> DOCS = List.of(Path.of("README.md"),
      Path.of("src/docs/INSTALL.md"), Path.of("src/docs/KIOSKS.md"),
      Path.of("src/docs/POSTGRESQL.md"), Path.of("src/docs/DEVELOPMENT.md"),
      Path.of("src/docs/PERFORMANCE.md"), Path.of("src/docs/ARCHITECTURE.md"),
      Path.of("src/packaging/README.md"), Path.of("routines/FORMAT.md"));

  /** Commands that read, or write only a file the example names. */
  private static final Set<String> SAFE = Set.of("validate", "list", "history", "due", "report",
      "export", "alerts", "check", "backup", "--help", "--version");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\b[A-Z]{2,}\\b");

  /** The commands in a document's code blocks, continuation lines joined, comments dropped. */
  static List<String> commands(Path doc) throws Exception {
    List<String> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(doc);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.startsWith("    ")) {
        continue;
      }
      String t = l.strip();
      if (t.startsWith("$ ")) {
        t = t.substring(2);
      }
      if (!t.equals("coach") && !t.startsWith("coach ")) {
        continue;
      }
      StringBuilder cmd = new StringBuilder(t);
      while (cmd.toString().endsWith("\\") && i + 1 < lines.size()) {
        cmd.setLength(cmd.length() - 1);
        cmd.append(' ').append(lines.get(++i).strip());
      }
      String c = cmd.toString();
      int comment = c.indexOf("  #");
      if (comment >= 0) {
        c = c.substring(0, comment);
      }
      int and = c.indexOf(" && ");
      if (and >= 0) {
        c = c.substring(0, and);
      }
      out.add(c.strip());
    }
    return out;
  }

  /** Shell words: spaces split, quotes group. */
  static List<String> words(String command) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char ch : command.toCharArray()) {
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else {
          w.append(ch);
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
        any = true;
      } else if (ch == ' ') {
        if (any || w.length() > 0) {
          out.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(ch);
      }
    }
    if (any || w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  @TestFactory
  List<DynamicTest> everyPrintedCommandRunsAsPrinted() throws Exception {
    // the default data folder of a user whose id is P-1001, holding a recorded fortnight
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path recorded = TherapistHistory.record(tmp.resolve("rec"), "P-1001");
    Path data = Files.createDirectories(home.resolve(".local/share/rehab-coach"));
    Files.copy(recorded.resolve("history.db"), data.resolve("history.db"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    Files.createSymbolicLink(work.resolve("routines"), Path.of("routines").toAbsolutePath());
    Map<String, String> env = Map.of("HOME", home.toString(), "USER", "P-1001",
        "LANG", "C.UTF-8");
    Set<String> commandNames = new java.util.HashSet<>(Commands.all().stream()
        .map(Command::name).toList());
    List<DynamicTest> tests = new ArrayList<>();
    int run = 0;
    for (Path doc : DOCS) {
      for (String command : commands(doc)) {
        List<String> argv = words(command);
        List<String> args = argv.subList(1, argv.size());
        String first = args.isEmpty() ? "" : args.get(0);
        assertTrue(args.isEmpty() || first.startsWith("-") || commandNames.contains(first)
            || first.endsWith(".yaml"), doc + ": not a command: " + command);
        boolean safe = SAFE.contains(first) && !command.contains("--db")
            && !PLACEHOLDER.matcher(command.replace("P-1001", "")).find()
            && !(first.equals("alerts") && args.size() > 1 && !args.get(1).startsWith("-"));
        if (!safe) {
          continue;
        }
        run++;
        tests.add(DynamicTest.dynamicTest(doc + ": " + command, () -> {
          InProcess r = InProcess.run(env, work, args.toArray(new String[0]));
          Set<Integer> fine = first.equals("due") ? Set.of(0, 1) : Set.of(0);
          assertTrue(fine.contains(r.code()), command + " exited " + r.code() + "\n" + r.err()
              + r.out());
          assertFalse(r.err().contains("usage") || r.err().contains("unknown option")
              || r.err().contains("Unrecognized"), command + "\n" + r.err());
        }));
      }
    }
    assertTrue(run >= 8, "only " + run + " commands were run");
    return tests;
  }
}
