package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.app.report.Report;
import coach.app.report.ReportReader;
import coach.session.Outcome;
import coach.session.Rating;
import coach.store.HistoryStore;
import coach.store.SqliteHistoryStore;
import coach.tui.ClinicBoard;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This week's days are one count wherever they are shown: the welcome screen and coach due
 * ({@link Attendance}), the clinic board's row and the report's week line. A day counts when a
 * session that day finished or stopped for pain, or rated an exercise; two sessions on one day
 * count once; a session quit before any exercise does not count.
 */
class ThisWeekTest {
  @TempDir Path tmp;

  private static HistoryStore.RatingRow rating(String id, int seq, Instant at, boolean set) {
    return new HistoryStore.RatingRow(id, seq, at, new Rating(set ? Rating.Kind.SET
        : Rating.Kind.BASELINE, set ? "cat-camel" : null, set ? 0 : -1, null, set ? 1 : 0,
        set ? 0 : -1, "", 3, null));
  }

  private static void session(HistoryStore store, String id, Instant at, Outcome outcome,
      boolean exercised) throws Exception {
    store.copy(new HistoryStore.SessionRow(id, "P-2001", "sciatica", "h", at, at.plusSeconds(
        600), outcome, 0, 1, 0, true, Map.of()), exercised ? List.of(rating(id, 1, at, false),
        rating(id, 2, at.plusSeconds(60), true)) : List.of(rating(id, 1, at, false)),
        List.of());
  }

  @Test
  void theWelcomeDueTheBoardAndTheReportCountTheSameDays() throws Exception {
    Instant now = FivePatients.NOW; // a Thursday
    Instant monday = now.minus(Duration.ofDays(3)).minus(Duration.ofHours(8));
    try (HistoryStore store = SqliteHistoryStore.open(tmp.resolve("history.db"))) {
      FivePatients.before(store);
      FivePatients.today(store);
      // last Sunday (not this week), Monday twice, Tuesday quit after an exercise, Wednesday
      // quit before one, today stopped for pain before any exercise
      session(store, "sun", monday.minus(Duration.ofDays(1)), Outcome.COMPLETED, true);
      session(store, "mon-1", monday, Outcome.COMPLETED, true);
      session(store, "mon-2", monday.plusSeconds(3600), Outcome.COMPLETED, true);
      session(store, "tue", monday.plus(Duration.ofDays(1)), Outcome.QUIT, true);
      session(store, "wed", monday.plus(Duration.ofDays(2)), Outcome.QUIT, false);
      session(store, "thu", monday.plus(Duration.ofDays(3)), Outcome.STOPPED_FOR_PAIN, false);
      ClinicView view = ClinicBoardGoldenTest.view(store, now);
      List<String> patients = view.rows().stream().map(ClinicBoard.Row::patient).toList();
      Map<String, ClinicBoard.Detail> board = view.details(patients);
      LocalDate thisMonday = LocalDate.ofInstant(now, FivePatients.ZONE)
          .with(DayOfWeek.MONDAY);
      for (String p : patients) {
        int welcome = Attendance.of(store, p, FivePatients.SCIATICA, now, FivePatients.ZONE)
            .week().daysDone();
        Report report = ReportReader.read(store, p, FivePatients::routines, null, null,
            FivePatients.ZONE).orElseThrow();
        int reported = report.weeks().stream().filter(w -> w.monday().equals(thisMonday))
            .mapToInt(Report.WeekLine::days).findFirst().orElse(0);
        assertEquals(welcome, board.get(p).weekDone(), p + " on the board");
        assertEquals(welcome, reported, p + " in the report");
      }
      assertEquals(3, board.get("P-2001").weekDone(), "Monday, Tuesday and today");
      assertEquals(0, board.get("P-1005").weekDone());
      assertEquals(4, board.get("P-1003").weekDone());
    }
  }
}
