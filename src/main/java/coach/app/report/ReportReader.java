package coach.app.report;

import coach.app.AlertWords;
import coach.app.Attendance;
import coach.routine.Exercise;
import coach.routine.Printable;
import coach.routine.Routine;
import coach.session.Outcome;
import coach.session.Rating;
import coach.store.AlertOutbox;
import coach.store.HistoryStore;
import coach.store.RecordKind;
import coach.store.StoreException;
import coach.tui.words.Messages;
import coach.tui.words.Reasons;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads one patient's {@link Report} from the history: their sessions in the days asked for,
 * each session's ratings and events, and the alerts raised about them. The history keeps codes;
 * they are put into English words here (the report is for the therapist), with the routine's
 * names for exercises, levels and places when the routine can still be found. Every text from
 * the history or a routine is made printable on the way in.
 */
public final class ReportReader {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private ReportReader() {}

  /**
   * The patient's report, or empty when they have no session in the days asked for.
   *
   * @param routines finds a routine by its id (bundled, or in the data folder)
   * @param from the first day, or null for the first session
   * @param to the last day, or null for the last session
   */
  public static Optional<Report> read(HistoryStore store, String patient,
      Function<String, Optional<Routine>> routines, LocalDate from, LocalDate to, ZoneId zone)
      throws StoreException {
    Instant since = from == null ? null : from.atStartOfDay(zone).toInstant();
    List<HistoryStore.SessionRow> sessions = new ArrayList<>();
    for (HistoryStore.SessionRow s : store.sessions(patient, null, since)) {
      if (to == null || !LocalDate.ofInstant(s.started(), zone).isAfter(to)) {
        sessions.add(s);
      }
    }
    if (sessions.isEmpty()) {
      return Optional.empty();
    }
    Optional<Routine> routine = routines.apply(sessions.get(sessions.size() - 1).routineId());
    return Optional.of(new Reading(store, zone, routine).report(patient, sessions,
        new Report.Range(from, to)));
  }

  /** The words for a session's outcome, as the report and its export say them. */
  static String outcome(Outcome o) {
    return o == null ? "interrupted" : o.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** One reading: the store, the zone and the routine, with what has been gathered so far. */
  private static final class Reading {
    final HistoryStore store;
    final ZoneId zone;
    final Optional<Routine> routine;
    final Messages english = Messages.english();
    final List<String> regions;
    final Map<String, String> names = new LinkedHashMap<>();
    final Map<String, Gathered> exercises = new LinkedHashMap<>();

    Reading(HistoryStore store, ZoneId zone, Optional<Routine> routine) {
      this.store = store;
      this.zone = zone;
      this.routine = routine;
      this.regions = routine.map(r -> r.painRule().regions()).orElse(List.of());
      routine.ifPresent(r -> r.exercises().forEach(e -> names.put(e.id(), e.name())));
    }

    Report report(String patient, List<HistoryStore.SessionRow> sessions, Report.Range asked)
        throws StoreException {
      LocalDate first = day(sessions.get(0).started());
      LocalDate last = day(sessions.get(sessions.size() - 1).started());
      Map<Outcome, Integer> outcomes = new LinkedHashMap<>();
      int open = 0;
      Map<LocalDate, int[]> weeks = new TreeMap<>(); // monday -> {sessions}
      Map<LocalDate, Set<LocalDate>> days = new TreeMap<>(); // monday -> days with exercise
      List<Report.SessionLine> lines = new ArrayList<>();
      List<Integer> baselines = new ArrayList<>();
      List<Report.Dated> changes = new ArrayList<>();
      List<Report.Dated> signs = new ArrayList<>();
      List<Report.Dated> flags = new ArrayList<>();
      List<Report.Dated> clearances = new ArrayList<>();
      List<Report.Dated> contacts = new ArrayList<>();
      List<Report.Dated> stops = new ArrayList<>();
      List<Report.Dated> mornings = new ArrayList<>();
      for (int i = 0; i < sessions.size(); i++) {
        HistoryStore.SessionRow s = sessions.get(i);
        if (s.outcome() == null) {
          open++;
        } else {
          outcomes.merge(s.outcome(), 1, Integer::sum);
        }
        LocalDate day = day(s.started());
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        weeks.computeIfAbsent(monday, k -> new int[1])[0]++;
        days.computeIfAbsent(monday, k -> new TreeSet<>());
        List<HistoryStore.RatingRow> ratings = store.ratings(s.id());
        List<HistoryStore.EventRow> events = store.events(s.id());
        Integer baseline = null;
        Integer highest = null;
        int furthest = -1;
        String furthestName = null;
        boolean exercised = s.outcome() == Outcome.COMPLETED
            || s.outcome() == Outcome.STOPPED_FOR_PAIN;
        for (HistoryStore.RatingRow r : ratings) {
          Rating x = r.rating();
          if (x.kind() == Rating.Kind.BASELINE) {
            baselines.add(x.value());
            baseline = baseline == null ? x.value() : baseline;
            continue;
          }
          exercised = true;
          highest = highest == null ? x.value() : Math.max(highest, x.value());
          gathered(x.exerciseId()).rating(i, x);
          if (x.region() != null && rank(x.region()) >= furthest) {
            furthest = rank(x.region());
            furthestName = Printable.of(x.region());
          }
        }
        if (exercised) {
          days.get(monday).add(day);
        }
        sessionEvents(i, day, events, changes, signs, flags, clearances, contacts, stops,
            mornings);
        lines.add(new Report.SessionLine(i, day,
            LocalTime.ofInstant(s.started(), zone).format(TIME), outcome(s.outcome()), baseline,
            highest, furthestName));
      }
      List<String> outcomeWords = new ArrayList<>();
      outcomes.forEach((k, v) -> outcomeWords.add(v + " " + outcome(k)));
      if (open > 0) {
        outcomeWords.add(open + " interrupted");
      }
      List<Report.WeekLine> weekLines = new ArrayList<>();
      weeks.forEach((monday, n) -> weekLines.add(new Report.WeekLine(
          monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
              + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
          monday, days.get(monday).size(), n[0])));
      List<Report.ExerciseLine> exerciseLines = new ArrayList<>();
      for (Gathered g : exercises.values()) {
        exerciseLines.add(g.line());
      }
      HistoryStore.SessionRow lastSession = sessions.get(sessions.size() - 1);
      Report.RoutineLine routineLine = new Report.RoutineLine(
          Printable.of(lastSession.routineId()), routine.map(r -> Printable.of(r.title()))
          .orElse(null), routine.map(Routine::version).orElse(0));
      return new Report(Printable.of(patient), routineLine, asked, first, last, lines,
          outcomeWords, frequency(), weekLines, baselines, exerciseLines, changes, signs, flags,
          clearances, contacts, stops, alerts(patient, asked), mornings);
    }

    private void sessionEvents(int i, LocalDate day, List<HistoryStore.EventRow> events, List<Report.Dated> changes,
        List<Report.Dated> signs, List<Report.Dated> flags, List<Report.Dated> clearances,
        List<Report.Dated> contacts, List<Report.Dated> stops, List<Report.Dated> mornings) {
      // where each change and stop falls among this session's, per exercise, for the charts
      Map<String, Integer> marks = new LinkedHashMap<>();
      for (HistoryStore.EventRow e : events) {
        if (e.exerciseId() != null
            && (e.kind() == RecordKind.SWITCH || e.kind() == RecordKind.CONTACT)) {
          marks.merge(e.exerciseId(), 1, Integer::sum);
        }
      }
      Map<String, Integer> placed = new LinkedHashMap<>();
      for (HistoryStore.EventRow e : events) {
        String ex = e.exerciseId() == null ? null : name(e.exerciseId());
        Exercise exercise = e.exerciseId() == null ? null
            : routine.flatMap(r -> r.exercise(e.exerciseId())).orElse(null);
        String detail = Printable.of(Reasons.detail(english, e.kind(), e.detail(), exercise,
            regions));
        switch (e.kind()) {
          case SWITCH -> {
            String fromName = levelName(e.exerciseId(), e.fromLevel());
            String toName = levelName(e.exerciseId(), e.toLevel());
            changes.add(new Report.Dated(day, ex, quoted(e.exerciseId(), e.fromLevel()) + " -> "
                + quoted(e.exerciseId(), e.toLevel()) + " (" + detail + ")"));
            if (e.exerciseId() != null) {
              int order = placed.merge(e.exerciseId(), 1, Integer::sum) - 1;
              gathered(e.exerciseId()).change(i, order, marks.get(e.exerciseId()), day,
                  e.fromLevel(), e.toLevel(), fromName, toName, detail);
            }
          }
          case RED_FLAG -> flags.add(new Report.Dated(day, null, redFlag(e.detail(), detail)));
          case CONTACT -> {
            contacts.add(new Report.Dated(day, ex, detail));
            if (e.exerciseId() != null) {
              int order = placed.merge(e.exerciseId(), 1, Integer::sum) - 1;
              gathered(e.exerciseId()).stops.add(new Report.Stop(i, order,
                  marks.get(e.exerciseId()), day, detail));
            }
          }
          case NEXT_MORNING -> mornings.add(new Report.Dated(day, null, detail));
          case STOP_TODAY -> stops.add(new Report.Dated(day, ex, detail));
          case CLEARANCE -> clearances.add(new Report.Dated(day, null, detail));
          case SERIOUS_SIGNS -> signs.add(new Report.Dated(day, null, detail));
          case RESUME -> { }
        }
        if (e.exerciseId() != null && e.kind() == RecordKind.SWITCH) {
          gathered(e.exerciseId()).switched(i, e.fromLevel(), e.toLevel());
        }
      }
    }

    /** A red flag's question id with its question, when the routine still has it. */
    private String redFlag(String id, String detail) {
      return routine.flatMap(r -> r.redFlags().questions().stream()
              .filter(q -> q.id().equals(id)).findFirst())
          .map(q -> detail + ": " + Printable.of(q.question())).orElse(detail);
    }

    /**
     * The alerts about the patient raised in the days asked for: with no end asked for, up to
     * now, so an alert raised after the last session (sessions missed) is there.
     */
    private List<Report.AlertLine> alerts(String patient, Report.Range asked)
        throws StoreException {
      List<Report.AlertLine> out = new ArrayList<>();
      List<AlertOutbox.AlertRow> rows = new ArrayList<>(store.outbox().alerts(patient, false,
          asked.from() == null ? null : asked.from().atStartOfDay(zone).toInstant()));
      rows.sort(Comparator.comparing(AlertOutbox.AlertRow::raised)
          .thenComparing(AlertOutbox.AlertRow::id));
      for (AlertOutbox.AlertRow a : rows) {
        if (asked.to() != null && day(a.raised()).isAfter(asked.to())) {
          continue;
        }
        out.add(new Report.AlertLine(day(a.raised()), AlertWords.of(a.kind()),
            Printable.of(a.facts()), a.acknowledged() == null ? null : day(a.acknowledged()),
            a.by() == null ? null : Printable.of(a.by()),
            a.note() == null || a.note().isBlank() ? null : Printable.of(a.note())));
      }
      return out;
    }

    private Report.Frequency frequency() {
      if (routine.isEmpty()) {
        return new Report.Frequency(null, 0);
      }
      Set<String> words = new TreeSet<>();
      routine.get().exercises().stream().map(Exercise::frequency).filter(Objects::nonNull)
          .forEach(f -> words.add(Printable.of(f)));
      return new Report.Frequency(words.isEmpty() ? null : String.join(", ", words),
          Attendance.daysPerWeek(routine.get()));
    }

    private Gathered gathered(String exerciseId) {
      return exercises.computeIfAbsent(exerciseId, Gathered::new);
    }

    private String name(String exerciseId) {
      return Printable.of(names.getOrDefault(exerciseId, exerciseId));
    }

    /** The level's name in quotes, or "level N" when the routine is not at hand. */
    private String quoted(String exerciseId, int level) {
      Optional<Exercise> x = exercise(exerciseId).filter(e -> level >= 0
          && level < e.levels().size());
      return x.map(e -> "\"" + Printable.of(e.level(level).name()) + "\"")
          .orElse("level " + level);
    }

    private String levelName(String exerciseId, int level) {
      Optional<Exercise> x = exercise(exerciseId).filter(e -> level >= 0
          && level < e.levels().size());
      return x.map(e -> Printable.of(e.level(level).name())).orElse("level " + level);
    }

    private Optional<Exercise> exercise(String exerciseId) {
      return exerciseId == null ? Optional.empty()
          : routine.flatMap(r -> r.exercise(exerciseId));
    }

    /** A place's rank, most central first; one the routine does not name ranks last. */
    private int rank(String region) {
      int i = regions.indexOf(region);
      return i < 0 ? regions.size() : i;
    }

    private LocalDate day(Instant at) {
      return LocalDate.ofInstant(at, zone);
    }

    /** One exercise's ratings, places, levels and changes as they are read. */
    private final class Gathered {
      final String id;
      final List<Integer> ratings = new ArrayList<>();
      final Map<String, Integer> reached = new LinkedHashMap<>();
      final Map<Integer, int[]> spans = new TreeMap<>(); // session -> {start, end}
      final List<Report.Change> changes = new ArrayList<>();
      final List<Report.Stop> stops = new ArrayList<>();
      final Set<Integer> firstSwitch = new java.util.HashSet<>();
      int highestLevel;

      Gathered(String id) {
        this.id = id;
      }

      void rating(int session, Rating x) {
        ratings.add(x.value());
        if (x.region() != null) {
          reached.merge(x.region(), 1, Integer::sum);
        }
        if (x.level() >= 0) {
          int[] span = spans.computeIfAbsent(session, k -> new int[] {x.level(), x.level()});
          span[1] = x.level();
          highestLevel = Math.max(highestLevel, x.level());
        }
      }

      void switched(int session, int from, int to) {
        int[] span = spans.computeIfAbsent(session, k -> new int[] {from, from});
        if (firstSwitch.add(session)) {
          span[0] = from; // the level it was at before its first change that session
        }
        span[1] = to;
        highestLevel = Math.max(highestLevel, Math.max(from, to));
      }

      void change(int session, int order, int of, LocalDate day, int from, int to,
          String fromName, String toName, String reason) {
        changes.add(new Report.Change(changes.size() + 1, session, order, of, day, from, to,
            fromName, toName, reason));
      }

      Report.ExerciseLine line() {
        List<Report.Reached> places = new ArrayList<>();
        reached.entrySet().stream()
            .sorted(Comparator.comparingInt(e -> rank(e.getKey())))
            .forEach(e -> places.add(new Report.Reached(Printable.of(e.getKey()),
                e.getValue())));
        List<String> levels = new ArrayList<>();
        Optional<Exercise> known = exercise(id);
        int count = known.map(e -> Math.max(e.levels().size(), highestLevel + 1))
            .orElse(highestLevel + 1);
        for (int l = 0; l < count; l++) {
          levels.add(levelName(id, l));
        }
        List<Report.LevelSpan> track = new ArrayList<>();
        spans.forEach((s, span) -> track.add(new Report.LevelSpan(s, span[0], span[1])));
        return new Report.ExerciseLine(Printable.of(id), name(id), List.copyOf(ratings),
            places, levels, track, List.copyOf(changes), List.copyOf(stops));
      }
    }
  }
}
