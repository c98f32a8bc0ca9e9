package coach.app;

import coach.kiosk.KioskApp;
import coach.kiosk.Patients;
import coach.routine.LoadResult;
import coach.store.HistoryStore;
import coach.tui.PacedClock;
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
 * @param patients whose codes count (found without regard to case, spelled as the file spells
 *     them); null when there is no patients file
 * @param anyCode whether any other well-formed code counts too, as typed (--any-code)
 * @param patient the one patient this kiosk serves, or null when it asks for a code
 * @param voice says each session's cues aloud; null for silence
 */
public record LocalKiosk(Duration idle, Patients patients, boolean anyCode, String patient,
    Voice voice) {
  /** This kiosk, saying each session's cues through {@code v} (null: silent). */
  public LocalKiosk speaking(Voice v) {
    return new LocalKiosk(idle, patients, anyCode, patient, v);
  }

  /** The patient a typed code belongs to, or empty when this kiosk does not accept it. */
  Optional<String> code(String typed) {
    if (!Patients.validId(typed)) {
      return Optional.empty();
    }
    Optional<String> listed = patients == null ? Optional.empty()
        : patients.patient(typed).map(Patients.Patient::id);
    return listed.isPresent() || !anyCode ? listed : Optional.of(typed);
  }

  /** The loop that runs the kiosk until a signal or a closed terminal ends it. */
  public SessionLoop loop(Terminal terminal, LoadResult loaded, HistoryStore store, Style style,
      double pace, boolean quiet, AlertService alerts) {
    PacedClock clock = new PacedClock(pace);
    KioskApp app = new KioskApp(clock, idle, style, loaded.routine().title(), patient,
        this::code,
        who -> CoachSession.plan(loaded, store, who, style, voice, alerts).begun());
    SessionLoop loop = new SessionLoop(terminal, app, clock, quiet, fx -> { },
        Views.MIN_COLUMNS, Views.MIN_ROWS);
    java.util.function.BooleanSupplier kept = CoachSession.keptLocallyOf(store);
    return kept == null ? loop : loop.showKeptLocally(kept);
  }
}
