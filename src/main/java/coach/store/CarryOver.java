package coach.store;

import coach.routine.Routine;
import coach.session.Progression;
import coach.session.Rating;
import coach.session.Reason;
import coach.session.StartOptions;
import coach.session.SwitchNote;
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
    Set<String> acknowledged = acknowledgedRedFlags(store, patient, rows);
    boolean screened = false;
    int from = Math.max(0, rows.size() - LOOK_BACK);
    for (int i = from; i < rows.size(); i++) {
      HistoryStore.SessionRow s = rows.get(i);
      Map<String, Integer> worst = new HashMap<>();
      LevelIds ids = new LevelIds();
      for (HistoryStore.RatingRow r : store.ratings(s.id())) {
        if (r.rating().exerciseId() != null) {
          worst.merge(r.rating().exerciseId(), r.rating().value(), Math::max);
          ids.saw(r.rating());
        }
      }
      if (i >= rows.size() - 5) {
        worst.forEach((k, v) -> earlier.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
      }
      List<HistoryStore.EventRow> events = store.events(s.id());
      screened |= screened(events);
      past.add(past(s, worst.keySet(), events, acknowledged, ids.in(routine)));
      byId.put(s.id(), s);
    }
    // the signs of a serious cause were asked once: in the first session, as a rule
    for (int i = 0; i < from && !screened; i++) {
      screened = screened(store.events(rows.get(i).id()));
    }
    Progression.Plan plan = Progression.plan(routine, past, earlier, now,
        ZoneId.systemDefault(), screened);
    if (plan.interrupted() == null) {
      return new Plan(plan.options(), null);
    }
    StartOptions o = plan.options();
    StartOptions.ResumePoint resume = resumePoint(routine, store, rows, o.resume());
    return new Plan(new StartOptions(o.startLevels(), o.askNextMorning(), o.offerHarder(),
        resume, o.earlier()), byId.get(plan.interrupted()));
  }

  /**
   * Where the interrupted session (the last of {@code rows}) goes on, with what it recorded, and
   * what the sessions it continued recorded before it, so the resumed session is one session to
   * the pain rules and the summary. An exercise it stopped for pain is not begun again: a session
   * cut off on the next exercise's introduction goes on at that exercise.
   */
  static StartOptions.ResumePoint resumePoint(Routine routine, HistoryStore store,
      List<HistoryStore.SessionRow> rows, StartOptions.ResumePoint at) throws StoreException {
    List<HistoryStore.SessionRow> parts = new ArrayList<>();
    for (int i = rows.size() - 1; i >= 0; i--) {
      HistoryStore.SessionRow s = rows.get(i);
      parts.add(0, s);
      boolean continued = false;
      for (HistoryStore.EventRow e : store.events(s.id())) {
        continued |= e.kind() == RecordKind.RESUME && RecordKind.CONTINUED.equals(e.detail());
      }
      if (!continued) {
        break;
      }
    }
    List<Rating> ratings = new ArrayList<>();
    List<SwitchNote> switches = new ArrayList<>();
    List<StartOptions.Stop> stops = new ArrayList<>();
    for (HistoryStore.SessionRow s : parts) {
      for (HistoryStore.RatingRow r : store.ratings(s.id())) {
        ratings.add(r.rating());
      }
      for (HistoryStore.EventRow e : store.events(s.id())) {
        Reason reason = Reason.parse(e.detail()).orElse(null);
        if (e.kind() == RecordKind.SWITCH && reason != null) {
          switches.add(new SwitchNote(e.exerciseId(), e.fromLevel(), e.toLevel(), reason,
              e.toLevel() < e.fromLevel()));
        } else if (e.kind() == RecordKind.CONTACT && e.exerciseId() != null) {
          stops.add(new StartOptions.Stop(e.exerciseId(), reason));
        }
      }
    }
    List<String> stopped = stops.stream().map(StartOptions.Stop::exerciseId).toList();
    int exercise = at.exerciseIndex();
    int set = at.set();
    int round = at.round();
    List<coach.routine.Exercise> exercises = routine.exercises();
    while (exercise >= 0 && exercise + 1 < exercises.size()
        && stopped.contains(exercises.get(exercise).id())) {
      exercise++;
      set = 1;
      round = 0;
    }
    return new StartOptions.ResumePoint(exercise, set, round,
        new StartOptions.Recorded(ratings, switches, stops));
  }

  /**
   * A stored session as the rules see it. A change of level made for today only (a high start,
   * the easiest levels after a stop above the ceiling) is not carried: the exercise goes on from
   * the level it had before, and that session is no quiet day for it.
   */
  static Progression.Past past(HistoryStore.SessionRow s, Set<String> rated,
      List<HistoryStore.EventRow> events, Set<String> acknowledged) {
    return past(s, rated, events, acknowledged, (exercise, level) -> level);
  }

  /** How a level stored by its place in the list is placed in the routine as it is now. */
  @FunctionalInterface
  interface LevelPlace {
    int now(String exerciseId, int stored);
  }

  /**
   * The levels a session's ratings name by id, per exercise and stored place: a level keeps its
   * id when a therapist reorders, inserts or drops levels in a later version of the routine, so
   * the history carries over to the level of that id, not to whatever now stands at its place.
   * A level the session never rated, or an id the routine no longer has, keeps its place
   * (clamped to the list).
   */
  static final class LevelIds {
    private final Map<String, Map<Integer, String>> ids = new HashMap<>();

    void saw(Rating r) {
      if (r.levelId() != null && !r.levelId().isEmpty() && r.level() >= 0) {
        ids.computeIfAbsent(r.exerciseId(), k -> new HashMap<>()).put(r.level(), r.levelId());
      }
    }

    LevelPlace in(Routine routine) {
      return (exercise, stored) -> {
        var ex = routine.exercises().stream().filter(e -> e.id().equals(exercise)).findFirst();
        if (ex.isEmpty()) {
          return stored;
        }
        String id = ids.getOrDefault(exercise, Map.of()).get(stored);
        for (int i = 0; id != null && i < ex.get().levels().size(); i++) {
          if (id.equals(ex.get().level(i).id())) {
            return i;
          }
        }
        return Math.max(0, Math.min(ex.get().easiestLevel(), stored));
      };
    }
  }

  static Progression.Past past(HistoryStore.SessionRow s, Set<String> rated,
      List<HistoryStore.EventRow> events, Set<String> acknowledged, LevelPlace place) {
    Set<String> increased = new HashSet<>();
    Map<String, Integer> levels = new HashMap<>();
    s.levels().forEach((exercise, level) -> levels.put(exercise, place.now(exercise, level)));
    Set<String> todayOnly = new HashSet<>();
    List<Progression.Mark> marks = new ArrayList<>();
    for (HistoryStore.EventRow e : events) {
      Reason reason = Reason.parse(e.detail()).orElse(null);
      if (e.kind() == RecordKind.SWITCH && reason != null && reason.todayOnly()) {
        if (todayOnly.add(e.exerciseId())) {
          levels.put(e.exerciseId(), place.now(e.exerciseId(), e.fromLevel()));
        }
        increased.add(e.exerciseId());
      } else if ((e.kind() == RecordKind.SWITCH && e.toLevel() > e.fromLevel())
          || (e.kind() == RecordKind.CONTACT && e.exerciseId() != null)) {
        increased.add(e.exerciseId());
      }
      if (e.kind() == RecordKind.STOP_TODAY) {
        marks.add(new Progression.Mark(e.at(), Progression.Mark.Kind.STOP_TODAY, e.detail(),
            false));
      } else if (e.kind() == RecordKind.RED_FLAG) {
        marks.add(new Progression.Mark(e.at(), Progression.Mark.Kind.RED_FLAG, e.detail(),
            acknowledged.contains(s.id() + "#" + e.seq())));
      } else if (e.kind() == RecordKind.CLEARANCE && RecordKind.CLEARED.equals(e.detail())) {
        marks.add(new Progression.Mark(e.at(), Progression.Mark.Kind.CLEARED, e.detail(),
            false));
      }
    }
    return new Progression.Past(s.id(), s.started(), s.ended(), s.outcome(), s.settled(),
        levels, new StartOptions.ResumePoint(s.resumeExercise(), s.resumeSet(),
            s.resumeRound()), rated, increased, marks);
  }

  /** Whether these events hold the signs of a serious cause answered, none of them yes. */
  private static boolean screened(List<HistoryStore.EventRow> events) {
    return events.stream().anyMatch(e -> e.kind() == RecordKind.SERIOUS_SIGNS
        && RecordKind.NONE_OF_THEM.equals(e.detail()));
  }

  /**
   * The causes (session id # event number) of the patient's red-flag alerts a clinician
   * acknowledged; none to look for when the patient has no session.
   */
  private static Set<String> acknowledgedRedFlags(HistoryStore store, String patient,
      List<HistoryStore.SessionRow> rows) throws StoreException {
    Set<String> out = new HashSet<>();
    if (rows.isEmpty()) {
      return out;
    }
    for (AlertOutbox.AlertRow a : store.outbox().alerts(patient, false, null)) {
      if (a.kind() == AlertKind.RED_FLAG && !a.open()) {
        out.add(a.cause());
      }
    }
    return out;
  }
}
