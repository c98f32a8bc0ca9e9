package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command's --help explains each of its options and shows examples that, together, use
 * every option; the general help does the same for starting a session.
 */
class CommandHelpTest {
  /** An option row of the table: "  -o,--output <FILE>   what it does". */
  private static final Pattern OPTION_ROW =
      Pattern.compile("^ {2}(?:-(\\w),| {3})--([a-z][a-z-]*)(?: <[^>]+>)? {2,}\\S");

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    InProcess r = InProcess.run(Map.of("USER", "pat", "HOME", "/nonexistent"),
        Path.of("").toAbsolutePath(), args);
    return new Result(r.code(), r.out(), r.err());
  }

  /** An option as the table names it: its long name and its short one, if any. */
  private record Opt(String shortName, String longName) {
    boolean usedIn(String line) {
      List<String> words = List.of(line.trim().split("\\s+"));
      return words.contains("--" + longName)
          || shortName != null && words.contains("-" + shortName);
    }
  }

  private static List<Opt> optionTable(String help) {
    List<Opt> opts = new ArrayList<>();
    for (String line : help.lines().toList()) {
      Matcher m = OPTION_ROW.matcher(line);
      if (m.find()) {
        opts.add(new Opt(m.group(1), m.group(2)));
      }
    }
    return opts;
  }

  /** The example command lines: after "Examples:", those that start a coach command. */
  private static List<String> examples(String help) {
    int at = help.indexOf("\nExamples:\n");
    assertTrue(at >= 0, "no examples:\n" + help);
    return help.substring(at).lines().filter(l -> l.startsWith("  coach")).toList();
  }

  /** The options table names exactly these options, and the examples use each of them. */
  private static void assertExplainedWithExamples(String help, String command,
      String expectedOptions) {
    List<Opt> table = optionTable(help);
    Set<String> named = new LinkedHashSet<>();
    table.forEach(o -> named.add(o.longName()));
    Set<String> expected = new LinkedHashSet<>(List.of(expectedOptions.split(" ")));
    expected.add("help");
    assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(named), help);
    List<String> examples = examples(help);
    assertTrue(examples.size() >= 2, help);
    examples.forEach(e -> assertTrue(e.startsWith("  coach" + (command.isEmpty() ? ""
        : " " + command)), e));
    for (Opt o : table) {
      if (o.longName().equals("help") || o.longName().equals("version")) {
        continue;
      }
      assertTrue(examples.stream().anyMatch(o::usedIn),
          "no example uses --" + o.longName() + ":\n" + help);
    }
    // every example has its explanation on the next line
    List<String> lines = help.lines().toList();
    for (String e : examples) {
      int i = lines.indexOf(e);
      assertTrue(i + 1 < lines.size() && lines.get(i + 1).startsWith("      ")
          && !lines.get(i + 1).isBlank(), "no explanation under " + e + ":\n" + help);
    }
    help.lines().forEach(l -> assertTrue(l.length() <= 80, "longer than 80: " + l));
  }

  @ParameterizedTest
  @CsvSource({
      "run,      pace data-dir db alert-command patient ascii quiet speak lang kiosk patients any-code idle-timeout version",
      "validate, quiet",
      "list,     data-dir",
      "history,  patient data-dir db ascii routine",
      "report,   patient data-dir db format output since until",
      "due,      patient data-dir db lang",
      "export,   patient data-dir db format since output all-patients patient-system",
      "migrate,  from to",
      "clinic,   data-dir db by clinician ascii lang",
      "alerts,   patient data-dir db all-patients open all since format by note",
      "backup,   to data-dir db",
      "restore,  from force data-dir db",
      "check,    file data-dir db",
      "serve,    port bind data-dir db alert-command authorized-keys patients kiosk any-code routine max-sessions"
          + " idle-timeout max-session-length connections-per-minute auth-timeout"
          + " max-auth-attempts stats-every contact pace hash-password"})
  void eachCommandsHelpExplainsEveryOptionWithExamples(String command, String options) {
    Result r = run(command, "--help");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("usage: coach "), r.out());
    String usage = r.out().lines().findFirst().orElseThrow();
    assertTrue(usage.contains(command.equals("run") ? "[run]" : command), usage);
    assertExplainedWithExamples(r.out(), command.equals("run") ? "" : command, options);
    assertEquals(r.out(), run(command, "-h").out(), "-h is --help");
  }

  @Test
  void thePatientOptionStatesTheRuleForIds() {
    for (String command : List.of("run", "history", "report", "export")) {
      String help = run(command, "--help").out().replaceAll("\\s+", " ");
      assertTrue(help.contains("--patient <ID> whose session"), command + ": " + help);
      assertTrue(help.contains("a patient id is 1-32 letters, digits, '.', '-' or '_', starting"
          + " with a letter or digit"), command + ": " + help);
    }
  }

  @Test
  void theGeneralHelpListsTheCommandsAndHowToStartASession() {
    Result r = run("--help");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("", r.err());
    for (Command c : Commands.all()) {
      if (c.summary() != null) {
        assertTrue(r.out().contains("  " + c.name() + " "), c.name() + ":\n" + r.out());
      }
    }
    assertTrue(r.out().contains("\nusage: coach [run] [NAME|FILE] [OPTIONS]\n"), r.out());
    assertExplainedWithExamples(r.out(), "",
        "pace data-dir db alert-command patient ascii quiet speak lang kiosk patients any-code idle-timeout version");
    String words = r.out().replaceAll("\\s+", " ");
    assertTrue(words.contains("129 SIGHUP or a lost terminal, 130 SIGINT, 143 SIGTERM"),
        r.out());
    assertTrue(words.contains("4 a session of the same patient is running now"), r.out());
    assertTrue(r.out().contains("'coach COMMAND --help'"), r.out());
  }

  @Test
  void everyListedCommandHasHelp() {
    for (Command c : Commands.all()) {
      if (c.summary() != null) {
        assertTrue(c.help() != null && c.help().contains("Examples:"), c.name());
      }
    }
  }

  /** alerts is every patient's unless told one: its help says one default, not two. */
  @Test
  void alertsHelpNamesOneDefault() {
    String help = new AlertsCommand().help();
    assertTrue(help.contains("only this patient's alerts"), help);
    assertFalse(help.contains("whose sessions (default: your user name)"), help);
  }
}
