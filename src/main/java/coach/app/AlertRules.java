package coach.app;

import static coach.app.AlertFacts.exercise;
import static coach.app.AlertFacts.level;
import static coach.app.AlertFacts.name;
import static coach.app.AlertFacts.pain;
import static coach.app.AlertFacts.spread;
import static coach.app.AlertFacts.today;
import static coach.app.AlertFacts.why;

import coach.routine.Exercise;
import coach.routine.RedFlag;
import coach.routine.Routine;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Reason;
import coach.session.Rise;
import coach.store.AlertKind;
import coach.store.HistoryStore;
import coach.store.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the clinician should hear about one patient, worked out from their history alone (no I/O,
 * no clock of its own): each alert with the cause it is about, so the same cause is raised once.
 *
 * <ul>
 *   <li>a red flag answered yes (urgent); symptoms that spread during an exercise; a session
 *       stopped for today (above the ceiling at the easiest level, symptoms reaching as far as
 *       the routine stops for, a second exercise stopped, or pain before starting above the
 *       ceiling); an exercise stopped for pain (a rise at its easiest level, or above the ceiling
 *       at any level: the contact card shown); a session ended for pain; pain before starting
 *       above the routine's ceiling; worse the morning after: each from the sessions of the last
 *       {@value #LOOK_BACK_DAYS} days, every red flag on its own and of the other kinds only the
 *       newest;
 *   <li>pain at the end of a session higher in each of the last three sessions (each higher than
 *       the one before: 2, 4, 6);
 *   <li>every rating after exercise in a session above the routine's ceiling, at least
 *       {@value #HIGH_THROUGHOUT_RATINGS} of them (high pain throughout, as a high start's gentle
 *       session may have); another exercise rated after an exercise or the session was stopped
 *       (went on after a stop), from the sessions of the last {@value #LOOK_BACK_DAYS} days;
 *   <li>no session for more than twice the routine's interval (a daily routine: two days);
 *   <li>this week can no longer have the days the routine asks for (five of seven days left,
 *       none done, for a daily one).
 * </ul>
 * The last three only for a patient with a session in the last {@value #LOOK_BACK_DAYS} days, and
 * missed days only when the routine (so its frequency) is known.
 */
public final class AlertRules {
  /** Events older than this raise nothing (a history copied in raises no old news). */
  public static final int LOOK_BACK_DAYS = 14;

  /** Ratings above the ceiling, all of a session's and at least this many: high throughout. */
  public static final int HIGH_THROUGHOUT_RATINGS = 3;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM",
      java.util.Locale.ENGLISH);

  private AlertRules() {}

  /** An alert the history calls for; raised unless its cause was raised before. */
  public record Candidate(AlertKind kind, String cause, String facts) {}

  /** One session with what it recorded. */
  public record Session(HistoryStore.SessionRow row, List<HistoryStore.RatingRow> ratings,
      List<HistoryStore.EventRow> events) {}

  /**
   * @param sessions the patient's sessions, oldest first (ratings and events needed only for
   *     those of the last {@value #LOOK_BACK_DAYS} days and the last three with an exercise rated)
   * @param routines a routine by its id, when it can still be found (for names and frequency)
   */
  public static List<Candidate> of(List<Session> sessions, Function<String, Optional<Routine>>
      routines, Instant now, ZoneId zone) {
    List<Candidate> events = new ArrayList<>();
    Instant from = now.minus(Duration.ofDays(LOOK_BACK_DAYS));
    for (Session s : sessions) {
      if (s.row().started().isBefore(from)) {
        continue;
      }
      Optional<Routine> routine = routines.apply(s.row().routineId());
      events(s, routine, zone, events);
    }
    // each red flag on its own; of the other kinds only the newest cause, so an open alert
    // speaks of the latest and acknowledging it does not bring up older ones one by one
    List<Candidate> out = new ArrayList<>();
    java.util.Set<AlertKind> seen = java.util.EnumSet.noneOf(AlertKind.class);
    for (int i = events.size() - 1; i >= 0; i--) {
      Candidate c = events.get(i);
      if (c.kind() == AlertKind.RED_FLAG || seen.add(c.kind())) {
        out.add(0, c);
      }
    }
    // the trends only for a patient seen lately: an old or copied history is not news, and a
    // patient discharged long ago is not behind every week
    boolean recent = sessions.stream().anyMatch(s -> !s.row().started().isBefore(from));
    if (recent) {
      rising(sessions, out);
      Optional<Routine> routine = routines.apply(sessions.get(sessions.size() - 1).row()
          .routineId());
      // without the routine its frequency is not known: nothing is said about missed days
      routine.ifPresent(r -> AttendanceRules.of(sessions, r, now, zone, out));
    }
    return out;
  }

  private static void events(Session s, Optional<Routine> routine, ZoneId zone,
      List<Candidate> out) {
    String id = s.row().id();
    String day = DAY.format(s.row().started().atZone(zone));
    for (HistoryStore.EventRow e : s.events()) {
      String cause = id + "#" + e.seq();
      if (e.kind() == RecordKind.RED_FLAG) {
        String question = routine.flatMap(r -> r.redFlags().questions().stream()
            .filter(q -> q.id().equals(e.detail())).map(RedFlag::question).findFirst())
            .orElse(e.detail());
        out.add(new Candidate(AlertKind.RED_FLAG, cause, "red flag answered yes on " + day
            + ": " + question));
      } else if (e.kind() == RecordKind.CONTACT) {
        stop(Reason.parse(e.detail()), routine, e.exerciseId(), cause, day, out);
      } else if (e.kind() == RecordKind.STOP_TODAY) {
        String why = Reason.parse(e.detail()).map(r -> today(r, routine, e.exerciseId()))
            .orElse(e.detail());
        out.add(new Candidate(AlertKind.STOPPED_FOR_TODAY, cause, "stopped for today on " + day
            + ": " + why));
      } else if (e.kind() == RecordKind.NEXT_MORNING && RecordKind.WORSE.equals(e.detail())) {
        out.add(new Candidate(AlertKind.WORSE_NEXT_MORNING, cause,
            "worse the morning after the session before " + day));
      }
    }
    if (s.row().outcome() == Outcome.STOPPED_FOR_PAIN) {
      String last = s.ratings().isEmpty() ? "" : "; last rating "
          + s.ratings().get(s.ratings().size() - 1).rating().value();
      out.add(new Candidate(AlertKind.ENDED_FOR_PAIN, id, "the session of " + day
          + " ended for pain" + last));
    }
    Integer ceiling = routine.map(r -> r.painRule().maxAcceptable()).orElse(null);
    s.ratings().stream().filter(r -> r.rating().kind() == Rating.Kind.BASELINE).findFirst()
        .filter(r -> ceiling != null && r.rating().value() > ceiling)
        .ifPresent(r -> out.add(new Candidate(AlertKind.HIGH_START, id, "pain "
            + r.rating().value() + " before starting on " + day + " (the routine's ceiling is "
            + ceiling + ")")));
    List<Integer> during = s.ratings().stream()
        .filter(r -> r.rating().kind() != Rating.Kind.BASELINE)
        .map(r -> r.rating().value()).toList();
    if (ceiling != null && during.size() >= HIGH_THROUGHOUT_RATINGS
        && during.stream().allMatch(v -> v > ceiling)) {
      int low = during.stream().mapToInt(Integer::intValue).min().orElse(0);
      int high = during.stream().mapToInt(Integer::intValue).max().orElse(0);
      out.add(new Candidate(AlertKind.HIGH_PAIN_THROUGHOUT, id, "pain " + (low == high
          ? String.valueOf(low) : low + " to " + high) + " in all " + during.size()
          + " ratings of the session of " + day + " (the routine's ceiling is " + ceiling
          + ")"));
    }
    wentOn(s, routine, day, out);
  }

  /**
   * Another exercise rated after an exercise was stopped (the contact card shown) or the session
   * was stopped for today: the first such in the session.
   */
  private static void wentOn(Session s, Optional<Routine> routine, String day,
      List<Candidate> out) {
    for (HistoryStore.EventRow e : s.events()) {
      if (e.kind() != RecordKind.CONTACT && e.kind() != RecordKind.STOP_TODAY) {
        continue;
      }
      Optional<HistoryStore.RatingRow> next = s.ratings().stream()
          .filter(r -> r.rating().kind() != Rating.Kind.BASELINE && r.at().isAfter(e.at())
              && r.rating().exerciseId() != null
              && !r.rating().exerciseId().equals(e.exerciseId()))
          .findFirst();
      if (next.isEmpty()) {
        continue;
      }
      Rating r = next.get().rating();
      Optional<Exercise> to = exercise(routine, r.exerciseId());
      Optional<Exercise> from = exercise(routine, e.exerciseId());
      Optional<Reason> reason = Reason.parse(e.detail());
      String why = reason.map(x -> why(x, routine)).orElse("");
      String stopped = e.kind() == RecordKind.STOP_TODAY ? "the session was stopped for today"
          : name(from, e.exerciseId()) + " was stopped";
      out.add(new Candidate(AlertKind.CONTINUED_AFTER_STOP, s.row().id(), "went on to "
          + name(to, r.exerciseId()) + " (" + level(to, r.level()) + ") after " + stopped
          + " on " + day + (why.isEmpty() ? "" : ": " + why)));
      return;
    }
  }

  /**
   * An exercise stopped: symptoms that spread raise their own alert; pain (a rise at the easiest
   * level, or a rating above the ceiling at any level) raises the stopped one. A stop for a
   * spread alone raises only the spread, which names the level.
   */
  private static void stop(Optional<Reason> reason, Optional<Routine> routine, String exerciseId,
      String cause, String day, List<Candidate> out) {
    Rise rise;
    int level;
    if (reason.isPresent() && reason.get() instanceof Reason.AtEasiest a) {
      rise = a.rise();
      level = a.level();
    } else if (reason.isPresent() && reason.get() instanceof Reason.Stopped s) {
      rise = s.rise();
      level = s.level();
    } else {
      return;
    }
    Optional<Exercise> ex = exercise(routine, exerciseId);
    String name = name(ex, exerciseId);
    if (rise.spread()) {
      out.add(new Candidate(AlertKind.SYMPTOMS_SPREAD, cause, "symptoms spread "
          + spread(routine, rise) + " in " + name + " (" + level(ex, level) + ") on " + day));
    }
    if (rise.byNumber() || rise.aboveLimit()) {
      out.add(new Candidate(AlertKind.STOPPED_AT_EASIEST, cause, pain(rise) + " in " + name
          + ", stopped at " + level(ex, level) + " on " + day));
    }
  }

  /** The last rating after exercise of each session that has one. */
  private static void rising(List<Session> sessions, List<Candidate> out) {
    List<Integer> ends = new ArrayList<>();
    String last = null;
    for (int i = sessions.size() - 1; i >= 0 && ends.size() < 3; i--) {
      Session s = sessions.get(i);
      Optional<HistoryStore.RatingRow> end = s.ratings().stream()
          .filter(r -> r.rating().kind() != Rating.Kind.BASELINE)
          .reduce((a, b) -> b);
      if (end.isPresent()) {
        ends.add(0, end.get().rating().value());
        if (last == null) {
          last = s.row().id();
        }
      }
    }
    if (ends.size() == 3 && ends.get(0) < ends.get(1) && ends.get(1) < ends.get(2)) {
      out.add(new Candidate(AlertKind.RISING_PAIN, last, "pain at the end of the last three"
          + " sessions: " + ends.get(0) + " -> " + ends.get(1) + " -> " + ends.get(2)));
    }
  }

  /** A day counts when a session that day finished, stopped for pain or had an exercise rated. */
  static boolean exercised(Session s) {
    return s.row().outcome() == Outcome.COMPLETED || s.row().outcome() == Outcome.STOPPED_FOR_PAIN
        || s.ratings().stream().anyMatch(r -> r.rating().kind() != Rating.Kind.BASELINE);
  }

  /**
   * When the attendance rules (sessions missed, behind this week) would next find a new cause in
   * this history if no session came: the first moment after {@code now} at which one holds that
   * does not hold now. Null when none would while the patient counts as seen lately (a session in
   * the last {@value #LOOK_BACK_DAYS} days), before any exercised session, or without the
   * routine (its frequency). Looking at the patient then, and only then, is enough.
   */
  public static Instant attendanceDue(List<Session> sessions,
      Function<String, Optional<Routine>> routines, Instant now, ZoneId zone) {
    return AttendanceRules.due(sessions, routines, now, zone);
  }
}
