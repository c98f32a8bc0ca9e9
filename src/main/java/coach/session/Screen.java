package coach.session;

/** The moment the session is at; each has one view. */
public enum Screen {
  /** Routine title and the disclaimer. */
  WELCOME,
  /** An earlier session was interrupted: continue where it stopped, or start fresh? */
  RESUME,
  /** A red-flag question (yes/no). */
  SCREENING,
  /** A red flag was answered yes: urgent-care advice, no exercise. */
  URGENT,
  /** Was pain worse the morning after the last session? */
  NEXT_MORNING,
  /** The harder level is offered again after sessions without an increase. */
  OFFER_HARDER,
  /** The pain rating: a number 0-10 (baseline, after a set, or after an exercise). */
  PAIN,
  /** Where the symptoms reach (second step of the pain check). */
  PAIN_REGION,
  /**
   * The starting rating is above the ceiling: start every exercise one level easier, or end and
   * contact the clinician.
   */
  HIGH_PAIN,
  /** An exercise's introduction: name, level, feel, dosage. */
  INTRO,
  /** A short countdown before the reps of a set (or round) begin. */
  GET_READY,
  /** The reps: a countdown per phase with the cue. */
  REP,
  /** Rest between sets. */
  REST,
  /** Pain rose: the exercise moves to an easier level. */
  SWITCH,
  /** Pain rose at the easiest level: the exercise stops; the clinician's contact options. */
  CONTACT,
  /** The end: what was done, ratings and switches, and what to do next. */
  SUMMARY
}
