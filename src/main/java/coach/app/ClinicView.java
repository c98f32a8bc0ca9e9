package coach.app;

import coach.routine.Routine;
import coach.store.HistoryStore;
import coach.tui.ClinicBoard;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The clinic board's rows, read from the history: every patient with their open alerts, last
 * session, this week and the pain before their last sessions. Every minute it also works the
 * alerts out again, so a patient who stopped coming appears without a session of theirs.
 */
public final class ClinicView implements ClinicBoard.Source {
  /** How the board shows a patient's report. */
  @FunctionalInterface
  public interface Reports {
    List<String> of(HistoryStore store, String patient) throws Exception;
  }

  private static final Duration SCAN_EVERY = Duration.ofMinutes(1);

  private final HistoryStore store;
  private final Function<String, Optional<Routine>> routines;
  private final Reports reports;
  private final String by;
  private final ZoneId zone;
  private final AlertScan scan;
  private Instant scanned;

  /**
   * @param by who acknowledges, as recorded with each acknowledgement
   */
  public ClinicView(HistoryStore store, Function<String, Optional<Routine>> routines,
      Reports reports, String by, ZoneId zone) {
    this.store = store;
    this.routines = routines;
    this.reports = reports;
    this.by = by;
    this.zone = zone;
    this.scan = new AlertScan(store, routines, zone);
  }

  @Override
  public List<ClinicBoard.Row> rows() throws Exception {
    Instant now = Instant.now();
    if (scanned == null || Duration.between(scanned, now).compareTo(SCAN_EVERY) >= 0) {
      scan.all(now);
      scanned = now;
    }
    Map<String, List<ClinicBoard.AlertLine>> open = new LinkedHashMap<>();
    for (HistoryStore.AlertRow a : store.alerts(null, true, null)) {
      open.computeIfAbsent(a.patient(), k -> new ArrayList<>())
          .add(new ClinicBoard.AlertLine(a.id(), a.kind(), a.facts()));
    }
    List<ClinicBoard.Row> rows = new ArrayList<>();
    for (String patient : store.patients()) {
      List<HistoryStore.SessionRow> sessions = store.sessions(patient, null, null);
      HistoryStore.SessionRow last = sessions.isEmpty() ? null
          : sessions.get(sessions.size() - 1);
      Optional<Routine> routine = last == null ? Optional.empty()
          : routines.apply(last.routineId());
      int done = 0;
      int target = Attendance.DEFAULT_DAYS;
      List<Integer> pains = List.of();
      if (routine.isPresent()) {
        Attendance a = Attendance.of(store, sessions, routine.get(), now, zone);
        done = a.week().daysDone();
        target = a.week().target();
        pains = a.week().pain();
      }
      rows.add(new ClinicBoard.Row(patient, open.getOrDefault(patient, List.of()),
          last == null ? null : last.started(), last == null ? null : last.outcome(), done,
          target, pains));
    }
    return rows;
  }

  @Override
  public List<String> report(String patient) throws Exception {
    return reports.of(store, patient);
  }

  @Override
  public boolean acknowledge(long alertId) throws Exception {
    return store.acknowledge(alertId, by, null, Instant.now());
  }
}
