package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Outcome;
import coach.session.Rating;
import coach.store.AlertKind;
import coach.store.AlertOutbox;
import coach.store.HistoryStore;
import coach.store.SqliteHistoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan of the clinic looks at the patients whose sessions changed since the last scan (by any
 * coach) and those whose attendance is due a look, and at nobody else.
 */
class AlertScanTest {
  private static final Instant NOW = FivePatients.NOW; // a Thursday, 18:00

  @TempDir Path tmp;

  private static void session(HistoryStore store, String patient, Instant at) throws Exception {
    String id = patient + "-" + at;
    store.copy(new HistoryStore.SessionRow(id, patient, "sciatica", "h", at, at.plusSeconds(600),
        Outcome.COMPLETED, 0, 1, 0, true, Map.of()), List.of(new HistoryStore.RatingRow(id, 1,
        at, new Rating(Rating.Kind.SET, "cat-camel", 0, null, 1, 0, "", 2, null))), List.of());
  }

  private static List<AlertKind> open(HistoryStore store, String patient) throws Exception {
    return store.outbox().alerts(patient, true, null).stream().map(AlertOutbox.AlertRow::kind)
        .toList();
  }

  @Test
  void aScanLooksOnlyAtWhatChangedOrIsDue()
      throws Exception {
    Instant monday = NOW.minus(Duration.ofDays(3)).minus(Duration.ofHours(8));
    try (HistoryStore store = SqliteHistoryStore.open(tmp.resolve("history.db"))) {
      // away: daily six weeks ago, back on Monday; kept: last week daily, and Monday
      for (int d = 42; d >= 35; d--) {
        session(store, "away", monday.minus(Duration.ofDays(d)));
      }
      session(store, "away", monday);
      for (int d = 7; d >= 1; d--) {
        session(store, "kept", monday.minus(Duration.ofDays(d)));
      }
      session(store, "kept", monday);
      AlertScan scan = new AlertScan(store, FivePatients::routines, FivePatients.ZONE);
      AlertScan.Round first = scan.round(NOW);
      assertEquals(List.of("away", "kept"), first.patients(), "the first scan: everyone");
      while (!first.step(1)) {
        // one at a time
      }
      // behind: Monday only, and the week can no longer have seven days (back after weeks
      // away too: their newest sessions are read wherever they are)
      assertTrue(open(store, "kept").contains(AlertKind.BEHIND_THIS_WEEK), open(store, "kept")
          .toString());
      assertTrue(open(store, "away").contains(AlertKind.BEHIND_THIS_WEEK));
      // nothing changed, nothing due: nobody to look at
      assertEquals(List.of(), scan.round(NOW.plusSeconds(60)).patients());
      // a session of one: that one; the alert it raised is not a change to look at again
      session(store, "away", NOW.minusSeconds(600));
      AlertScan.Round second = scan.round(NOW.plusSeconds(120));
      assertEquals(List.of("away"), second.patients());
      assertTrue(second.step(10));
      assertEquals(List.of(), scan.round(NOW.plusSeconds(180)).patients());
      // when the attendance of the one who came today is next due, that one again: behind
      // already, so missed sessions, 49 hours after today's session
      Instant due = NOW.minusSeconds(600).plus(Duration.ofHours(49));
      assertEquals(List.of(), scan.round(due.minusSeconds(1)).patients());
      AlertScan.Round third = scan.round(due);
      assertEquals(List.of("away"), third.patients());
      third.step(10);
      assertTrue(open(store, "away").contains(AlertKind.MISSED_SESSIONS));
      // and both on the Tuesday of next week, when that week is behind for a daily routine
      assertEquals(List.of(), scan.round(Instant.parse("2026-11-30T23:59:59Z")).patients());
      assertEquals(List.of("away", "kept"), scan.round(Instant.parse("2026-12-01T00:00:00Z"))
          .patients());
    }
  }
}
