package coach.store;

import coach.routine.Exercise;
import coach.routine.PainRule;
import coach.routine.Routine;
import coach.session.Outcome;
import coach.session.StartOptions;
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
 * no increase in it; and an interrupted session offered for resumption. Pure: rows in, plan out.
 */
public final class CarryOver {
  private CarryOver() {}

  /** How many past sessions are read for progression and the summary's comparison. */
  static final int LOOK_BACK = 30;

  /**
   * @param options what the core needs to start
   * @param interrupted the session to resume or settle, or null
   */
  public record Plan(StartOptions options, HistoryStore.SessionRow interrupted) {}

  /**
   * One past session as the plan needs it.
   *
   * @param rated ids of the exercises rated in it
   * @param increased ids of the exercises whose pain rose in it (a switch to an easier level or
   *     a stop)
   */
  public record Past(HistoryStore.SessionRow row, Set<String> rated, Set<String> increased) {
    public Past {
      rated = Set.copyOf(rated);
      increased = Set.copyOf(increased);
    }
  }

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
    HistoryStore.SessionRow last = past.isEmpty() ? null : past.get(past.size() - 1).row();
    if (last != null) {
      for (Exercise e : routine.exercises()) {
        Integer l = last.levels().get(e.id());
        if (l != null) {
          levels.put(e.id(), Math.max(0, Math.min(e.easiestLevel(), l)));
        }
      }
    }
    HistoryStore.SessionRow interrupted = null;
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
    StartOptions.ResumePoint resume = interrupted == null ? null
        : new StartOptions.ResumePoint(interrupted.resumeExercise(), interrupted.resumeSet(),
            interrupted.resumeRound());
    return new Plan(new StartOptions(levels, askNextMorning, offers, resume, earlier),
        interrupted);
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
      Instant end = p.row().ended() != null ? p.row().ended() : p.row().started();
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
      HistoryStore.SessionRow s = p.row();
      Integer level = s.levels().get(exercise);
      if (s.outcome() == Outcome.RED_FLAG || p.increased().contains(exercise)
          || (level != null && level != at)) {
        break;
      }
      if (s.outcome() == Outcome.COMPLETED && level != null && p.rated().contains(exercise)) {
        days.add(LocalDate.ofInstant(s.started(), zone));
      }
    }
    return days.size();
  }

  /** The plan for a patient straight from a store. */
  public static Plan plan(Routine routine, HistoryStore store, String patient, Instant now)
      throws StoreException {
    List<HistoryStore.SessionRow> rows = store.sessions(patient, routine.id(), null);
    List<Past> past = new ArrayList<>();
    Map<String, List<Integer>> earlier = new HashMap<>();
    int from = Math.max(0, rows.size() - LOOK_BACK);
    for (int i = from; i < rows.size(); i++) {
      HistoryStore.SessionRow s = rows.get(i);
      Map<String, Integer> worst = new HashMap<>();
      for (HistoryStore.RatingRow r : store.ratings(s.id())) {
        if (r.rating().exerciseId() != null) {
          worst.merge(r.rating().exerciseId(), r.rating().value(), Math::max);
        }
      }
      if (i >= rows.size() - 5) {
        worst.forEach((k, v) -> earlier.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
      }
      Set<String> increased = new HashSet<>();
      for (HistoryStore.EventRow e : store.events(s.id())) {
        if ((e.kind() == RecordKind.SWITCH && e.toLevel() > e.fromLevel())
            || (e.kind() == RecordKind.CONTACT && e.exerciseId() != null)) {
          increased.add(e.exerciseId());
        }
      }
      past.add(new Past(s, worst.keySet(), increased));
    }
    return plan(routine, past, earlier, now, ZoneId.systemDefault());
  }
}
