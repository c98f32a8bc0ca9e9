package coach.app;

import coach.store.AlertKind;

/** An alert's kind in the words of the clinician's messages and the command line (English). */
public final class AlertWords {
  private AlertWords() {}

  public static String of(AlertKind kind) {
    return switch (kind) {
      case RED_FLAG -> "red flag";
      case STOPPED_AT_EASIEST -> "stopped at the easiest level";
      case ENDED_FOR_PAIN -> "session ended for pain";
      case HIGH_START -> "high pain before starting";
      case WORSE_NEXT_MORNING -> "worse the morning after";
      case RISING_PAIN -> "pain rising";
      case MISSED_SESSIONS -> "missed sessions";
      case BEHIND_THIS_WEEK -> "behind this week";
    };
  }
}
