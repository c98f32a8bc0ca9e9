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
}
