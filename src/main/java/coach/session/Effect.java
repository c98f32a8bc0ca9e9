package coach.session;

/**
 * What the outside world must do after an update: ring the bell, persist a record, end. The
 * runner carries effects out in order; persisting effects must be durable before the next frame.
 */
public sealed interface Effect {
  /** Ring the terminal bell (a phase changed); the runner drops it under --quiet. */
  record Bell() implements Effect {}

  /** A confirmed pain rating. */
  record RecordRating(Rating rating) implements Effect {}

  /** The exercise moved to another level (easier after pain rose, or harder when offered). */
  record RecordSwitch(String exerciseId, int fromLevel, int toLevel, Reason reason)
      implements Effect {}

  /** The clinician's contact options were shown; exerciseId null when not about one exercise. */
  record RecordContactShown(String exerciseId, Reason reason) implements Effect {}

  /** The session stops for today (a stop screen, then the summary; no more exercise today). */
  record RecordStopForToday(String exerciseId, Reason reason) implements Effect {}

  /** After an earlier red flag: whether a doctor has seen them and said they may exercise. */
  record RecordClearance(boolean cleared) implements Effect {}

  /**
   * The questions about a serious cause before a first session: {@code yesTo} the id of the sign
   * answered yes, or null when none was.
   */
  record RecordSeriousSigns(String yesTo) implements Effect {}

  /** A red-flag question was answered yes. */
  record RecordRedFlag(String questionId) implements Effect {}

  /** The answer to "was your pain worse the morning after last session?". */
  record RecordNextMorning(boolean worse) implements Effect {}

  /**
   * The session reached a point a later start can resume from: the start of this set of this
   * exercise, at these levels.
   */
  record RecordProgress(int exerciseIndex, int set, int round) implements Effect {}

  /** The answer to "continue the interrupted session?": true continues, false starts fresh. */
  record ResumeAnswered(boolean resumed) implements Effect {}

  /** The session ended with this outcome (record it, then keep showing the last screen). */
  record SessionEnded(Outcome outcome) implements Effect {}

  /** Leave the program (or, in kiosk mode, go back to the start screen). */
  record Exit() implements Effect {}
}
