package coach.store;

/**
 * What an alert for the clinician is about, most urgent first. Kept by name in
 * {@code alerts.kind}.
 */
public enum AlertKind {
  /** A red-flag question answered yes: urgent. */
  RED_FLAG(true),
  /** An exercise stopped at its easiest level: the contact card was shown. */
  STOPPED_AT_EASIEST(false),
  /** A session ended for pain. */
  ENDED_FOR_PAIN(false),
  /** Pain before starting above the routine's ceiling. */
  HIGH_START(false),
  /** Worse the morning after the last session. */
  WORSE_NEXT_MORNING(false),
  /** Pain at the end of a session higher in each of the last three sessions. */
  RISING_PAIN(false),
  /** No session for more than twice the routine's interval. */
  MISSED_SESSIONS(false),
  /** This week can no longer reach the sessions the routine asks for. */
  BEHIND_THIS_WEEK(false);

  private final boolean urgent;

  AlertKind(boolean urgent) {
    this.urgent = urgent;
  }

  /** Sent at once, whatever else was sent to the clinician a moment ago. */
  public boolean urgent() {
    return urgent;
  }
}
