package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk accepts only the codes of a patients file unless it is told --any-code: without
 * either, a mistyped code would silently start a new patient's history, so neither kind of
 * kiosk starts.
 */
class KioskCodesOptionTest {
  @TempDir Path tmp;

  private String[] run(String... args) {
    return InProcess.run(Map.of("USER", "pat", "HOME", tmp.toString(), "TERM", "dumb"), tmp,
        args).asArray();
  }

  @Test
  void aServerKioskWithoutAPatientsFileOrAnyCodeDoesNotStart() throws Exception {
    Files.writeString(tmp.resolve("keys"), "");
    String[] r = run("serve", "--authorized-keys", "keys", "--kiosk", "--port", "0",
        "--data-dir", tmp.resolve("data").toString());
    assertEquals("2", r[0], r[2]);
    assertEquals("coach serve: a kiosk accepts only the codes of a patients file: give"
        + " --patients FILE, or --any-code to accept any well-formed code (a mistyped code then"
        + " starts a new patient's history)\n", r[2]);
  }

  @Test
  void aTerminalKioskWithoutAPatientsFileOrAnyCodeDoesNotStart() {
    String[] r = run("--kiosk", "--data-dir", tmp.resolve("data").toString());
    assertEquals("2", r[0], r[2]);
    assertEquals("coach: a kiosk accepts only the codes of a patients file: give --patients"
        + " FILE, or --any-code to accept any well-formed code (a mistyped code then starts a new"
        + " patient's history)\n", r[2]);
    r = run("--any-code");
    assertEquals("2", r[0], r[2]);
    assertTrue(r[2].contains("--any-code and --idle-timeout go with --kiosk"), r[2]);
  }

  @Test
  void bothHelpsNameAnyCode() {
    assertTrue(run("serve", "--help")[1].contains("--any-code"));
    assertTrue(run("--help")[1].contains("--any-code"));
  }
}
