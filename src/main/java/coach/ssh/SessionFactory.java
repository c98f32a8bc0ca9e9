package coach.ssh;

import coach.kiosk.KioskApp;
import coach.routine.LoadResult;
import coach.tui.Clock;
import coach.tui.view.Style;

/**
 * Begins a patient's session on a connection: reads their history and records the start. The
 * server is handed one when it is built (the app composes it over the history), so this package
 * knows nothing of how a session is planned or where it is kept.
 */
@FunctionalInterface
public interface SessionFactory {
  /**
   * @param routine the routine the connection's user or patient is served
   */
  KioskApp.Begun begin(LoadResult routine, String patient, Style style) throws Exception;

  /**
   * Whether what sessions record is kept on this computer for now (the history's database
   * cannot be reached); a line on the screen says so. Null when that cannot happen.
   */
  default java.util.function.BooleanSupplier keptLocally() {
    return null;
  }

  /**
   * The clinic board for a clinician's login, acknowledging as {@code by}.
   *
   * @throws UnsupportedOperationException when this server has no board
   */
  default coach.tui.ClinicBoard board(Style style, Clock clock, String by) throws Exception {
    throw new UnsupportedOperationException("no clinic board on this server");
  }
}
