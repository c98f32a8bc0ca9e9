package coach.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A routine in the data folder is found by its file name and by its id. */
class RoutineCatalogTest {
  @TempDir Path tmp;

  private Path routineFile(String file, String id) throws Exception {
    String minimal = Files.readString(Path.of("src/test/resources/routines/good/minimal.yaml"));
    Path folder = Files.createDirectories(tmp.resolve("routines"));
    return Files.writeString(folder.resolve(file), minimal.replace("id: minimal\n",
        "id: " + id + "\n"));
  }

  @Test
  void aRoutineIsFoundByItsFileNameAndByItsId() throws Exception {
    routineFile("My-routine.yaml", "knee-plan");
    RoutineCatalog c = new RoutineCatalog(tmp.resolve("routines"), tmp);
    LoadResult byName = c.find("My-routine");
    assertTrue(byName.ok(), byName.problems().toString());
    LoadResult byId = c.find("knee-plan");
    assertTrue(byId.ok(), byId.problems().toString());
    assertEquals("knee-plan", byId.routine().id());
    LoadResult none = c.find("hip-plan");
    assertFalse(none.ok());
    assertTrue(none.problems().get(0).message().startsWith("no routine by that name"));
  }

  @Test
  void twoRoutinesWithOneIdAskForTheFile() throws Exception {
    routineFile("a.yaml", "knee-plan");
    routineFile("b.yaml", "knee-plan");
    LoadResult r = new RoutineCatalog(tmp.resolve("routines"), tmp).find("knee-plan");
    assertFalse(r.ok());
    String message = r.problems().get(0).message();
    assertTrue(message.startsWith("more than one routine has the id \"knee-plan\""), message);
    assertTrue(message.contains("a.yaml") && message.contains("b.yaml"), message);
  }
}
