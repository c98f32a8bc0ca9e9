package coach.app;

import coach.routine.Routine;
import coach.store.AlertOutbox;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a patient's history, works out their alerts ({@link AlertRules}) and raises those whose
 * cause is new; the history keeps one open alert per patient and kind. A scan of the clinic
 * ({@link #changed}) looks only at the patients whose history changed since the last scan (any
 * coach's on this history) and those whose attendance is due a look, so its cost follows the
 * change, not the clinic.
 */
public final class AlertScan {
  /** Where the clinic's scan got to, kept in the history for every coach that scans it. */
  static final String PLACE = "alert-scan";

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

  /**
   * How far back a scan reads a patient's sessions (besides their newest six, whenever they
   * were): the rules' two weeks and two more for this week's and the last sessions' days. Not
   * the months before: their levels and all their sessions are not the alerts' business.
   */
  static final Duration WINDOW = Duration.ofDays(2L * AlertRules.LOOK_BACK_DAYS);

  /** Raises the patient's new alerts; returns them. */
  public List<AlertOutbox.AlertRow> patient(String patient, Instant now) throws StoreException {
    Map<String, Instant> due = new HashMap<>();
    List<AlertOutbox.AlertRow> raised = patients(List.of(patient), now, due);
    store.attendanceAt(due);
    return raised;
  }

  /**
   * As {@link #patient(String, Instant)} for several patients, their sessions read in one
   * statement and those sessions' ratings and events in one each; notes when each one's
   * attendance is next due a look.
   */
  private List<AlertOutbox.AlertRow> patients(List<String> patients, Instant now,
      Map<String, Instant> due) throws StoreException {
    Instant recent = now.minus(Duration.ofDays(AlertRules.LOOK_BACK_DAYS));
    // the last four weeks' sessions, and at least the newest six (for the last three ends)
    Map<String, List<HistoryStore.SessionRow>> read = store.lastSessions(patients, 6,
        now.minus(WINDOW));
    List<String> detailed = new ArrayList<>();
    for (List<HistoryStore.SessionRow> rows : read.values()) {
      for (int i = rows.size() - 1, n = 0; i >= 0; i--, n++) {
        // the last days' sessions in full, and enough older ones for the last three ends
        if (!rows.get(i).started().isBefore(recent) || n < 6) {
          detailed.add(rows.get(i).id());
        }
      }
    }
    Map<String, List<HistoryStore.RatingRow>> ratings = store.ratings(detailed);
    Map<String, List<HistoryStore.EventRow>> events = store.events(detailed);
    List<AlertOutbox.AlertRow> raised = new ArrayList<>();
    for (String patient : patients) {
      List<AlertRules.Session> sessions = new ArrayList<>();
      for (HistoryStore.SessionRow r : read.getOrDefault(patient, List.of())) {
        sessions.add(new AlertRules.Session(r, ratings.getOrDefault(r.id(), List.of()),
            events.getOrDefault(r.id(), List.of())));
      }
      List<AlertOutbox.Raise> candidates = new ArrayList<>();
      for (AlertRules.Candidate c : AlertRules.of(sessions, routines, now, zone)) {
        candidates.add(new AlertOutbox.Raise(c.kind(), c.cause(), c.facts()));
      }
      raised.addAll(store.outbox().raise(patient, candidates, now));
      due.put(patient, AlertRules.attendanceDue(sessions, routines, now, zone));
    }
    return raised;
  }

  /**
   * Raises the new alerts of every patient whose history changed since the last scan of this
   * history (by any coach), and of those whose attendance is due a look by now; returns them.
   * The first scan of a history looks at every patient once.
   */
  public List<AlertOutbox.AlertRow> changed(Instant now) throws StoreException {
    Round r = round(now);
    while (!r.step(500)) {
      // the next 500
    }
    return r.raised;
  }

  /** A scan of the changed patients ({@link #changed}) begun now, to go through in steps. */
  public Round round(Instant now) throws StoreException {
    long since = store.place(PLACE).map(HistoryStore.Place::mark).orElse(0L);
    HistoryStore.Changes changes = store.changes(since, false);
    TreeSet<String> todo = new TreeSet<>();
    changes.patients().forEach(p -> todo.add(p.patient()));
    todo.addAll(store.attendanceDue(now));
    return new Round(new ArrayList<>(todo), changes.next(), now);
  }

  /**
   * A scan of the changed patients gone through a few at a time, so a board between two steps
   * still answers its keys; where it got to is kept in the history when it is done.
   */
  public final class Round {
    private final List<String> todo;
    private final long next;
    private final Instant now;
    private final List<AlertOutbox.AlertRow> raised = new ArrayList<>();
    private int done;

    private Round(List<String> todo, long next, Instant now) {
      this.todo = todo;
      this.next = next;
      this.now = now;
    }

    /** Looks at up to {@code n} more patients; true when every one has been looked at. */
    public boolean step(int n) throws StoreException {
      Map<String, Instant> due = new HashMap<>();
      while (n > 0 && done < todo.size()) {
        int take = Math.min(Math.min(n, 50), todo.size() - done);
        raised.addAll(AlertScan.this.patients(todo.subList(done, done + take), now, due));
        done += take;
        n -= take;
      }
      store.attendanceAt(due);
      if (done < todo.size()) {
        return false;
      }
      store.place(PLACE, next, now);
      return true;
    }

    /** The alerts raised so far. */
    public List<AlertOutbox.AlertRow> raised() {
      return raised;
    }

    /** The patients this round looks at. */
    List<String> patients() {
      return List.copyOf(todo);
    }
  }

  /** Every patient's, whatever changed. */
  public List<AlertOutbox.AlertRow> all(Instant now) throws StoreException {
    List<String> all = store.patients();
    List<AlertOutbox.AlertRow> raised = new ArrayList<>();
    Map<String, Instant> due = new HashMap<>();
    for (int i = 0; i < all.size(); i += 50) {
      raised.addAll(patients(all.subList(i, Math.min(all.size(), i + 50)), now, due));
    }
    store.attendanceAt(due);
    return raised;
  }
}
