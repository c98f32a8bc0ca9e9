package coach.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.store.AlertKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicBoardTest {
  private static ClinicBoard.Row row(String p, Instant last, AlertKind... kinds) {
    List<ClinicBoard.AlertLine> alerts = java.util.Arrays.stream(kinds)
        .map(k -> new ClinicBoard.AlertLine(1, k, "")).toList();
    return new ClinicBoard.Row(p, alerts, last, false, null);
  }

  @Test
  void mostUrgentFirstThenMoreKindsThenTheLatestSession() {
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    List<ClinicBoard.Row> sorted = ClinicBoard.sorted(List.of(
        row("quiet-old", t),
        row("missed", t, AlertKind.MISSED_SESSIONS),
        row("quiet-new", t.plusSeconds(60)),
        row("flag", t.minusSeconds(9999), AlertKind.HIGH_START, AlertKind.RED_FLAG),
        row("never", null),
        row("stopped", t, AlertKind.STOPPED_AT_EASIEST),
        row("stopped-and-more", t.minusSeconds(60), AlertKind.STOPPED_AT_EASIEST,
            AlertKind.RISING_PAIN),
        row("went-on", t, AlertKind.CONTINUED_AFTER_STOP),
        row("high", t, AlertKind.HIGH_PAIN_THROUGHOUT),
        row("spread", t, AlertKind.SYMPTOMS_SPREAD)));
    assertEquals(List.of("flag", "spread", "high", "went-on", "stopped-and-more", "stopped",
        "missed", "quiet-new", "quiet-old", "never"),
        sorted.stream().map(ClinicBoard.Row::patient).toList());
  }
}
