package coach.store;

/**
 * What an alert for the clinician is about, most urgent first. Kept by name in
 * {@code alerts.kind}.
 *
 * <p>After a red flag come those a therapist acts on the same day: symptoms spreading first,
 * as spreading away from the spine can mean a nerve root under more pressure (the next thing to
 * a red flag, and the one that asks for a changed plan before the next session), then a session
 * stopped for today, whose facts say why (a spread that far raises both, the spread first), then
 * pain above the ceiling through a whole session, then a session that went on after a stop.
 * Kinds are kept by name, so a new one may come anywhere in this order.
 */
public enum AlertKind {
  /** A red-flag question answered yes: urgent. */
  RED_FLAG(true),
  /** Symptoms reached further from the spine during an exercise: the exercise stopped. */
  SYMPTOMS_SPREAD(false),
  /** A session stopped for today: no more exercise that day. */
  STOPPED_FOR_TODAY(false),
  /** Every rating after exercise in a session above the routine's ceiling (three or more). */
  HIGH_PAIN_THROUGHOUT(false),
  /** Another exercise was rated after an exercise, or the session, was stopped. */
  CONTINUED_AFTER_STOP(false),
  /**
   * An exercise stopped for pain, the contact card shown: a rise at its easiest level, or pain
   * above the ceiling at any level.
   */
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
