package coach.session;

import coach.routine.Exercise;
import coach.routine.PainRule;
import coach.routine.Routine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a new session starts, from the patient's past sessions on the same routine (GUIDE section
 * 3): each exercise at the level it ended at (else its prescribed level); the next-morning
 * question when the last session that exercised ended between 8 hours and 7 days ago; the harder
 * level offered after N completed sessions on different days, each with that exercise rated and
 * no increase in it; and an interrupted session offered for resumption. Pure: past sessions in,
 * start options out (the store reads them: see store/CarryOver).
 */
public final class Progression {
  private Progression() {}

  /**
   * One past session as the rules need it.
   *
   * @param ended null when it never ended (cut off)
   * @param outcome null when it never ended
   * @param settled an interrupted session that was resumed or left since
   * @param levels the level each exercise ended at, by exercise id
   * @param resumeAt the start of the set it reached
   * @param rated ids of the exercises rated in it
   * @param increased ids of the exercises whose pain rose in it (a switch to an easier level or
   *     a stop), or that it did at another level for today only (not a quiet day either)
   * @param marks what it recorded that a later start must know of, in order
   */
  public record Past(String id, Instant started, Instant ended, Outcome outcome, boolean settled,
      Map<String, Integer> levels, StartOptions.ResumePoint resumeAt, Set<String> rated,
      Set<String> increased, List<Mark> marks) {
    public Past {
      levels = Map.copyOf(levels);
      rated = Set.copyOf(rated);
      increased = Set.copyOf(increased);
      marks = List.copyOf(marks);
    }

    public Past(String id, Instant started, Instant ended, Outcome outcome, boolean settled,
        Map<String, Integer> levels, StartOptions.ResumePoint resumeAt, Set<String> rated,
        Set<String> increased) {
      this(id, started, ended, outcome, settled, levels, resumeAt, rated, increased, List.of());
    }

    /** Whether it stopped for today. */
    boolean stoppedToday() {
      return marks.stream().anyMatch(m -> m.kind() == Mark.Kind.STOP_TODAY);
    }

    /** Whether an exercise was begun in it (rated, or a later set or exercise reached). */
    boolean exercised() {
      return !rated.isEmpty() || resumeAt.exerciseIndex() > 0 || resumeAt.set() > 1
          || resumeAt.round() > 0;
    }
  }

  /**
   * Something a past session recorded that decides how a later one begins.
   *
   * @param detail a STOP_TODAY's reason code; a RED_FLAG's question id
   * @param acknowledged a RED_FLAG whose alert a clinician acknowledged
   */
  public record Mark(Instant at, Kind kind, String detail, boolean acknowledged) {
    public enum Kind {
      /** The session stopped for today. */
      STOP_TODAY,
      /** A red flag was answered yes. */
      RED_FLAG,
      /** A doctor has seen them and said they may exercise. */
      CLEARED
    }
  }

  /**
   * @param options what the core needs to start
   * @param interrupted the id of the session to resume or settle, or null
   */
  public record Plan(StartOptions options, String interrupted) {}

  /**
   * @param past the patient's sessions on this routine, oldest first
   * @param earlier per exercise, its highest rating in each earlier session, oldest first
   * @param now the moment the new session starts
   * @param zone where "different days" are counted
   */
  public static Plan plan(Routine routine, List<Past> past, Map<String, List<Integer>> earlier,
      Instant now, ZoneId zone) {
    return plan(routine, past, earlier, now, zone, true);
  }

  /**
   * As {@link #plan(Routine, List, Map, Instant, ZoneId)}.
   *
   * @param screened the signs of a serious cause were asked once, with no yes, for this patient
   */
  public static Plan plan(Routine routine, List<Past> past, Map<String, List<Integer>> earlier,
      Instant now, ZoneId zone, boolean screened) {
    PainRule rule = routine.painRule();
    Map<String, Integer> levels = new HashMap<>();
    Past last = past.isEmpty() ? null : past.get(past.size() - 1);
    if (last != null) {
      for (Exercise e : routine.exercises()) {
        Integer l = last.levels().get(e.id());
        if (l != null) {
          levels.put(e.id(), Math.max(0, Math.min(e.easiestLevel(), l)));
        }
      }
    }
    Past interrupted = null;
    // one day, one session: only a session cut off lately, after an exercise began, and not
    // after it stopped for today, is offered for resuming
    if (last != null && !last.settled()
        && (last.outcome() == null || last.outcome() == Outcome.INTERRUPTED)
        && last.exercised() && !last.stoppedToday()
        && Duration.between(last.started(), now).compareTo(
            Duration.ofHours(rule.resumeWithinHours())) < 0) {
      interrupted = last;
    }
    boolean askNextMorning = interrupted == null && morningAfterDue(rule, past, now);
    List<String> offers = new ArrayList<>();
    if (interrupted == null) {
      for (Exercise e : routine.exercises()) {
        int at = levels.getOrDefault(e.id(), e.startLevel());
        if (at > 0 && quietDays(e.id(), at, past, zone) >= rule.progressAfterSessions()) {
          offers.add(e.id());
        }
      }
    }
    StartOptions.ResumePoint resume = interrupted == null ? null : interrupted.resumeAt();
    StartOptions.Gate gate = gate(routine, past, now, zone, screened);
    return new Plan(new StartOptions(levels, askNextMorning, offers, resume, earlier, gate),
        interrupted == null ? null : interrupted.id());
  }

  /**
   * What comes before anything else (GUIDE section 3): a stop for today or a red flag earlier
   * today locks the rest of the day; a red flag on an earlier day, neither cleared by a doctor
   * (the patient's word) nor acknowledged by a clinician, asks about a doctor first; a routine
   * nobody prescribed asks about the signs of a serious cause until they were answered once.
   */
  static StartOptions.Gate gate(Routine routine, List<Past> past, Instant now, ZoneId zone,
      boolean screened) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    Mark lock = null;
    Mark flag = null;
    for (Past p : past) {
      for (Mark m : p.marks()) {
        boolean isToday = LocalDate.ofInstant(m.at(), zone).equals(today);
        if (isToday && (m.kind() == Mark.Kind.STOP_TODAY || m.kind() == Mark.Kind.RED_FLAG)) {
          lock = m;
        }
        if (m.kind() == Mark.Kind.RED_FLAG && !isToday && !m.acknowledged()) {
          flag = m;
        } else if (m.kind() == Mark.Kind.CLEARED || (m.kind() == Mark.Kind.RED_FLAG
            && m.acknowledged())) {
          flag = null;
        }
      }
    }
    StartOptions.Lockout lockout = lock == null ? null
        : new StartOptions.Lockout(lock.at(), lock.kind() == Mark.Kind.RED_FLAG ? lock.detail()
            : null, lock.kind() == Mark.Kind.STOP_TODAY ? Reason.parse(lock.detail()).orElse(null)
            : null);
    return new StartOptions.Gate(lockout, flag == null ? null : flag.at(),
        flag == null ? null : flag.detail(), routine.selfStarted() && !screened);
  }

  /**
   * Whether the last session that exercised ended long enough ago for "the morning after" to
   * mean something, and recently enough to be remembered.
   */
  static boolean morningAfterDue(PainRule rule, List<Past> past, Instant now) {
    for (int i = past.size() - 1; i >= 0; i--) {
      Past p = past.get(i);
      if (p.rated().isEmpty()) {
        continue;
      }
      Instant end = p.ended() != null ? p.ended() : p.started();
      Duration since = Duration.between(end, now);
      return since.compareTo(Duration.ofHours(rule.nextMorningAfterHours())) >= 0
          && since.compareTo(Duration.ofDays(rule.nextMorningWithinDays())) <= 0;
    }
    return false;
  }

  /**
   * Counts the distinct days of the completed sessions, newest first, in which the exercise was
   * rated at level {@code at} with no increase, back to the first session with an increase, a
   * red flag, or another level.
   */
  static int quietDays(String exercise, int at, List<Past> past, ZoneId zone) {
    Set<LocalDate> days = new HashSet<>();
    for (int i = past.size() - 1; i >= 0; i--) {
      Past p = past.get(i);
      Integer level = p.levels().get(exercise);
      if (p.outcome() == Outcome.RED_FLAG || p.increased().contains(exercise)
          || (level != null && level != at)) {
        break;
      }
      if (p.outcome() == Outcome.COMPLETED && level != null && p.rated().contains(exercise)) {
        days.add(LocalDate.ofInstant(p.started(), zone));
      }
    }
    return days.size();
  }
}
