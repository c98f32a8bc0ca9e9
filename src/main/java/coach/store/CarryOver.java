package coach.store;

import coach.routine.Routine;
import coach.session.Progression;
import coach.session.StartOptions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a patient's new session starts, from their history: reads their past sessions on the
 * routine and hands them to the rules of {@link Progression}.
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

  /** The plan for a patient straight from a store. */
  public static Plan plan(Routine routine, HistoryStore store, String patient, Instant now)
      throws StoreException {
    List<HistoryStore.SessionRow> rows = store.sessions(patient, routine.id(), null);
    List<Progression.Past> past = new ArrayList<>();
    Map<String, List<Integer>> earlier = new HashMap<>();
    Map<String, HistoryStore.SessionRow> byId = new HashMap<>();
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
      past.add(past(s, worst.keySet(), increased));
      byId.put(s.id(), s);
    }
    Progression.Plan plan = Progression.plan(routine, past, earlier, now,
        ZoneId.systemDefault());
    return new Plan(plan.options(), plan.interrupted() == null ? null
        : byId.get(plan.interrupted()));
  }

  /** A stored session as the rules see it. */
  static Progression.Past past(HistoryStore.SessionRow s, Set<String> rated,
      Set<String> increased) {
    return new Progression.Past(s.id(), s.started(), s.ended(), s.outcome(), s.settled(),
        s.levels(), new StartOptions.ResumePoint(s.resumeExercise(), s.resumeSet(),
            s.resumeRound()), rated, increased);
  }
}
