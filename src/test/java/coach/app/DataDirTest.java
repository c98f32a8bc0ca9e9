package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirTest {
  @Test
  void explicitFolderWins() {
    assertEquals(Path.of("/tmp/x"), DataDir.resolve("/tmp/x", Map.of("XDG_DATA_HOME", "/data")));
  }

  @Test
  void xdgDataHomeIsUsedWhenAbsolute() {
    assertEquals(Path.of("/data/rehab-coach"), DataDir.resolve(null, Map.of("XDG_DATA_HOME", "/data")));
  }

  @Test
  void relativeXdgIsIgnoredAndHomeIsUsed() {
    assertEquals(
        Path.of("/home/p/.local/share/rehab-coach"),
        DataDir.resolve(null, Map.of("XDG_DATA_HOME", "rel", "HOME", "/home/p")));
  }

  /** A data folder that cannot be made says why in words, not with the path again. */
  @Test
  void whyAFolderCannotBeUsedIsSaidInWords(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    Path file = java.nio.file.Files.writeString(tmp.resolve("a-file"), "x");
    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(
        java.io.IOException.class, () -> DataDir.ensure(file));
    assertEquals("it is a file, not a folder", DataDir.why(e));
    e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> DataDir.ensure(file.resolve("data")));
    assertEquals("a part of its path is a file, not a folder", DataDir.why(e));
    assertEquals("x", java.nio.file.Files.readString(file), "the file is left as it was");
  }
}
