package coach.session;

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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The progression rules: where each exercise starts, the morning after, the harder level. */
class ProgressionTest {
  private static final Level L = new Level("l", "L", "fine", List.of(new Phase("cue", 2)));
  private static final Routine ROUTINE = new Routine("r", "R", 1, "s", "d",
      new Contact("c", null, "c@example.org", null, null, null),
      new RedFlags(List.of(new RedFlag("f", "q?")), "go"),
      PainRule.defaults(),
      List.of(new Exercise("a", "A", "daily", 1, 1, List.of(""), 0, List.of(L, L, L)),
          new Exercise("b", "B", "daily", 1, 1, List.of(""), 0, List.of(L, L))));
  /** Day 10, 09:00 UTC; sessions are placed relative to it. */
  private static final Instant NOW = Instant.parse("2026-01-10T09:00:00Z");

  /** A session that started {@code hoursAgo} before NOW and lasted 20 minutes. */
  private static Progression.Past past(String id, double hoursAgo, Outcome outcome,
      Map<String, Integer> lv, Set<String> rated, Set<String> increased) {
    Instant start = NOW.minusSeconds((long) (hoursAgo * 3600));
    return new Progression.Past(id, start,
        outcome == null ? null : start.plus(Duration.ofMinutes(20)), outcome, false, lv,
        new StartOptions.ResumePoint(1, 2, 0), rated, increased);
  }

  private static Progression.Past done(String id, double hoursAgo, Map<String, Integer> lv) {
    return past(id, hoursAgo, Outcome.COMPLETED, lv, lv.keySet(), Set.of());
  }

  private static Progression.Plan plan(Progression.Past... past) {
    return Progression.plan(ROUTINE, List.of(past), Map.of(), NOW, ZoneOffset.UTC);
  }

  @Test
  void aFirstSessionStartsAtThePrescribedLevelsWithoutQuestions() {
    Progression.Plan plan = plan();
    assertEquals(Map.of(), plan.options().startLevels());
    assertFalse(plan.options().askNextMorning());
    assertNull(plan.interrupted());
  }

  @Test
  void eachExerciseStartsWhereItEndedAndTheMorningAfterIsAskedTheNextDay() {
    Progression.Plan plan = plan(past("s1", 24, Outcome.COMPLETED, Map.of("a", 2, "b", 1),
        Set.of("a", "b"), Set.of("a")));
    assertEquals(Map.of("a", 2, "b", 1), plan.options().startLevels());
    assertTrue(plan.options().askNextMorning());
    assertEquals(List.of(), plan.options().offerHarder());
  }

  @Test
  void theMorningAfterIsAskedOnlyBetweenEightHoursAndSevenDaysAfter() {
    Map<String, Integer> lv = Map.of("a", 0);
    assertFalse(plan(done("s1", 0.1, lv)).options().askNextMorning(), "minutes later");
    assertFalse(plan(done("s1", 7.5, lv)).options().askNextMorning(), "7 h after its end");
    assertTrue(plan(done("s1", 8.5, lv)).options().askNextMorning(), "8 h after its end");
    assertTrue(plan(done("s1", 24 * 6.9, lv)).options().askNextMorning(), "6.9 days later");
    assertFalse(plan(done("s1", 24 * 7.5, lv)).options().askNextMorning(), "7.5 days later");
  }

  @Test
  void aSessionQuitBeforeAnyExerciseDoesNotCountAsTheLastSession() {
    Progression.Plan plan = plan(done("s1", 30, Map.of("a", 0)),
        past("s2", 0.2, Outcome.QUIT, Map.of("a", 0), Set.of(), Set.of()));
    assertTrue(plan.options().askNextMorning());
  }

  @Test
  void theHarderLevelIsOfferedAfterTwoCompletedSessionsOnDifferentDaysWithoutARise() {
    Progression.Plan plan = plan(done("s1", 48, Map.of("a", 1, "b", 1)),
        done("s2", 24, Map.of("a", 1, "b", 1)),
        past("s3", 12, Outcome.COMPLETED, Map.of("a", 1, "b", 1), Set.of("a", "b"),
            Set.of("b")));
    assertEquals(List.of("a"), plan.options().offerHarder());
  }

  @Test
  void twoSessionsOnTheSameDayCountAsOne() {
    Progression.Plan plan = plan(done("s1", 3, Map.of("a", 1)), done("s2", 1, Map.of("a", 1)));
    assertEquals(List.of(), plan.options().offerHarder());
  }

  @Test
  void sessionsQuitOrNotRatedDoNotCountTowardTheHarderLevel() {
    Progression.Plan plan = plan(
        past("s1", 48, Outcome.QUIT, Map.of("a", 1), Set.of(), Set.of()),
        past("s2", 24, Outcome.COMPLETED, Map.of("a", 1), Set.of(), Set.of()),
        done("s3", 1, Map.of("a", 1)));
    assertEquals(List.of(), plan.options().offerHarder());
  }

  @Test
  void aRiseOrAnotherLevelResetsTheCount() {
    Progression.Plan plan = plan(done("s1", 72, Map.of("a", 1)),
        past("s2", 48, Outcome.COMPLETED, Map.of("a", 1), Set.of("a"), Set.of("a")),
        done("s3", 24, Map.of("a", 1)));
    assertEquals(List.of(), plan.options().offerHarder());
    plan = plan(done("s1", 72, Map.of("a", 2)), done("s2", 48, Map.of("a", 2)),
        done("s3", 24, Map.of("a", 1)));
    assertEquals(List.of(), plan.options().offerHarder());
  }

  @Test
  void anInterruptedSessionIsOfferedForResumptionAtItsSet() {
    Progression.Plan plan = plan(past("s1", 1, null, Map.of("a", 1), Set.of("a"), Set.of()));
    assertEquals("s1", plan.interrupted());
    assertEquals(new StartOptions.ResumePoint(1, 2, 0), plan.options().resume());
    assertEquals(Map.of("a", 1), plan.options().startLevels());
    assertFalse(plan.options().askNextMorning());
  }
}
