package coach.store;

/**
 * What an event of the history records; kept by name in {@code events.kind}, with its detail in
 * {@code events.detail} as a code, never as a sentence (the report and the export put codes into
 * words). Histories written before codes keep their sentences, which are shown as they are.
 */
public enum RecordKind {
  /** A change of level; detail: the {@link coach.session.Reason}'s code. */
  SWITCH,
  /** The clinician's contact options were shown; detail: the Reason's code. */
  CONTACT,
  /** A red-flag question was answered yes; detail: the question's id in the routine. */
  RED_FLAG,
  /** Whether pain was worse the morning after; detail: {@link #WORSE} or {@link #NOT_WORSE}. */
  NEXT_MORNING,
  /** Whether an interrupted session went on; detail: {@link #CONTINUED}, {@link #STARTED_FRESH}. */
  RESUME;

  /** NEXT_MORNING: pain was worse the morning after the last session. */
  public static final String WORSE = "worse";
  /** NEXT_MORNING: it was not. */
  public static final String NOT_WORSE = "not worse";
  /** RESUME: the interrupted session was continued. */
  public static final String CONTINUED = "continued";
  /** RESUME: a fresh session was started instead. */
  public static final String STARTED_FRESH = "started fresh";
}
