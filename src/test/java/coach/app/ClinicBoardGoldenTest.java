package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.app.report.ReportReader;
import coach.app.report.TextReport;
import coach.session.Event;
import coach.tui.ManualClock;
import coach.store.AlertOutbox;
import coach.store.HistoryStore;
import coach.store.SqliteHistoryStore;
import coach.tui.ClinicBoard;
import coach.tui.view.Goldens;
import coach.tui.view.Style;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clinic board as a clinician reads it on a Thursday evening with five patients (see
 * {@link FivePatients}): who to call first and why, at 120x40 and at 80x24, from a real history,
 * compared with golden screens (a person reads a changed one before accepting it).
 */
class ClinicBoardGoldenTest {

  @TempDir Path tmp;

  /**
   * The board of the five patients at {@link FivePatients#NOW}, as dr-kim opens it: its first
   * frame drawn, then the details of the rows in view read at the wake that follows, as the loop
   * does.
   */
  static ClinicBoard board(HistoryStore store, Style style) throws Exception {
    ClinicBoard b = opened(store, style);
    render(b, 120, 40);
    b.update(new Event.Tick());
    return b;
  }

  /** The board just made, before its first frame. */
  static ClinicBoard opened(HistoryStore store, Style style) throws Exception {
    FivePatients.before(store);
    Instant yesterday = FivePatients.NOW.minus(Duration.ofDays(1));
    // dr-kim looked at the board yesterday evening, after that day's alerts
    new AlertScan(store, FivePatients::routines, FivePatients.ZONE).changed(yesterday);
    view(store, yesterday).rows();
    FivePatients.today(store);
    new AlertScan(store, FivePatients::routines, FivePatients.ZONE).changed(FivePatients.NOW);
    return new ClinicBoard(view(store, FivePatients.NOW), new ManualClock(), style,
        FivePatients.ZONE, () -> FivePatients.NOW);
  }

  static ClinicView view(HistoryStore store, Instant at) {
    return new ClinicView(store, FivePatients::routines, (s, p) -> ReportReader.read(s, p,
        FivePatients::routines, null, null, FivePatients.ZONE).map(TextReport::lines)
        .orElse(List.of()), "dr-kim", FivePatients.ZONE, Clock.fixed(at, FivePatients.ZONE));
  }

  @Test
  void whoToCallFirstAndWhyAtBothSizes() throws Exception {
    try (HistoryStore store = SqliteHistoryStore.open(tmp.resolve("history.db"))) {
      ClinicBoard b = board(store, new Style(false, false));
      String wide = render(b, 120, 40);
      String small = render(b, 80, 24);
      Goldens.check("clinic-board-120x40", wide);
      Goldens.check("clinic-board-80x24", small);
      for (String screen : List.of(wide, small)) {
        assertFalse(screen.contains("\u2026"), "cut text:\n" + screen);
        List<String> order = screen.lines().filter(l -> l.matches("^ [ *] P-\\d+.*"))
            .map(l -> l.substring(3, 9)).toList();
        // the spread to the foot, the pain of 8 all session, the one who went on after a stop,
        // the one who stopped coming, then the steady one
        assertEquals(List.of("P-1003", "P-1002", "P-1004", "P-1005", "P-1001"), order, screen);
      }
      assertTrue(small.contains("* P-1003"), small);
      assertTrue(small.contains("  P-1001"), "nothing new of the steady one:\n" + small);
    }
  }

  @Test
  void theRowsShowFirstAndTheirDetailsRightAfter() throws Exception {
    try (HistoryStore store = SqliteHistoryStore.open(tmp.resolve("history.db"))) {
      ClinicBoard b = opened(store, new Style(false, false));
      String first = render(b, 120, 40);
      List<String> rows = first.lines().filter(l -> l.matches("^ [ *] P-\\d+.*")).toList();
      assertEquals(5, rows.size(), "every row in the first frame:\n" + first);
      assertFalse(rows.get(0).contains("foot"), "no details yet:\n" + first);
      assertTrue(first.contains("symptoms spread"), "the alerts are the rows':\n" + first);
      // the board asks to be woken at once for the details
      long wake = b.nextWakeNanos().orElseThrow();
      b.update(new Event.Tick());
      String then = render(b, 120, 40);
      assertTrue(then.lines().anyMatch(l -> l.startsWith(" * P-1003") && l.contains(" 3 ")
          && l.contains("foot") && l.contains("4/7")), "the pain, where and the week:\n" + then);
      assertTrue(b.nextWakeNanos().orElseThrow() > wake, "then it waits for the next read");
    }
  }

  @Test
  void inAsciiTheBoardSaysTheSame() throws Exception {
    try (HistoryStore store = SqliteHistoryStore.open(tmp.resolve("history.db"))) {
      ClinicBoard b = board(store, new Style(true, false));
      String small = render(b, 80, 24);
      Goldens.check("clinic-board-ascii-80x24", small);
      assertTrue(small.chars().allMatch(ch -> ch < 128), small);
    }
  }

  @Test
  void acknowledgingTakesANoteAndRecordsWhoAndTheRowIsNoLongerNew() throws Exception {
    try (HistoryStore store = SqliteHistoryStore.open(tmp.resolve("history.db"))) {
      ClinicBoard b = board(store, new Style(false, false));
      b.update(new Event.Typed('a'));
      String asking = render(b, 120, 40);
      assertTrue(asking.contains("Acknowledge #"), asking);
      assertTrue(asking.contains("(symptoms spread) of P-1003 as dr-kim"), asking);
      for (char ch : "called, seen Fri\u202e".toCharArray()) {
        b.update(new Event.Typed(ch));
      }
      b.update(Event.Key.CONFIRM);
      String done = render(b, 120, 40);
      assertTrue(done.contains("Acknowledged #"), done);
      assertFalse(asking.contains("\u202e") || done.contains("\u202e"), done);
      AlertOutbox.AlertRow acked = store.outbox().alerts("P-1003", false, null).stream()
          .filter(a -> !a.open()).findFirst().orElseThrow();
      assertEquals("dr-kim", acked.by());
      assertTrue(acked.note().startsWith("called, seen Fri"), acked.note());
      assertTrue(done.contains("  P-1003"), "looked at: no longer new\n" + done);
      // Esc leaves the alert open
      b.update(new Event.Typed('a'));
      b.update(Event.Key.BACK);
      assertTrue(render(b, 120, 40).contains("Not acknowledged."));
    }
  }

  /** The board drawn on a virtual terminal of that size, trailing spaces trimmed. */
  static String render(ClinicBoard b, int cols, int rows) throws IOException {
    TerminalScreen screen = new TerminalScreen(new DefaultVirtualTerminal(
        new TerminalSize(cols, rows)));
    screen.startScreen();
    b.draw(screen.newTextGraphics(), screen.getTerminalSize());
    screen.refresh();
    String text = Goldens.text(screen, cols, rows);
    screen.stopScreen();
    return text;
  }

}
