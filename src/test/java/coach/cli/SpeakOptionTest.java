package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --speak and the data folder's "speak" setting, up to the terminal (which tests do not have):
 * the notice when no speech command is found, silence over SSH unless --speak is given, and a
 * wrong setting as one line at its place.
 */
class SpeakOptionTest {
  @TempDir Path data;

  private InProcess run(Map<String, String> extra, String... args) {
    Map<String, String> env = new HashMap<>(Map.of("USER", "pat", "HOME", data.toString(),
        "LANG", "C.UTF-8", "PATH", data.resolve("no-speech-here").toString()));
    env.putAll(extra);
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return InProcess.run(env, Path.of("").toAbsolutePath(), all);
  }

  private static final String NOTICE = "coach: --speak: no speech command found (install"
      + " espeak-ng; spd-say or macOS say also work); going on without speech";

  @Test
  void speakWithoutASpeechCommandSaysSoInOneLineAndGoesOn() {
    InProcess r = run(Map.of(), "--speak");
    assertTrue(r.err().lines().anyMatch(NOTICE::equals), r.err());
    // it went on to the session: as far as the terminal, which a test run has not got
    assertEquals(ExitCodes.NO_TERMINAL, r.code(), r.err());
    InProcess es = run(Map.of(), "--speak", "--lang", "es");
    assertTrue(es.err().contains("no se encontró ningún programa de voz"), es.err());
  }

  @Test
  void theSettingSpeaksLocallyButNotOverSsh() throws Exception {
    Files.writeString(data.resolve("settings"), "# my settings\nspeak = yes\n");
    assertTrue(run(Map.of()).err().lines().anyMatch(NOTICE::equals));
    InProcess ssh = run(Map.of("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22"));
    assertFalse(ssh.err().contains("speech"), ssh.err());
    // a kiosk's command line that asks for it is heard over SSH too
    InProcess asked = run(Map.of("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22"), "--speak");
    assertTrue(asked.err().lines().anyMatch(NOTICE::equals), asked.err());
  }

  @Test
  void noSettingMeansSilence() {
    assertFalse(run(Map.of()).err().contains("speech"));
  }

  @Test
  void aWrongSettingIsOneLineAtItsPlace() throws Exception {
    Files.writeString(data.resolve("settings"), "speak = yes\nspeek = no\n");
    InProcess r = run(Map.of());
    assertEquals(ExitCodes.INVALID, r.code());
    assertEquals(data.resolve("settings") + ":2:1: unknown setting \"speek\"; the settings are"
        + " speak and alert-command\n", r.err());
    Files.writeString(data.resolve("settings"), "speak = maybe\n");
    InProcess v = run(Map.of());
    assertEquals(data.resolve("settings") + ":1:8: speak is yes or no, not \"maybe\"\n",
        v.err());
  }
}
