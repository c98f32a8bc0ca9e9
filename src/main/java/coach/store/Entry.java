package coach.store;

import coach.session.Outcome;
import coach.session.Rating;
import java.time.Instant;
import java.util.Map;

/**
 * One write to the history, with a stable identity (the session's id and a number within it), so
 * writing it twice changes nothing: what a recorder saves, what the local spool keeps while the
 * clinic's database is away, and what is sent when it is back.
 */
sealed interface Entry {
  /** The session the entry belongs to. */
  String sessionId();

  Instant at();

  /** A session starts, at these levels. */
  record Begin(String sessionId, Instant at, String patient, String routineId,
      String routineHash, String host, long pid, Map<String, Integer> levels) implements Entry {}

  /** A rating, the session's {@code seq}th. */
  record RatingEntry(String sessionId, Instant at, int seq, Rating rating) implements Entry {}

  /** An event, the session's {@code seq}th; a SWITCH also moves the exercise to toLevel. */
  record EventEntry(String sessionId, Instant at, int seq, RecordKind kind, String exerciseId,
      int fromLevel, int toLevel, String detail) implements Entry {}

  /** Where to pick up if the session is cut off. */
  record Progress(String sessionId, Instant at, int exercise, int set, int round)
      implements Entry {}

  /** The session ended (only its first end counts). */
  record End(String sessionId, Instant at, Outcome outcome) implements Entry {}

  /** An interrupted session was dealt with (resumed by a new one, or left). */
  record Settle(String sessionId, Instant at) implements Entry {}

  /** What the entry saves, for a message that says what could not be saved. */
  static String what(Entry e) {
    if (e instanceof Begin) {
      return "the session start";
    } else if (e instanceof RatingEntry) {
      return "a pain rating";
    } else if (e instanceof EventEntry ev) {
      return switch (ev.kind()) {
        case SWITCH -> "a change of level";
        case CONTACT -> "a contact note";
        case RED_FLAG -> "a red flag";
        case NEXT_MORNING -> "the next-morning answer";
        case RESUME -> "the resume answer";
        case STOP_TODAY -> "the stop for today";
        case CLEARANCE -> "the answer about a doctor's clearance";
        case SERIOUS_SIGNS -> "the answers about signs of a serious cause";
      };
    } else if (e instanceof Progress) {
      return "the session's progress";
    } else if (e instanceof End) {
      return "the end of the session";
    }
    return "the earlier session's state";
  }
}
