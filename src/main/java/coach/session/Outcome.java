package coach.session;

/** How a session ended. */
public enum Outcome {
  COMPLETED,
  STOPPED_FOR_PAIN,
  RED_FLAG,
  QUIT,
  INTERRUPTED
}
