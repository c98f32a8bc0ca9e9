package coach.app;

import coach.store.AlertKind;
import coach.tui.ClinicBoard;
import coach.tui.words.Messages;

/**
 * An alert's kind in the words of the clinician's messages and the command line: the English
 * bundle's, as the board says it in English.
 */
public final class AlertWords {
  private AlertWords() {}

  public static String of(AlertKind kind) {
    return Messages.english().get(ClinicBoard.kindKey(kind));
  }
}
