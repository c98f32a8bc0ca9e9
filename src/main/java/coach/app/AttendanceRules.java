package coach.app;

import coach.routine.Routine;
import coach.store.AlertKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The alert rules about attendance, from the days a patient exercised: sessions missed (none for
 * more than twice the routine's interval) and behind this week (the week can no longer have the
 * days the routine asks for); and when either would next find a new cause.
 */
final class AttendanceRules {
  private AttendanceRules() {}

  /**
   * When the attendance rules (sessions missed, behind this week) would next find a new cause in
   * this history if no session came: the first moment after {@code now} at which one holds that
   * does not hold now. Null when none would while the patient counts as seen lately (a session in
   * the last {@value AlertRules#LOOK_BACK_DAYS} days), before any exercised session, or without the
   * routine (its frequency). Looking at the patient then, and only then, is enough.
   */
  static Instant due(List<AlertRules.Session> sessions,
      Function<String, Optional<Routine>> routines, Instant now, ZoneId zone) {
    if (sessions.isEmpty()) {
      return null;
    }
    Instant latest = sessions.stream().map(s -> s.row().started()).max(Instant::compareTo)
        .orElseThrow();
    Instant horizon = latest.plus(Duration.ofDays(AlertRules.LOOK_BACK_DAYS));
    Optional<Routine> routine = routines.apply(sessions.get(sessions.size() - 1).row()
        .routineId());
    if (routine.isEmpty()) {
      return null;
    }
    int perWeek = Attendance.daysPerWeek(routine.get());
    TreeSet<LocalDate> days = new TreeSet<>();
    Instant lastAt = null;
    for (AlertRules.Session s : sessions) {
      if (AlertRules.exercised(s)) {
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
    for (LocalDate d = today.plusDays(1); !d.isAfter(today.plusDays(AlertRules.LOOK_BACK_DAYS)); d =
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

  static void of(List<AlertRules.Session> sessions, Routine routine, Instant now,
      ZoneId zone, List<AlertRules.Candidate> out) {
    int perWeek = Attendance.daysPerWeek(routine);
    String frequency = perWeek >= 7 ? "daily" : perWeek + " days a week";
    LocalDate today = LocalDate.ofInstant(now, zone);
    TreeSet<LocalDate> days = new TreeSet<>();
    String lastId = null;
    Instant lastAt = null;
    for (AlertRules.Session s : sessions) {
      if (AlertRules.exercised(s)) {
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
      out.add(new AlertRules.Candidate(AlertKind.MISSED_SESSIONS, lastId, "no session for "
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
      out.add(new AlertRules.Candidate(AlertKind.BEHIND_THIS_WEEK, week, done + " of " + perWeek
          + " days this week so far, at most " + (done + left) + " possible"));
    }
  }
}
