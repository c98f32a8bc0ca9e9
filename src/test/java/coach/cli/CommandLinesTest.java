package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command parses, answers --help and refuses a number out of range the same way. */
class CommandLinesTest {
  @TempDir Path tmp;

  private String[] run(String... args) {
    return InProcess.run(Map.of("USER", "pat", "HOME", tmp.toString(), "TERM", "dumb"), tmp,
        args).asArray();
  }

  private static void assertUsage(String[] r, String expected) {
    assertEquals("2", r[0], r[2]);
    assertEquals("", r[1]);
    assertEquals(expected + "\n", r[2]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "list", "history", "report", "export", "serve"})
  void anUnknownOptionPointsToTheCommandsHelp(String command) {
    assertUsage(run(command, "--nope"), "coach " + command
        + ": Unrecognized option: --nope (see coach " + command + " --help)");
  }

  @Test
  void anUnknownOptionOfASessionPointsToTheGeneralHelp() {
    assertUsage(run("--nope"), "coach: Unrecognized option: --nope (see coach --help)");
  }

  @Test
  void numbersOutOfRangeAreRefusedWithTheirRange() {
    String keys = "--authorized-keys=" + tmp.resolve("keys");
    assertUsage(run("serve", keys, "--port", "70000"),
        "coach serve: --port takes a whole number from 0 to 65535, not \"70000\"");
    assertUsage(run("serve", keys, "--max-auth-attempts", "x"),
        "coach serve: --max-auth-attempts takes a whole number from 1 to 20, not \"x\"");
    assertUsage(run("serve", keys, "--idle-timeout", "0"),
        "coach serve: --idle-timeout takes whole seconds from 1 to 86400, not \"0\"");
    assertUsage(run("--kiosk", "--idle-timeout", "86401"),
        "coach: --idle-timeout takes whole seconds from 1 to 86400, not \"86401\"");
    assertUsage(run("serve", keys, "--pace", "0"),
        "coach serve: --pace takes a number above 0 and at most 1000, not \"0\"");
    assertUsage(run("--pace", "-1"),
        "coach: --pace takes a number above 0 and at most 1000, not \"-1\"");
  }
}
