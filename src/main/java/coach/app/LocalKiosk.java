package coach.app;

import coach.kiosk.KioskApp;
import coach.kiosk.Patients;
import coach.routine.LoadResult;
import coach.session.PacedClock;
import coach.store.HistoryStore;
import coach.tui.SessionLoop;
import coach.tui.Voice;
import coach.tui.view.Style;
import coach.tui.view.Views;
import com.googlecode.lanterna.terminal.Terminal;
import java.time.Duration;
import java.util.Optional;

/**
 * A clinic kiosk on one terminal: the start screen asks for a patient code (or waits for Enter
 * when it serves one known patient), each session is planned from that patient's history, and
 * its end returns to the start screen.
 *
 * @param idle how long a session may sit without a key before it is saved and closed
 * @param patients whose codes count; null when any well-formed code does
 * @param patient the one patient this kiosk serves, or null when it asks for a code
 * @param voice says each session's cues aloud; null for silence
 */
public record LocalKiosk(Duration idle, Patients patients, String patient, Voice voice) {
  /** This kiosk, saying each session's cues through {@code v} (null: silent). */
  public LocalKiosk speaking(Voice v) {
    return new LocalKiosk(idle, patients, patient, v);
  }

  /** The loop that runs the kiosk until a signal or a closed terminal ends it. */
  public SessionLoop loop(Terminal terminal, LoadResult loaded, HistoryStore store, Style style,
      double pace, boolean quiet, AlertService alerts) {
    PacedClock clock = new PacedClock(pace);
    KioskApp app = new KioskApp(clock, idle, style, loaded.routine().title(), patient,
        code -> !Patients.validId(code) ? Optional.empty()
            : patients == null ? Optional.of(code)
            : patients.patient(code).map(Patients.Patient::id),
        who -> CoachSession.plan(loaded, store, who, style, clock, voice, alerts).begun());
    SessionLoop loop = new SessionLoop(terminal, app, clock::realDelayUntil, quiet, fx -> { },
        Views.MIN_COLUMNS, Views.MIN_ROWS);
    java.util.function.BooleanSupplier kept = CoachSession.keptLocallyOf(store);
    return kept == null ? loop : loop.showKeptLocally(kept);
  }
}
