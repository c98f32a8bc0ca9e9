package coach.store;

import coach.session.Effect;
import java.time.Instant;

/**
 * Turns one session's effects into entries, numbering its ratings and events. A number is taken
 * only once its entry is saved ({@link #saved}), so an entry that failed and is tried again keeps
 * its number. A session's record closes with its first end: what comes after records nothing (a
 * second end does not replace the first, and a spooled session's file may be gone by then).
 */
final class SessionEntries {
  private final String id;
  private int ratings;
  private int events;
  private boolean ended;

  SessionEntries(String id) {
    this.id = id;
  }

  /** The entry the effect records, or null when it records nothing. */
  Entry of(Effect effect, Instant now) {
    if (ended) {
      return null;
    } else if (effect instanceof Effect.RecordRating r) {
      return new Entry.RatingEntry(id, now, ratings + 1, r.rating());
    } else if (effect instanceof Effect.RecordSwitch s) {
      return event(now, RecordKind.SWITCH, s.exerciseId(), s.fromLevel(), s.toLevel(),
          s.reason().code());
    } else if (effect instanceof Effect.RecordContactShown c) {
      return event(now, RecordKind.CONTACT, c.exerciseId(), -1, -1, c.reason().code());
    } else if (effect instanceof Effect.RecordStopForToday t) {
      return event(now, RecordKind.STOP_TODAY, t.exerciseId(), -1, -1, t.reason().code());
    } else if (effect instanceof Effect.RecordClearance c) {
      return event(now, RecordKind.CLEARANCE, null, -1, -1,
          c.cleared() ? RecordKind.CLEARED : RecordKind.NOT_CLEARED);
    } else if (effect instanceof Effect.RecordSeriousSigns g) {
      return event(now, RecordKind.SERIOUS_SIGNS, null, -1, -1,
          g.yesTo() == null ? RecordKind.NONE_OF_THEM : g.yesTo());
    } else if (effect instanceof Effect.RecordRedFlag f) {
      return event(now, RecordKind.RED_FLAG, null, -1, -1, f.questionId());
    } else if (effect instanceof Effect.RecordNextMorning m) {
      return event(now, RecordKind.NEXT_MORNING, null, -1, -1,
          m.worse() ? RecordKind.WORSE : RecordKind.NOT_WORSE);
    } else if (effect instanceof Effect.ResumeAnswered a) {
      return event(now, RecordKind.RESUME, null, -1, -1,
          a.resumed() ? RecordKind.CONTINUED : RecordKind.STARTED_FRESH);
    } else if (effect instanceof Effect.RecordProgress p) {
      return new Entry.Progress(id, now, p.exerciseIndex(), p.set(), p.round());
    } else if (effect instanceof Effect.SessionEnded e) {
      return new Entry.End(id, now, e.outcome());
    }
    return null;
  }

  private Entry event(Instant now, RecordKind kind, String exercise, int from, int to,
      String detail) {
    return new Entry.EventEntry(id, now, events + 1, kind, exercise, from, to, detail);
  }

  /** The entry is saved: its number is taken. */
  void saved(Entry e) {
    if (e instanceof Entry.End) {
      ended = true;
    } else if (e instanceof Entry.RatingEntry r) {
      ratings = Math.max(ratings, r.seq());
    } else if (e instanceof Entry.EventEntry ev) {
      events = Math.max(events, ev.seq());
    }
  }
}
