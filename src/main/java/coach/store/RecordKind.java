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
  RESUME,
  /**
   * The session stopped for today: no more exercise that day; detail: the Reason's code (a
   * {@code today} code, or {@code high-start-stop}).
   */
  STOP_TODAY,
  /**
   * After a red flag on an earlier day, whether a doctor has seen the person and said they may
   * exercise; detail: {@link #CLEARED} or {@link #NOT_CLEARED}.
   */
  CLEARANCE,
  /**
   * The questions about signs of a serious cause, asked once before a first session of a routine
   * nobody prescribed; detail: {@link #NONE_OF_THEM}, or the id of the sign answered yes.
   */
  SERIOUS_SIGNS;

  /** NEXT_MORNING: pain was worse the morning after the last session. */
  public static final String WORSE = "worse";
  /** NEXT_MORNING: it was not. */
  public static final String NOT_WORSE = "not worse";
  /** RESUME: the interrupted session was continued. */
  public static final String CONTINUED = "continued";
  /** RESUME: a fresh session was started instead. */
  public static final String STARTED_FRESH = "started fresh";
  /** CLEARANCE: a doctor has seen them and said they may exercise. */
  public static final String CLEARED = "cleared";
  /** CLEARANCE: not (yet). */
  public static final String NOT_CLEARED = "not cleared";
  /** SERIOUS_SIGNS: none of the signs was answered yes. */
  public static final String NONE_OF_THEM = "none";
}
