package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.Contact;
import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.PainRule;
import coach.routine.Phase;
import coach.routine.RedFlag;
import coach.routine.RedFlags;
import coach.routine.Routine;
import coach.session.Outcome;
import coach.session.StartOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarryOverTest {
  private static final Level L = new Level("l", "L", "fine", List.of(new Phase("cue", 2)));
  private static final Routine ROUTINE = new Routine("r", "R", 1, "s", "d",
      new Contact("c", "c@example.org", null, null, null),
      new RedFlags(List.of(new RedFlag("f", "q?")), "go"),
      PainRule.defaults(),
      List.of(new Exercise("a", "A", "daily", 1, 1, List.of(""), 0, List.of(L, L, L)),
          new Exercise("b", "B", "daily", 1, 1, List.of(""), 0, List.of(L, L))));

  private static HistoryStore.SessionRow row(String id, Outcome outcome, Map<String, Integer> lv) {
    return new HistoryStore.SessionRow(id, "p", "r", "h", Instant.EPOCH, null, outcome, 1, 2, 0,
        false, lv);
  }

  @Test
  void aFirstSessionStartsAtThePrescribedLevelsWithoutQuestions() {
    CarryOver.Plan plan = CarryOver.plan(ROUTINE, List.of(), Map.of());
    assertEquals(Map.of(), plan.options().startLevels());
    assertFalse(plan.options().askNextMorning());
    assertNull(plan.interrupted());
  }

  @Test
  void eachExerciseStartsWhereItEndedAndTheMorningAfterIsAsked() {
    CarryOver.Plan plan = CarryOver.plan(ROUTINE,
        List.of(row("s1", Outcome.COMPLETED, Map.of("a", 2, "b", 1))), Map.of("s1", List.of("a")));
    assertEquals(Map.of("a", 2, "b", 1), plan.options().startLevels());
    assertTrue(plan.options().askNextMorning());
    assertEquals(List.of(), plan.options().offerHarder());
  }

  @Test
  void theHarderLevelIsOfferedAfterTwoSessionsWithoutAnIncrease() {
    List<HistoryStore.SessionRow> past = List.of(
        row("s1", Outcome.COMPLETED, Map.of("a", 1, "b", 1)),
        row("s2", Outcome.COMPLETED, Map.of("a", 1, "b", 1)),
        row("s3", Outcome.COMPLETED, Map.of("a", 1, "b", 1)));
    CarryOver.Plan plan = CarryOver.plan(ROUTINE, past, Map.of("s3", List.of("b")));
    assertEquals(List.of("a"), plan.options().offerHarder());
  }

  @Test
  void oneQuietSessionIsNotEnough() {
    List<HistoryStore.SessionRow> past = List.of(
        row("s1", Outcome.COMPLETED, Map.of("a", 2)),
        row("s2", Outcome.COMPLETED, Map.of("a", 1)));
    CarryOver.Plan plan = CarryOver.plan(ROUTINE, past, Map.of());
    assertEquals(List.of(), plan.options().offerHarder());
  }

  @Test
  void anInterruptedSessionIsOfferedForResumptionAtItsSet() {
    CarryOver.Plan plan = CarryOver.plan(ROUTINE,
        List.of(row("s1", null, Map.of("a", 1))), Map.of());
    assertEquals("s1", plan.interrupted().id());
    assertEquals(new StartOptions.ResumePoint(1, 2, 0), plan.options().resume());
    assertEquals(Map.of("a", 1), plan.options().startLevels());
    assertFalse(plan.options().askNextMorning());
  }
}
