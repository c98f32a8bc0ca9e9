package coach.app;

import coach.routine.Routine;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a patient's history, works out their alerts ({@link AlertRules}) and raises those whose
 * cause is new; the history keeps one open alert per patient and kind.
 */
public final class AlertScan {
  private final HistoryStore store;
  private final Function<String, Optional<Routine>> routines;
  private final ZoneId zone;

  /**
   * @param routines a routine by its id, when it can be found (names, ceiling, frequency)
   */
  public AlertScan(HistoryStore store, Function<String, Optional<Routine>> routines, ZoneId zone) {
    this.store = store;
    this.routines = routines;
    this.zone = zone;
  }

  /** Raises the patient's new alerts; returns them. */
  public List<HistoryStore.AlertRow> patient(String patient, Instant now) throws StoreException {
    List<HistoryStore.SessionRow> rows = store.sessions(patient, null, null);
    Instant recent = now.minus(Duration.ofDays(AlertRules.LOOK_BACK_DAYS));
    List<AlertRules.Session> sessions = new ArrayList<>();
    int withDetails = 0;
    for (int i = rows.size() - 1; i >= 0; i--) {
      HistoryStore.SessionRow r = rows.get(i);
      // the last days' sessions in full, and enough older ones for the last three ends of pain
      boolean needed = !r.started().isBefore(recent) || withDetails < 6;
      AlertRules.Session s = needed
          ? new AlertRules.Session(r, store.ratings(r.id()), store.events(r.id()))
          : new AlertRules.Session(r, List.of(), List.of());
      if (needed) {
        withDetails++;
      }
      sessions.add(0, s);
    }
    List<HistoryStore.AlertRow> raised = new ArrayList<>();
    for (AlertRules.Candidate c : AlertRules.of(sessions, routines, now, zone)) {
      store.raise(patient, c.kind(), c.cause(), c.facts(), now).ifPresent(raised::add);
    }
    return raised;
  }

  /** Every patient's. */
  public List<HistoryStore.AlertRow> all(Instant now) throws StoreException {
    List<HistoryStore.AlertRow> raised = new ArrayList<>();
    for (String p : store.patients()) {
      raised.addAll(patient(p, now));
    }
    return raised;
  }
}
