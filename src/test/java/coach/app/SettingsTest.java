package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file: its lines, and whether it may name a command to run. */
class SettingsTest {
  @TempDir
  Path dir;

  private Settings.Loaded write(String text, String mode) throws Exception {
    Path f = dir.resolve(Settings.FILE);
    Files.writeString(f, text);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    return Settings.load(dir);
  }

  @Test
  void aCommandInAFileOnlyItsOwnerCanChangeIsTaken() throws Exception {
    Settings.Loaded s = write("alert-command = /usr/local/bin/page\n", "rw-r--r--");
    assertTrue(s.ok(), s.problems().toString());
    assertEquals("/usr/local/bin/page", s.settings().alertCommand());
  }

  @Test
  void aCommandInAFileAnyoneCanChangeIsRefusedInOneLine() throws Exception {
    Settings.Loaded s = write("alert-command = /usr/local/bin/page\n", "rw-rw-rw-");
    assertFalse(s.ok());
    String line = s.problems().get(0).toString();
    assertTrue(line.contains("can be changed by any user") && line.contains("not run"), line);
    assertFalse(line.contains("\n"), line);
    Settings.Loaded group = write("alert-command = /usr/local/bin/page\n", "rw-rw-r--");
    assertTrue(group.problems().get(0).toString().contains("its group"),
        group.problems().toString());
  }

  @Test
  void aCommandInAFolderAnyoneCanChangeIsRefused() throws Exception {
    Path f = dir.resolve(Settings.FILE);
    Files.writeString(f, "alert-command = /usr/local/bin/page\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Settings.Loaded s = Settings.load(dir);
    assertFalse(s.ok());
    assertTrue(s.problems().get(0).toString().contains("its folder"), s.problems().toString());
  }

  @Test
  void aFileWithoutACommandIsNotJudgedByItsMode() throws Exception {
    assertTrue(write("speak = yes\n", "rw-rw-rw-").ok());
  }

  @Test
  void twoCommandsAreAProblemAtTheSecond() throws Exception {
    Settings.Loaded s = write("alert-command = a\nalert-command = b\n", "rw-------");
    assertFalse(s.ok());
    assertEquals(2, s.problems().get(0).line(), s.problems().toString());
  }

  @Test
  void aCommandInAFileOfAnotherUserIsRefused() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "only root can give a file to another user");
    Path f = dir.resolve(Settings.FILE);
    Files.writeString(f, "alert-command = /usr/local/bin/page\n");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Files.setOwner(f, f.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName("nobody"));
    Settings.Loaded s = Settings.load(dir);
    assertFalse(s.ok());
    assertTrue(s.problems().get(0).toString().contains("belongs to nobody"),
        s.problems().toString());
  }
}
