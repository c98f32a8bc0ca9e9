package coach.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.session.Outcome;
import coach.store.AlertKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicBoardTest {
  private static ClinicBoard.Row row(String p, Instant last, AlertKind... kinds) {
    List<ClinicBoard.AlertLine> alerts = java.util.Arrays.stream(kinds)
        .map(k -> new ClinicBoard.AlertLine(1, k, "")).toList();
    return new ClinicBoard.Row(p, alerts, last, Outcome.COMPLETED, 1, 7, List.of());
  }

  @Test
  void mostUrgentFirstThenAnyAlertByKindThenTheLatestSession() {
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    List<ClinicBoard.Row> sorted = ClinicBoard.sorted(List.of(
        row("quiet-old", t),
        row("missed", t, AlertKind.MISSED_SESSIONS),
        row("quiet-new", t.plusSeconds(60)),
        row("flag", t.minusSeconds(9999), AlertKind.HIGH_START, AlertKind.RED_FLAG),
        row("never", null),
        row("stopped", t, AlertKind.STOPPED_AT_EASIEST)));
    assertEquals(List.of("flag", "stopped", "missed", "quiet-new", "quiet-old", "never"),
        sorted.stream().map(ClinicBoard.Row::patient).toList());
  }
}
