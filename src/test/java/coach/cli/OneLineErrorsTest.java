package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refused value is quoted in its error with line breaks, escape sequences and invisible
 * characters written out, so the error stays one line and cannot steer the terminal.
 */
class OneLineErrorsTest {
  @TempDir Path tmp;

  private String[] run(String... args) {
    return InProcess.run(Map.of("USER", "pat", "HOME", tmp.toString(), "TERM", "dumb"), tmp,
        args).asArray();
  }

  private static void assertOneSafeLine(String[] r, String expected) {
    assertEquals("2", r[0], r[2]);
    assertEquals("", r[1]);
    assertEquals(expected + "\n", r[2]);
  }

  @Test
  void aValueWithALineBreakOrAnEscapeSequenceIsWrittenOut() {
    assertOneSafeLine(run("--pace", "1\n2"),
        "coach: --pace takes a number above 0 and at most 1000, not \"1\\u000A2\"");
    assertOneSafeLine(run("export", "--format", "\u001b[2Jcsv"),
        "coach export: --format takes csv, json or fhir, not \"\\u001B[2Jcsv\"");
    assertOneSafeLine(run("export", "--since", "2026\u202E-11-01"),
        "coach export: --since takes a date like 2026-11-01, not \"2026\\u202E-11-01\"");
    assertOneSafeLine(run("--kiosk", "--idle-timeout", "5\"\\0"),
        "coach: --idle-timeout takes whole seconds from 1 to 86400, not \"5\\\"\\\\0\"");
  }

  @Test
  void anUnknownOptionIsNamedInPrintableCharacters() {
    assertOneSafeLine(run("history", "--x\u001b]52;c;aGk=\u0007"), "coach history:"
        + " Unrecognized option: --x\\u001B]52;c;aGk=\\u0007 (see coach history --help)");
  }

  @Test
  void aLongValueIsCut() {
    String[] r = run("--pace", "9".repeat(100));
    assertEquals("2", r[0]);
    assertTrue(r[2].endsWith(", not \"" + "9".repeat(40) + "...\"\n"), r[2]);
  }

  /**
   * What a routine file holds is quoted in its problems (a field's name, a wrong value) with its
   * escape sequences and line breaks written out; so is the file's own name.
   */
  @Test
  void whatARoutineFileHoldsIsQuotedInPrintableCharacters() throws Exception {
    Path keys = tmp.resolve("k1.yaml");
    java.nio.file.Files.writeString(keys, "id: x\n\"ti\\e[2Jtle2\": 1\n\"fake\\nr.yaml:1:1: all"
        + " good\": 2\n");
    String[] r = InProcess.run(Map.of("USER", "pat", "HOME", tmp.toString(), "TERM", "dumb"),
        tmp, "validate", keys.toString()).asArray();
    assertTrue(!r[0].equals("0"), r[2]);
    assertTrue(r[2].contains("unknown field \"ti\\u001B[2Jtle2\""), r[2]);
    assertTrue(r[2].contains("unknown field \"fake\\u000Ar.yaml:1:1: all good\""), r[2]);
    for (String line : r[2].split("\n")) {
      assertTrue(line.isEmpty() || line.startsWith(keys.toString()) || line.startsWith("coach"),
          "no forged line: " + line);
    }
    assertTrue(r[2].chars().noneMatch(c -> c == 0x1b), r[2]);

    Path value = tmp.resolve("bad\u001b]0;T\u0007.yaml");
    java.nio.file.Files.writeString(value, java.nio.file.Files.readString(
        Path.of("routines/template.yaml")).replaceFirst("sets: \\d+", "sets: \"\\\\e]52;c;ZXZpbA==\""));
    r = InProcess.run(Map.of("USER", "pat", "HOME", tmp.toString(), "TERM", "dumb"), tmp,
        "validate", value.toString()).asArray();
    assertTrue(!r[0].equals("0"), r[2]);
    assertTrue(r[2].contains("bad\\u001B]0;T\\u0007.yaml"), r[2]);
    assertTrue(r[2].chars().noneMatch(c -> c == 0x1b || c == 0x07), r[2]);
  }
}
