package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history carries each exercise over to the level of the same id when a later version of the
 * routine reorders, inserts or drops levels; a level whose id is gone keeps its place.
 */
class LevelIdCarryOverTest {
  @TempDir Path dir;

  private Routine routine(String levels) throws Exception {
    String minimal = Files.readString(Path.of("src/test/resources/routines/good/minimal.yaml"));
    String text = minimal.substring(0, minimal.indexOf("    levels:\n")) + levels;
    Path f = Files.writeString(dir.resolve("r" + levels.hashCode() + ".yaml"), text);
    LoadResult r = new RoutineLoader().load(f);
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  private static String level(String id) {
    return "      - id: " + id + "\n        name: " + id + "\n        feel: Gentle.\n"
        + "        phases:\n          - cue: Move " + id + ".\n            seconds: 2\n";
  }

  /** A session that ends at the glide's easier level "lying", rated there. */
  private static void endAtLying(Routine v1, HistoryStore store) throws Exception {
    StoredSession s = new StoredSession(v1, store, "p", Instant.now().minusSeconds(3600));
    s.press(Event.Key.CONFIRM).noRedFlags().rate(2, 0);
    s.untilPain().rate(5, 0); // a rise: the easier level, "lying"
    s.press(Event.Key.CONFIRM).untilPain().rate(2, 0);
    assertEquals(1, s.state().level(0));
    s.press(Event.Key.QUIT, Event.Key.YES);
  }

  @Test
  void aLevelInsertedAboveDoesNotMoveAHistoryToAnotherLevel() throws Exception {
    Routine v1 = routine("    levels:\n" + level("slider") + level("lying"));
    Routine v2 = routine("    levels:\n" + level("tensioner") + level("slider")
        + level("lying"));
    try (HistoryStore store = SqliteHistoryStore.open(dir.resolve("history.db"))) {
      endAtLying(v1, store);
      // by place it would be "slider" (place 1 in version 2); by id it is "lying"
      assertEquals(2, CarryOver.plan(v2, store, "p", Instant.now()).options().startLevels()
          .get("glide"));
      assertEquals(1, CarryOver.plan(v1, store, "p", Instant.now()).options().startLevels()
          .get("glide"));
    }
  }

  @Test
  void aLevelWhoseIdIsGoneKeepsItsPlace() throws Exception {
    Routine v1 = routine("    levels:\n" + level("slider") + level("lying"));
    Routine v2 = routine("    levels:\n" + level("slider") + level("lying-supported")
        + level("lying-small"));
    try (HistoryStore store = SqliteHistoryStore.open(dir.resolve("history.db"))) {
      endAtLying(v1, store);
      assertEquals(1, CarryOver.plan(v2, store, "p", Instant.now()).options().startLevels()
          .get("glide"));
    }
  }
}
