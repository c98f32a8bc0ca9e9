package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that takes a patient applies the kiosk's rule for patient codes to --patient and
 * to the user name it uses by default: a bad id is refused in one line with exit 2, before any
 * terminal, history or export file is touched.
 */
class PatientIdTest {
  private static final String RULE = "a patient id is 1-32 letters, digits, '.', '-' or '_',"
      + " starting with a letter or digit";

  @TempDir Path tmp;

  private record Result(int code, String out, String err) {}

  /** Runs the CLI in-process, without a terminal (TERM=dumb), with the given user name. */
  private Result run(String user, String... args) {
    return runIn(data(), user, args);
  }

  private Result runIn(Path dataDir, String user, String... args) {
    List<String> argv = new ArrayList<>(List.of(args));
    argv.addAll(List.of("--data-dir", dataDir.toString()));
    InProcess r = InProcess.run(Map.of("USER", user, "HOME", tmp.toString(), "LANG", "C.UTF-8",
        "TERM", "dumb"), tmp, argv.toArray(new String[0]));
    return new Result(r.code(), r.out(), r.err());
  }

  private Path data() {
    return tmp.resolve("data");
  }

  /** Exit 2, nothing on stdout, exactly one line on stderr, and that line printable ASCII. */
  private static void assertRefusedInOneLine(Result r) {
    assertEquals(ExitCodes.USAGE, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().endsWith("\n"), r.err());
    assertTrue(r.err().strip().chars().allMatch(c -> c >= 0x20 && c < 0x7f),
        "no control, direction or other invisible character reaches the terminal: " + r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "history", "report", "export"})
  void aFormulaAsPatientIsRefused(String command) {
    Result r = run("pat", command, "--patient", "=cmd|x");
    assertRefusedInOneLine(r);
    String prefix = command.equals("run") ? "coach" : "coach " + command;
    assertEquals(prefix + ": --patient \"=cmd|x\": " + RULE, r.err().strip());
    assertFalse(Files.exists(data()), "nothing was created for a refused id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "history", "report", "export"})
  void aDirectionOverrideIsRefusedAndShownEscaped(String command) {
    Result r = run("pat", command, "--patient", "ab\u202Ecod.exe");
    assertRefusedInOneLine(r);
    assertTrue(r.err().contains("--patient \"ab\\u202Ecod.exe\": " + RULE), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a b", "-rf", ".hidden", "../etc/passwd", "P\n1", "P\t1",
      "\u00e9mile", "x\u0000y", "\u001b[2J", "+1", "@SUM(1)",
      "abcdefghijklmnopqrstuvwxyz0123456"})
  void everyIdOutsideTheRuleIsRefusedByEveryCommand(String id) {
    for (String command : List.of("run", "history", "report", "export")) {
      Result r = run("pat", command, "--patient=" + id);
      assertRefusedInOneLine(r);
      assertTrue(r.err().contains(RULE), command + ": " + r.err());
    }
  }

  @Test
  void idsWithinTheRuleAreTaken() {
    for (String id : List.of("P-1001", "a", "anna.b_2", "4711",
        "abcdefghijklmnopqrstuvwxyz012345")) {
      Result r = run("pat", "history", "--patient", id);
      assertEquals(ExitCodes.OK, r.code(), id + ": " + r.err());
      assertEquals("", r.err());
    }
  }

  @Test
  void runRefusesABadIdBeforeOpeningATerminal() {
    // without a usable terminal a valid id gets as far as the terminal, and exit 3
    Result ok = run("pat", "--patient", "P-1001");
    assertEquals(ExitCodes.NO_TERMINAL, ok.code(), ok.err());
    assertTrue(ok.err().contains("terminal"), ok.err());
    // a bad one is refused first: exit 2, and no history was opened
    Path other = tmp.resolve("other");
    Result bad = runIn(other, "pat", "--patient", "=cmd|x");
    assertRefusedInOneLine(bad);
    assertFalse(bad.err().contains("terminal"), bad.err());
    assertFalse(Files.exists(other), "no data folder, no history");
  }

  @Test
  void aKioskForOnePatientChecksThatPatient() {
    Result r = run("pat", "--kiosk", "--patient", "=cmd|x");
    assertRefusedInOneLine(r);
    assertEquals("coach: --patient \"=cmd|x\": " + RULE, r.err().strip());
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "history", "report", "export"})
  void aUserNameThatIsNoPatientIdAsksForPatient(String command) {
    Result r = run("=cmd|x", command);
    assertRefusedInOneLine(r);
    String prefix = command.equals("run") ? "coach" : "coach " + command;
    assertEquals(prefix + ": your user name \"=cmd|x\" is not a patient id (1-32 letters,"
        + " digits, '.', '-' or '_', starting with a letter or digit); give one with --patient"
        + " ID", r.err().strip());
    // --patient makes the user name irrelevant
    Result given = run("=cmd|x", command, "--patient", "P-1001");
    assertTrue(given.code() != ExitCodes.USAGE, given.err());
  }

  @Test
  void exportOfEveryPatientNeedsNoPatientId() {
    Result r = run("=cmd|x", "export", "--all-patients");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    Result both = run("pat", "export", "--all-patients", "--patient", "P-1001");
    assertRefusedInOneLine(both);
    assertEquals("coach export: give --patient ID or --all-patients, not both",
        both.err().strip());
  }
}
