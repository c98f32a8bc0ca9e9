package coach.app;

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

  /** A stop's reason in a few words: the pain, or where the symptoms spread. */
  private static String why(Reason reason, Optional<Routine> routine) {
    Rise rise = reason instanceof Reason.AtEasiest a ? a.rise()
        : reason instanceof Reason.Stopped x ? x.rise()
        : reason instanceof Reason.StopToday t ? t.rise() : null;
    if (reason instanceof Reason.HighStartStop h) {
      return "pain " + h.start() + " before starting, above the limit of " + h.limit();
    }
    if (rise == null) {
      return "";
    }
    return rise.spread() && !rise.byNumber() && !rise.aboveLimit() ? "symptoms spread "
        + spread(routine, rise) : pain(rise);
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

  /** Why a session stopped for today, from its stored reason. */
  private static String today(Reason reason, Optional<Routine> routine, String exerciseId) {
    if (reason instanceof Reason.HighStartStop h) {
      return "pain " + h.start() + " before starting, above the limit of " + h.limit();
    }
    if (!(reason instanceof Reason.StopToday t)) {
      return reason.code();
    }
    Rise r = t.rise();
    Optional<Exercise> ex = exercise(routine, exerciseId);
    String name = name(ex, exerciseId);
    String where = " in " + name + " (" + level(ex, t.level()) + ")";
    if (t.second()) {
      return "a second exercise stopped, " + (r.spread() && !r.byNumber() && !r.aboveLimit()
          ? "symptoms spread " + spread(routine, r) : pain(r)) + where;
    } else if (r.spread()) {
      return "symptoms reaching " + region(routine, r.spreadTo()) + where;
    } else if (ex.isPresent() && t.level() == ex.get().levels().size() - 1) {
      return pain(r) + " in " + name + ", already at the easiest level ("
          + level(ex, t.level()) + ")";
    }
    return pain(r) + where;
  }

  /** "pain 2 -> 8 (above the limit of 5)", "pain 7 (above the limit of 5)", "pain 2 -> 5". */
  private static String pain(Rise r) {
    return "pain " + (r.to() > r.from() ? r.from() + " -> " + r.to() : r.to())
        + (r.aboveLimit() ? " (above the limit of " + r.limit() + ")" : "");
  }

  /** "from the buttock to the foot", or "to the thigh (no symptoms before)". */
  private static String spread(Optional<Routine> routine, Rise r) {
    return r.spreadFrom() <= 0 ? "to " + region(routine, r.spreadTo()) + " (no symptoms before)"
        : "from " + region(routine, r.spreadFrom()) + " to " + region(routine, r.spreadTo());
  }

  /**
   * A region by its rank in the routine's regions, with "the" unless the name stands alone
   * ("the thigh", "below the knee"); "region 3" when the routine is not at hand.
   */
  private static String region(Optional<Routine> routine, int rank) {
    List<String> regions = routine.map(r -> r.painRule().regions()).orElse(List.of());
    if (rank < 1 || rank > regions.size()) {
      return "region " + rank;
    }
    String name = regions.get(rank - 1);
    return name.matches("(?i)(below|above|under|over|the) .*") ? name : "the " + name;
  }

  /** The exercise's name; its id when the routine is not at hand. */
  private static String name(Optional<Exercise> ex, String id) {
    return ex.map(Exercise::name).orElse(id == null ? "an exercise" : id);
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

  /**
   * When the attendance rules (sessions missed, behind this week) would next find a new cause in
   * this history if no session came: the first moment after {@code now} at which one holds that
   * does not hold now. Null when none would while the patient counts as seen lately (a session in
   * the last {@value #LOOK_BACK_DAYS} days), before any exercised session, or without the
   * routine (its frequency). Looking at the patient then, and only then, is enough.
   */
  public static Instant attendanceDue(List<Session> sessions,
      Function<String, Optional<Routine>> routines, Instant now, ZoneId zone) {
    if (sessions.isEmpty()) {
      return null;
    }
    Instant latest = sessions.stream().map(s -> s.row().started()).max(Instant::compareTo)
        .orElseThrow();
    Instant horizon = latest.plus(Duration.ofDays(LOOK_BACK_DAYS));
    Optional<Routine> routine = routines.apply(sessions.get(sessions.size() - 1).row()
        .routineId());
    if (routine.isEmpty()) {
      return null;
    }
    int perWeek = Attendance.daysPerWeek(routine.get());
    TreeSet<LocalDate> days = new TreeSet<>();
    Instant lastAt = null;
    for (Session s : sessions) {
      if (exercised(s)) {
        days.add(LocalDate.ofInstant(s.row().started(), zone));
        lastAt = lastAt == null || s.row().started().isAfter(lastAt) ? s.row().started() : lastAt;
      }
    }
    if (lastAt == null) {
      return null;
    }
    Instant due = null;
    Instant missedAt = lastAt.plus(Duration.ofHours(missedAfterHours(perWeek) + 1));
    if (missedAt.isAfter(now)) {
      due = missedAt;
    }
    LocalDate today = LocalDate.ofInstant(now, zone);
    boolean behindNow = behind(days, today, perWeek);
    for (LocalDate d = today.plusDays(1); !d.isAfter(today.plusDays(LOOK_BACK_DAYS)); d =
        d.plusDays(1)) {
      boolean thisWeek = d.with(DayOfWeek.MONDAY).equals(today.with(DayOfWeek.MONDAY));
      if (!(behindNow && thisWeek) && behind(days, d, perWeek)) {
        Instant at = d.atStartOfDay(zone).toInstant();
        due = due == null || at.isBefore(due) ? at : due;
        break;
      }
    }
    return due == null || due.isAfter(horizon) ? null : due;
  }

  /** Whole hours without a session after which sessions are missed: twice the interval. */
  private static long missedAfterHours(int perWeek) {
    return Math.round(2 * (7.0 / perWeek) * 24);
  }

  /**
   * Whether on {@code day} this week can no longer have the days asked for (with the days
   * exercised so far), for a patient who began before this week.
   */
  private static boolean behind(TreeSet<LocalDate> days, LocalDate day, int perWeek) {
    LocalDate monday = day.with(DayOfWeek.MONDAY);
    if (days.isEmpty() || !days.first().isBefore(monday)) {
      return false;
    }
    long done = days.subSet(monday, true, day, true).size();
    long left = ChronoUnit.DAYS.between(day, monday.plusDays(7)) - (days.contains(day) ? 1 : 0);
    return done + left < perWeek;
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
    long hours = Duration.between(lastAt, now).toHours();
    if (hours > missedAfterHours(perWeek)) {
      out.add(new Candidate(AlertKind.MISSED_SESSIONS, lastId, "no session for "
          + ChronoUnit.DAYS.between(LocalDate.ofInstant(lastAt, zone), today)
          + " days (the routine asks for " + frequency + ")"));
    }
    LocalDate monday = today.with(DayOfWeek.MONDAY);
    long done = days.subSet(monday, true, today, true).size();
    long left = ChronoUnit.DAYS.between(today, monday.plusDays(7)) - (days.contains(today)
        ? 1 : 0);
    // a patient who began this week is not behind for the days before they began
    if (behind(days, today, perWeek)) {
      String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W"
          + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      out.add(new Candidate(AlertKind.BEHIND_THIS_WEEK, week, done + " of " + perWeek
          + " days this week so far, at most " + (done + left) + " possible"));
    }
  }
}
