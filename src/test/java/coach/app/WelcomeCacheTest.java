package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.RoutineCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeCacheTest {
  @TempDir
  Path tmp;

  private static final WelcomeCache.Preview P =
      new WelcomeCache.Preview("Knee: after the operation", "Line one.\nLine = two: \\ é");

  @Test
  void whatIsKeptIsReadBackUnderItsOwnKeyOnly() {
    assertEquals(Optional.empty(), WelcomeCache.read(tmp, "a|10|ff"));
    WelcomeCache.write(tmp, "a|10|ff", P);
    assertEquals(Optional.of(P), WelcomeCache.read(tmp, "a|10|ff"));
    assertEquals(Optional.empty(), WelcomeCache.read(tmp, "a|10|fe"));
    WelcomeCache.write(tmp, "b|3|1", new WelcomeCache.Preview("Other", null));
    assertEquals(Optional.of(new WelcomeCache.Preview("Other", "")),
        WelcomeCache.read(tmp, "b|3|1"));
    assertEquals(Optional.of(P), WelcomeCache.read(tmp, "a|10|ff"));
  }

  @Test
  void aDamagedOrForeignFileIsNoPreviewAndIsWrittenAnew() throws Exception {
    Path file = WelcomeCache.file(tmp);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {'k', '.', 't', 'i', 't', 'l', 'e', '=', '\\', 'u', '1'});
    assertEquals(Optional.empty(), WelcomeCache.read(tmp, "k"));
    WelcomeCache.write(tmp, "k", P);
    assertEquals(Optional.of(P), WelcomeCache.read(tmp, "k"));
    Files.writeString(file, "k.title=" + "x".repeat(600 * 1024), StandardCharsets.UTF_8);
    assertEquals(Optional.empty(), WelcomeCache.read(tmp, "k"));
  }

  @Test
  void theFileKeepsAFewRoutinesAtMost() {
    for (int i = 0; i < WelcomeCache.ROUTINES + 3; i++) {
      WelcomeCache.write(tmp, "r" + i, new WelcomeCache.Preview("Routine " + i, ""));
    }
    int kept = 0;
    for (int i = 0; i < WelcomeCache.ROUTINES + 3; i++) {
      kept += WelcomeCache.read(tmp, "r" + i).isPresent() ? 1 : 0;
    }
    assertTrue(kept >= 1 && kept <= WelcomeCache.ROUTINES, "kept " + kept);
    assertTrue(WelcomeCache.read(tmp, "r" + (WelcomeCache.ROUTINES + 2)).isPresent());
  }

  @Test
  void aRoutineEditedByOneByteHasAnotherKey() throws Exception {
    Path file = tmp.resolve("r.yaml");
    Files.writeString(file, "id: r\ntitle: One\n", StandardCharsets.UTF_8);
    RoutineCatalog catalog = new RoutineCatalog(tmp.resolve("routines"), tmp);
    String before = catalog.source("r.yaml").key();
    assertEquals(before, catalog.source("r.yaml").key());
    Files.writeString(file, "id: r\ntitle: Ono\n", StandardCharsets.UTF_8);
    assertNotEquals(before, catalog.source("r.yaml").key());
    assertNotEquals(catalog.source("sciatica").key(), catalog.source("r.yaml").key());
  }
}
