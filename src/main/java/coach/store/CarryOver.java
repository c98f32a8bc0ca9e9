package coach.store;

import coach.routine.Exercise;
import coach.routine.Routine;
import coach.session.Outcome;
import coach.session.StartOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a new session starts, from the patient's past sessions on the same routine (GUIDE section
 * 3): each exercise at the level it ended at; the next-morning question when there was an
 * earlier session; the harder level offered again after N sessions without a pain increase at an
 * easier level; and an interrupted session offered for resumption. Pure: rows in, plan out.
 */
public final class CarryOver {
  private CarryOver() {}

  /**
   * @param options what the core needs to start
   * @param interrupted the session to resume or settle, or null
   */
  public record Plan(StartOptions options, HistoryStore.SessionRow interrupted) {}

  /**
   * @param past the patient's sessions on this routine, oldest first
   * @param increases per session id, the ids of exercises whose pain rose (a switch to an easier
   *     level or a stop) in that session
   */
  public static Plan plan(Routine routine, List<HistoryStore.SessionRow> past,
      Map<String, List<String>> increases) {
    return plan(routine, past, increases, Map.of());
  }

  /**
   * @param earlier per exercise, its highest rating in each earlier session, oldest first
   */
  public static Plan plan(Routine routine, List<HistoryStore.SessionRow> past,
      Map<String, List<String>> increases, Map<String, List<Integer>> earlier) {
    Map<String, Integer> levels = new HashMap<>();
    HistoryStore.SessionRow last = past.isEmpty() ? null : past.get(past.size() - 1);
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
    boolean askNextMorning = last != null && last.outcome() != Outcome.RED_FLAG
        && interrupted == null;
    int n = routine.painRule().progressAfterSessions();
    List<String> offers = new ArrayList<>();
    if (interrupted == null && past.size() >= n) {
      List<HistoryStore.SessionRow> recent = past.subList(past.size() - n, past.size());
      for (Exercise e : routine.exercises()) {
        int at = levels.getOrDefault(e.id(), 0);
        if (at == 0) {
          continue;
        }
        boolean quiet = true;
        for (HistoryStore.SessionRow s : recent) {
          Integer l = s.levels().get(e.id());
          if (l == null || l != at || increases.getOrDefault(s.id(), List.of()).contains(e.id())
              || s.outcome() == Outcome.RED_FLAG) {
            quiet = false;
            break;
          }
        }
        if (quiet) {
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

  /** The plan for a patient straight from a store. */
  public static Plan plan(Routine routine, HistoryStore store, String patient)
      throws StoreException {
    List<HistoryStore.SessionRow> past = store.sessions(patient, routine.id(), null);
    Map<String, List<String>> increases = new HashMap<>();
    Map<String, List<Integer>> earlier = new HashMap<>();
    for (HistoryStore.SessionRow s : past.subList(Math.max(0, past.size() - 5), past.size())) {
      Map<String, Integer> worst = new HashMap<>();
      for (HistoryStore.RatingRow r : store.ratings(s.id())) {
        if (r.rating().exerciseId() != null) {
          worst.merge(r.rating().exerciseId(), r.rating().value(), Math::max);
        }
      }
      worst.forEach((k, v) -> earlier.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    int from = Math.max(0, past.size() - Math.max(1, routine.painRule().progressAfterSessions()));
    for (HistoryStore.SessionRow s : past.subList(from, past.size())) {
      List<String> ids = new ArrayList<>();
      for (HistoryStore.EventRow e : store.events(s.id())) {
        if (("SWITCH".equals(e.kind()) && e.toLevel() > e.fromLevel())
            || ("CONTACT".equals(e.kind()) && e.exerciseId() != null)) {
          ids.add(e.exerciseId());
        }
      }
      increases.put(s.id(), ids);
    }
    return plan(routine, past, increases, earlier);
  }
}
