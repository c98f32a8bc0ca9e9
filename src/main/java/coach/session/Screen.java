package coach.session;

/** The moment the session is at; each has one view. */
public enum Screen {
  /** Routine title and the disclaimer. */
  WELCOME,
  /**
   * Earlier today a session stopped for today, or a red flag was answered yes: what happened and
   * when, the advice again, and no exercise.
   */
  LOCKED,
  /**
   * A red flag was answered yes on an earlier day: has a doctor seen you and said you may
   * exercise? Asked before anything else.
   */
  CLEARANCE,
  /** Before a first session of a routine nobody prescribed: a sign of a serious cause (yes/no). */
  SERIOUS_SIGNS,
  /** A sign of a serious cause was answered yes: see a doctor before starting; no exercise. */
  SEE_DOCTOR,
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
  /**
   * The pain check, one screen: a number 0-10 (baseline, after a set, or after an exercise) and,
   * when the routine asks, where the symptoms reach.
   */
  PAIN,
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
  /**
   * The exercise stops (pain rose at its easiest level, went above the ceiling, or the symptoms
   * spread): how to reach a person; the next exercise, or end the session.
   */
  CONTACT,
  /**
   * The session stops for today: why, what to do (keep gently active), the safety net and how
   * to reach a person; then the summary. No exercise choice.
   */
  STOP_TODAY,
  /** The end: what was done, ratings and switches, and what to do next. */
  SUMMARY
}
