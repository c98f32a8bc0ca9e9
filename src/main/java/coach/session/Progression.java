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
   *     a stop)
   */
  public record Past(String id, Instant started, Instant ended, Outcome outcome, boolean settled,
      Map<String, Integer> levels, StartOptions.ResumePoint resumeAt, Set<String> rated,
      Set<String> increased) {
    public Past {
      levels = Map.copyOf(levels);
      rated = Set.copyOf(rated);
      increased = Set.copyOf(increased);
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
    if (last != null && !last.settled()
        && (last.outcome() == null || last.outcome() == Outcome.INTERRUPTED)) {
      interrupted = last;
    }
    boolean askNextMorning = interrupted == null && last != null
        && last.outcome() != Outcome.RED_FLAG && morningAfterDue(rule, past, now);
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
    return new Plan(new StartOptions(levels, askNextMorning, offers, resume, earlier),
        interrupted == null ? null : interrupted.id());
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
