package coach.store;

import coach.session.Outcome;
import coach.session.Rating;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where sessions and every rating are kept. Implementations are safe to share between sessions
 * running at once, and every write is durable when its method returns. The clinician's alerts
 * about it are its {@link #outbox()}.
 */
public interface HistoryStore extends AutoCloseable {

  /** Starts recording a session and returns its recorder. */
  SessionRecorder begin(String patient, String routineId, String routineHash,
      Map<String, Integer> startLevels) throws StoreException;

  /** Past sessions of a patient (all routines when routineId is null), oldest first. */
  List<SessionRow> sessions(String patient, String routineId, Instant since) throws StoreException;

  /** Every patient with a session, sorted. */
  List<String> patients() throws StoreException;

  /**
   * Up to {@code limit} sessions of every patient whose ids come after {@code afterId} (null:
   * from the first), in the order of their ids: a history read a page at a time.
   */
  List<SessionRow> sessionsAfter(String afterId, int limit) throws StoreException;

  /** The events of each of these sessions, in order (a session without any is absent). */
  Map<String, List<EventRow>> events(java.util.Collection<String> sessionIds)
      throws StoreException;

  /** How many ratings and events each of these sessions has (absent: no such session). */
  Map<String, Counts> sizes(java.util.Collection<String> sessionIds) throws StoreException;

  /** The patient's newest {@code n} sessions (all routines), oldest first, without levels. */
  default List<SessionRow> lastSessions(String patient, int n) throws StoreException {
    return lastSessions(List.of(patient), n, null).getOrDefault(patient, List.of());
  }

  /**
   * Each of these patients' newest {@code n} sessions, and besides them every session of theirs
   * that began at {@code since} or later (none when null): oldest first, in one read, without
   * the levels each ended at (read them with {@link #sessions}). A patient without any is absent.
   */
  Map<String, List<SessionRow>> lastSessions(java.util.Collection<String> patients, int n,
      Instant since) throws StoreException;

  List<RatingRow> ratings(String sessionId) throws StoreException;

  /** The ratings of each of these sessions, in order (a session without any is absent). */
  Map<String, List<RatingRow>> ratings(java.util.Collection<String> sessionIds)
      throws StoreException;

  /**
   * The patients whose history changed (a session, a rating, an event, an alert raised or
   * acknowledged) at or after the mark {@code since} (0: every patient), and the mark to ask from
   * next time. The marks grow with every change, so a reader reads only what changed.
   */
  default Changes changes(long since) throws StoreException {
    return changes(since, true);
  }

  /**
   * As {@link #changes(long)}; without {@code alerts}, only the patients whose sessions changed
   * (what the alert scan looks at: not the alerts it raised itself).
   */
  Changes changes(long since, boolean alerts) throws StoreException;

  /**
   * A patient as the clinic's reads list them.
   *
   * @param changed the mark of their last change (of their sessions only, when asked so)
   */
  record PatientMark(String patient, Instant lastStarted, long changed) {}

  /** The patients changed since a mark, and the mark to ask from next time. */
  record Changes(List<PatientMark> patients, long next) {}

  /** The patients whose attendance (sessions missed, behind this week) is due a look by now. */
  List<String> attendanceDue(Instant now) throws StoreException;

  /**
   * When the attendance rules are next due to look at each patient, if nothing else changes
   * (null: not before a change), all in one transaction. Not a change itself.
   */
  void attendanceAt(Map<String, Instant> due) throws StoreException;

  /** The clinician's last look at each patient they looked at, as a mark (see {@link #changes}). */
  Map<String, Long> looks(String clinician) throws StoreException;

  /**
   * The clinician looked at the patient (their report, an alert acknowledged): what changed
   * before is no longer new to them. Returns the look's mark.
   */
  long look(String clinician, String patient, Instant at) throws StoreException;

  /** Where a reader of changes got to (the alert scan), or empty before its first time. */
  Optional<Place> place(String name) throws StoreException;

  /** Records where a reader got to; a place never moves back. */
  default void place(String name, long mark, Instant at) throws StoreException {
    place(name, new Place(mark, at, null));
  }

  /**
   * Records where a reader got to: its mark never moves back; its key (where a copy got to in
   * another history, say) is what was given.
   */
  void place(String name, Place place) throws StoreException;

  /**
   * Where a reader got to, and when.
   *
   * @param key what else it keeps of its place (the last session id a copy took), or null
   */
  record Place(long mark, Instant at, String key) {}

  List<EventRow> events(String sessionId) throws StoreException;

  /**
   * The patient's session that is running now, here or in another process: not ended, marked
   * live within the last half minute, and (on this computer) its process still there. Empty
   * when none is, so a new session may start (and a cut-off one may be resumed).
   */
  java.util.Optional<Live> live(String patient) throws StoreException;

  /** A session being run now, and where. */
  record Live(String sessionId, String host, long pid, Instant started, Instant heartbeat) {}

  /** The alerts kept with this history, and their delivery (the outbox). */
  AlertOutbox outbox();

  /** Something the person should know about the history that was opened (one line), or null. */
  default String notice() {
    return null;
  }

  /** Marks an interrupted session as dealt with: resumed by a new one, or left. */
  void settleInterrupted(String sessionId) throws StoreException;

  /**
   * Whether what is being recorded now is kept on this computer for the moment, to be sent to
   * the history when it can be reached again (a database away). Nothing is lost either way.
   */
  default boolean keptLocally() {
    return false;
  }

  /** Whether the history is elsewhere (a database over the network), so it can be away. */
  default boolean remote() {
    return false;
  }

  /**
   * Copies a session recorded in another history, with its ids and numbers, so copying it again
   * adds nothing (moving a history from one back end to another).
   */
  default void copy(SessionRow session, List<RatingRow> ratings, List<EventRow> events)
      throws StoreException {
    copy(List.of(new Copied(session, ratings, events)));
  }

  /** Copies sessions as {@link #copy(SessionRow, List, List)} does, all in one transaction. */
  default void copy(List<Copied> sessions) throws StoreException {
    copy(sessions, null, null);
  }

  /**
   * As {@link #copy(List)}, recording in the same transaction where the copy got to (under
   * {@code name}, when not null), so a copy cut off goes on exactly after what it finished.
   *
   * @return true when none of these sessions was here before and every one of their ratings and
   *     events was written as new: the history holds exactly what was copied of them; false when
   *     only counting them ({@link #sizes}) tells
   */
  boolean copy(List<Copied> sessions, String name, Place place) throws StoreException;

  /** A session as another history holds it. */
  record Copied(SessionRow session, List<RatingRow> ratings, List<EventRow> events) {}

  /** How many sessions, ratings and events the history holds. */
  Counts counts() throws StoreException;

  /** Sizes of a history. */
  record Counts(long sessions, long ratings, long events) {}

  @Override
  void close() throws StoreException;

  /** One session as stored. */
  record SessionRow(String id, String patient, String routineId, String routineHash,
      Instant started, Instant ended, Outcome outcome, int resumeExercise, int resumeSet,
      int resumeRound, boolean settled, Map<String, Integer> levels) {}

  /** One rating as stored. */
  record RatingRow(String sessionId, int seq, Instant at, Rating rating) {}

  /**
   * A switch, a contact shown, a red flag, the next-morning answer, a resume answer.
   *
   * @param seq its number within the session (1, 2, ...)
   * @param detail a code (see {@link RecordKind}), or the sentence an older version stored
   */
  record EventRow(String sessionId, int seq, Instant at, RecordKind kind, String exerciseId, int fromLevel,
      int toLevel, String detail) {}
}
