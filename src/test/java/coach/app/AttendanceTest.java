package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Rating;
import coach.store.SessionRecorder;
import coach.store.SqliteHistoryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The week, the streak, the pain line and "due" as the history gives them. */
class AttendanceTest {
  @TempDir Path data;

  private static Routine sciatica() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "daily | 7", "Every day | 7", "twice a day | 7", "3 times a week | 3", "twice a week | 2",
    "once per week | 1", "5x a week | 5", "every other day | 4", "when it feels stiff | 0"})
  void frequenciesAreReadAsDaysAWeek(String frequency, int days) {
    assertEquals(days, Attendance.daysPerWeek(frequency));
  }

  @Test
  void theSciaticaRoutineIsDailyBecauseItsHipCirclesAre() {
    assertEquals(7, Attendance.daysPerWeek(sciatica()));
  }

  @Test
  void theWeekMarksTodaysSessionAndCountsTheStreakAndThePain() throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(data))) {
      for (int pain : new int[] {6, 5, 4}) {
        SessionRecorder rec = store.begin("pat", "sciatica", "hash", Map.of());
        rec.apply(new Effect.RecordRating(new Rating(Rating.Kind.BASELINE, null, -1, null, 0,
            -1, "", pain, null)));
        rec.apply(new Effect.SessionEnded(Outcome.COMPLETED));
      }
      Instant now = Instant.now();
      ZoneId zone = ZoneId.systemDefault();
      Attendance a = Attendance.of(store, "pat", sciatica(), now, zone);
      int today = java.time.LocalDate.ofInstant(now, zone).getDayOfWeek().getValue() - 1;
      assertEquals(today, a.week().today());
      assertTrue(a.week().done().get(today));
      assertEquals(1, a.week().daysDone());
      assertEquals(1, a.week().streak());
      assertEquals(List.of(6, 5, 4), a.week().pain());
      assertFalse(a.due());
      assertEquals(0, a.daysSinceLast());
      // a week later: nothing this week yet, the streak broken, due, the pain line kept
      Attendance later = Attendance.of(store, "pat", sciatica(),
          now.plus(java.time.Duration.ofDays(7)), zone);
      assertEquals(0, later.week().daysDone());
      assertEquals(0, later.week().streak());
      assertTrue(later.due());
      assertEquals(7, later.daysSinceLast());
      assertEquals(List.of(6, 5, 4), later.week().pain());
    }
  }

  @Test
  void beforeAnySessionItIsDueAndTheWeekIsEmpty() {
    Attendance a = Attendance.none(sciatica(), Instant.now(), ZoneOffset.UTC);
    assertTrue(a.due());
    assertEquals(-1, a.daysSinceLast());
    assertEquals(0, a.week().daysDone());
    assertEquals(7, a.week().target());
  }
}
