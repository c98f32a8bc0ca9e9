package coach.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileText#unreachable}: a false from Files.exists means "absent" only when it could be
 * looked for; otherwise the reason it could not.
 */
class FileTextTest {
  @TempDir Path tmp;

  @Test
  void aFileThatIsThereOrReallyAbsentCanBeTold() throws Exception {
    Path there = Files.writeString(tmp.resolve("there.yaml"), "a: 1\n");
    assertNull(FileText.unreachable(there));
    assertNull(FileText.unreachable(tmp.resolve("absent.yaml")));
    assertNull(FileText.unreachable(tmp.resolve("no/such/folder/absent.yaml")));
    Path dangling = Files.createSymbolicLink(tmp.resolve("dangling.yaml"), tmp.resolve("gone"));
    assertNull(FileText.unreachable(dangling));
    assertEquals("is a link to nothing", FileText.read(dangling, 100).problem().message());
  }

  @Test
  void aFileBehindAFileCannotBeReached() throws Exception {
    Path file = Files.writeString(tmp.resolve("data"), "x");
    String why = "cannot be reached (" + file + " is a file, not a folder)";
    assertEquals(why, FileText.unreachable(file.resolve("history.db")));
    assertEquals(why, FileText.unreachable(file.resolve("deeper/history.db")));
    assertEquals(why, FileText.read(file.resolve("r.yaml"), 100).problem().message());
  }

  @Test
  void aFileInAFolderThatCannotBeEnteredCannotBeRead() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("locked"));
    Files.writeString(dir.resolve("r.yaml"), "a: 1\n");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isExecutable(dir), "permission bits do not stop this user (root)");
      assertEquals("cannot be read (permission denied)",
          FileText.unreachable(dir.resolve("r.yaml")));
      assertEquals("cannot be read (permission denied)",
          FileText.read(dir.resolve("r.yaml"), 100).problem().message());
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
