package coach.app;

import coach.routine.Exercise;
import coach.routine.RedFlag;
import coach.routine.Routine;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Reason;
import coach.store.AlertKind;
import coach.store.HistoryStore;
import coach.store.RecordKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the clinician should hear about one patient, worked out from their history alone (no I/O,
 * no clock of its own): each alert with the cause it is about, so the same cause is raised once.
 *
 * <ul>
 *   <li>a red flag answered yes (urgent); an exercise stopped at its easiest level (the contact
 *       card shown); a session ended for pain; pain before starting above the routine's ceiling;
 *       worse the morning after: each from the sessions of the last {@value #LOOK_BACK_DAYS}
 *       days, every red flag on its own and of the other kinds only the newest;
 *   <li>pain at the end of a session higher in each of the last three sessions (each higher than
 *       the one before: 2, 4, 6);
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
      routine.ifPresent(r -> attendance(sessions, r, now, zone, out));
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
        Optional<Reason> reason = Reason.parse(e.detail());
        if (reason.isPresent() && reason.get() instanceof Reason.AtEasiest a) {
          Optional<Exercise> ex = exercise(routine, e.exerciseId());
          String pain = a.rise().to() > a.rise().from()
              ? "pain " + a.rise().from() + " -> " + a.rise().to()
              : "pain " + a.rise().to() + (a.rise().limit() >= 0 ? " (above the limit of "
                  + a.rise().limit() + ")" : "");
          out.add(new Candidate(AlertKind.STOPPED_AT_EASIEST, cause, pain + " in "
              + ex.map(Exercise::name).orElse(e.exerciseId()) + ", stopped at "
              + level(ex, a.level()) + " on " + day));
        }
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
  }

  private static Optional<Exercise> exercise(Optional<Routine> routine, String id) {
    return routine.flatMap(r -> r.exercises().stream().filter(x -> x.id().equals(id))
        .findFirst());
  }

  private static String level(Optional<Exercise> ex, int level) {
    return ex.filter(x -> level >= 0 && level < x.levels().size())
        .map(x -> x.levels().get(level).name()).orElse("level " + level);
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

  private static void attendance(List<Session> sessions, Routine routine, Instant now,
      ZoneId zone, List<Candidate> out) {
    int perWeek = Attendance.daysPerWeek(routine);
    String frequency = perWeek >= 7 ? "daily" : perWeek + " days a week";
    LocalDate today = LocalDate.ofInstant(now, zone);
    TreeSet<LocalDate> days = new TreeSet<>();
    String lastId = null;
    Instant lastAt = null;
    for (Session s : sessions) {
      if (exercised(s)) {
        days.add(LocalDate.ofInstant(s.row().started(), zone));
        if (lastAt == null || s.row().started().isAfter(lastAt)) {
          lastId = s.row().id();
          lastAt = s.row().started();
        }
      }
    }
    if (lastAt == null) {
      return; // never exercised yet: nothing to miss
    }
    double interval = 7.0 / perWeek;
    long hours = Duration.between(lastAt, now).toHours();
    if (hours > Math.round(2 * interval * 24)) {
      out.add(new Candidate(AlertKind.MISSED_SESSIONS, lastId, "no session for "
          + ChronoUnit.DAYS.between(LocalDate.ofInstant(lastAt, zone), today)
          + " days (the routine asks for " + frequency + ")"));
    }
    LocalDate monday = today.with(DayOfWeek.MONDAY);
    long done = days.subSet(monday, true, today, true).size();
    long left = ChronoUnit.DAYS.between(today, monday.plusDays(7)) - (days.contains(today)
        ? 1 : 0);
    // a patient who began this week is not behind for the days before they began
    if (days.first().isBefore(monday) && done + left < perWeek) {
      String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W"
          + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      out.add(new Candidate(AlertKind.BEHIND_THIS_WEEK, week, done + " of " + perWeek
          + " days this week so far, at most " + (done + left) + " possible"));
    }
  }
}
