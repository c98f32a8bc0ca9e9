package coach.app;

import coach.routine.Exercise;
import coach.routine.Routine;
import coach.session.Outcome;
import coach.session.Rating;
import coach.store.HistoryStore;
import coach.store.StoreException;
import coach.tui.view.Week;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patient's practice of one routine, read from the history: which days had a session, against
 * the routine's frequency, whether one is due today, the streak and the pain before the last
 * sessions. A day counts when a session that day ended finished or stopped for pain, or had an
 * exercise rated (a session quit after some exercise counts; one quit at the welcome does not).
 *
 * @param routineTitle the routine's title, for a one-line answer
 * @param week this week (Monday to Sunday) for the welcome screen
 * @param lastDone the last day with a session, empty when there is none
 * @param today the day it is, in the zone the answer was made for
 */
public record Attendance(String routineTitle, Week week, Optional<LocalDate> lastDone,
    LocalDate today) {

  /** Days a week when a routine says nothing that can be read as a frequency: every day. */
  public static final int DEFAULT_DAYS = 7;

  private static final Pattern PER_WEEK = Pattern.compile(
      "\\b(once|twice|one|two|three|four|five|six|seven|[1-7])\\s*(?:times|x)?\\s*(?:a|per|each|/)"
      + "\\s*week\\b");

  /** Whether a session is due today: none done today, and this week's days not yet met. */
  public boolean due() {
    boolean doneToday = lastDone.map(today::equals).orElse(false);
    return !doneToday && week.daysDone() < week.target();
  }

  /** Whole days since the last session (0 today), or -1 when there is none. */
  public long daysSinceLast() {
    return lastDone.map(d -> ChronoUnit.DAYS.between(d, today)).orElse(-1L);
  }

  /**
   * Days a week the routine asks for, from its exercises' frequencies: "daily", "every day" or
   * so many "a day" is 7; "3 times a week", "twice a week" and the like are that many; "every
   * other day" is 4. The most any exercise asks wins; none readable means every day.
   */
  public static int daysPerWeek(Routine routine) {
    int best = 0;
    for (Exercise e : routine.exercises()) {
      best = Math.max(best, daysPerWeek(e.frequency()));
    }
    return best == 0 ? DEFAULT_DAYS : best;
  }

  /** Days a week one frequency asks for, or 0 when it cannot be read. */
  static int daysPerWeek(String frequency) {
    if (frequency == null) {
      return 0;
    }
    String f = frequency.toLowerCase(Locale.ROOT);
    if (f.contains("other day")) {
      return 4;
    }
    if (f.contains("daily") || f.contains("every day") || f.matches(".*\\ba day\\b.*")
        || f.matches(".*\\bper day\\b.*")) {
      return 7;
    }
    Matcher m = PER_WEEK.matcher(f);
    if (m.find()) {
      return switch (m.group(1)) {
        case "once", "one" -> 1;
        case "twice", "two" -> 2;
        case "three" -> 3;
        case "four" -> 4;
        case "five" -> 5;
        case "six" -> 6;
        case "seven" -> 7;
        default -> Integer.parseInt(m.group(1));
      };
    }
    return 0;
  }

  /** Before any session: nothing done, due today. */
  public static Attendance none(Routine routine, Instant now, ZoneId zone) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    Week week = new Week(daysPerWeek(routine), java.util.Collections.nCopies(7, false),
        today.getDayOfWeek().getValue() - 1, 0, List.of());
    return new Attendance(routine.title(), week, Optional.empty(), today);
  }

  /** Reads the patient's sessions of this routine and answers for the day {@code now} falls on. */
  public static Attendance of(HistoryStore store, String patient, Routine routine, Instant now,
      ZoneId zone) throws StoreException {
    return of(store, store.sessions(patient, routine.id(), null), routine, now, zone);
  }

  /**
   * As {@link #of(HistoryStore, String, Routine, Instant, ZoneId)}, from the patient's sessions
   * of every routine already read (oldest first); those of other routines are left out.
   */
  public static Attendance of(HistoryStore store, List<HistoryStore.SessionRow> read,
      Routine routine, Instant now, ZoneId zone) throws StoreException {
    return of(store::ratings, read, routine, now, zone);
  }

  /** A session's ratings, read when needed. */
  @FunctionalInterface
  public interface Ratings {
    List<HistoryStore.RatingRow> of(String sessionId) throws StoreException;
  }

  /**
   * As {@link #of(HistoryStore, List, Routine, Instant, ZoneId)}, with each session's ratings
   * from {@code ratings} (those already read, say).
   */
  public static Attendance of(Ratings ratingsOf, List<HistoryStore.SessionRow> read,
      Routine routine, Instant now, ZoneId zone) throws StoreException {
    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate monday = today.with(DayOfWeek.MONDAY);
    TreeSet<LocalDate> days = new TreeSet<>();
    List<Integer> pain = new ArrayList<>();
    List<HistoryStore.SessionRow> sessions = read.stream()
        .filter(s -> s.routineId().equals(routine.id())).toList();
    // newest first, reading a session's ratings only when its outcome does not say whether it
    // was exercised or the pain line still needs its starting rating
    for (int i = sessions.size() - 1; i >= 0; i--) {
      HistoryStore.SessionRow s = sessions.get(i);
      boolean finished = s.outcome() == Outcome.COMPLETED
          || s.outcome() == Outcome.STOPPED_FOR_PAIN;
      List<HistoryStore.RatingRow> ratings = finished && pain.size() >= Week.PAIN_SESSIONS
          ? List.of() : ratingsOf.of(s.id());
      boolean exercised = finished
          || ratings.stream().anyMatch(r -> r.rating().kind() != Rating.Kind.BASELINE);
      LocalDate day = LocalDate.ofInstant(s.started(), zone);
      if (exercised && !day.isAfter(today)) {
        days.add(day);
      }
      if (pain.size() < Week.PAIN_SESSIONS) {
        ratings.stream().filter(r -> r.rating().kind() == Rating.Kind.BASELINE).findFirst()
            .ifPresent(r -> pain.add(0, r.rating().value()));
      }
    }
    int target = daysPerWeek(routine);
    List<Boolean> done = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      done.add(days.contains(monday.plusDays(i)));
    }
    int streak = target >= 7 ? dayStreak(days, today) : weekStreak(days, monday, target);
    Week week = new Week(target, done, today.getDayOfWeek().getValue() - 1, streak, pain);
    return new Attendance(routine.title(), week,
        days.isEmpty() ? Optional.empty() : Optional.of(days.last()), today);
  }

  /** Days in a row with a session, ending today, or yesterday when today has none yet. */
  private static int dayStreak(TreeSet<LocalDate> days, LocalDate today) {
    LocalDate d = days.contains(today) ? today : today.minusDays(1);
    int n = 0;
    while (days.contains(d)) {
      n++;
      d = d.minusDays(1);
    }
    return n;
  }

  /** Weeks in a row that met the target, ending this week when it has, else last week. */
  private static int weekStreak(TreeSet<LocalDate> days, LocalDate monday, int target) {
    LocalDate week = met(days, monday, target) ? monday : monday.minusWeeks(1);
    int n = 0;
    while (met(days, week, target)) {
      n++;
      week = week.minusWeeks(1);
    }
    return n;
  }

  private static boolean met(TreeSet<LocalDate> days, LocalDate monday, int target) {
    return days.subSet(monday, monday.plusWeeks(1)).size() >= target;
  }
}
