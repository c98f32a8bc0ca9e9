package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Reason;
import coach.session.Rise;
import coach.session.StartOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan read from a real history: what the rules in session/Progression are given. */
class CarryOverTest {
  @TempDir Path dir;

  private static Routine sciatica() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  private static Rating rating(String exercise, int value) {
    return new Rating(Rating.Kind.SET, exercise, 0, "l", 1, 0, "", value, null);
  }

  @Test
  void aSessionCutOffIsOfferedAtItsSetWithItsRow() throws Exception {
    Routine routine = sciatica();
    try (SqliteHistoryStore store = SqliteHistoryStore.open(dir.resolve("history.db"))) {
      SessionRecorder done = store.begin("p", routine.id(), "h", Map.of("cat-camel", 0));
      done.apply(new Effect.RecordRating(rating("cat-camel", 3)));
      done.apply(new Effect.RecordSwitch("cat-camel", 0, 1, new Reason.Easier(
          new Rise(2, 4, true, -1, -1, -1), 0, 1)));
      done.apply(new Effect.SessionEnded(Outcome.COMPLETED));
      SessionRecorder cut = store.begin("p", routine.id(), "h", Map.of("cat-camel", 1));
      cut.apply(new Effect.RecordProgress(1, 2, 1));
      cut.apply(new Effect.RecordRating(rating("nerve-glide", 5)));
      CarryOver.Plan plan = CarryOver.plan(routine, store, "p",
          Instant.now().plus(Duration.ofHours(9)));
      assertEquals(cut.sessionId(), plan.interrupted().id());
      assertEquals(new StartOptions.ResumePoint(1, 2, 1), plan.options().resume());
      assertEquals(Map.of("cat-camel", 1), plan.options().startLevels());
      assertEquals(Map.of("cat-camel", List.of(3), "nerve-glide", List.of(5)),
          plan.options().earlier());
      assertFalse(plan.options().askNextMorning(), "not while a session waits to be resumed");
      store.settleInterrupted(cut.sessionId());
      CarryOver.Plan after = CarryOver.plan(routine, store, "p",
          Instant.now().plus(Duration.ofHours(9)));
      assertNull(after.interrupted());
      assertTrue(after.options().askNextMorning());
    }
  }
}
