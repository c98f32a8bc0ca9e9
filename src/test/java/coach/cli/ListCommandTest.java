package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list: the bundled routines and the data folder's, with their counts in words. */
class ListCommandTest {
  @TempDir Path tmp;

  @Test
  void countsAreSingularForOne() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("data/routines"));
    Files.copy(Path.of("src/test/resources/routines/good/minimal.yaml"),
        folder.resolve("minimal.yaml"));
    Files.writeString(folder.resolve("broken.yaml"), "id: x\n");
    InProcess r = InProcess.run(Map.of("HOME", tmp.toString()), tmp, "list", "--data-dir",
        tmp.resolve("data").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Minimal routine (1 exercise)"), r.out());
    assertTrue(r.out().contains("Sciatica relief routine (4 exercises)"), r.out());
    assertTrue(r.out().matches("(?s).*INVALID: \\d+ problems; see coach validate.*"), r.out());
  }
}
