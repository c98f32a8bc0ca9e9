package coach.app.report;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Coach;
import coach.session.Effect;
import coach.session.Event;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Reason;
import coach.session.Rise;
import coach.session.Screen;
import coach.session.SessionState;
import coach.session.Transition;
import coach.store.AlertKind;
import coach.store.CarryOver;
import coach.store.HistoryStore;
import coach.store.SessionRecorder;
import coach.store.SqliteHistoryStore;
import coach.tui.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A patient's fortnight on the bundled sciatica routine, recorded as the app records it (the
 * core driven by keys, its effects through the history's recorder), then moved onto fixed days
 * so that what is read from it is the same on every run: two weeks from Monday 2 November 2026,
 * 09:00 UTC. It holds a change to an easier level and an exercise stopped above the ceiling, a
 * next morning answered worse (every exercise one level easier), a red flag, a doctor's
 * clearance, symptoms spreading to the foot that stop the session for today, an interrupted
 * session, and alerts, one acknowledged by Dr Kim.
 */
public final class TherapistHistory {
  public static final String PATIENT = "P-1001";
  public static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
  public static final Instant START = MONDAY.atTime(9, 0).toInstant(ZoneOffset.UTC);

  private TherapistHistory() {}

  public static Routine sciatica() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    if (!r.ok()) {
      throw new AssertionError(r.problems());
    }
    return r.routine();
  }

  /** Finds the bundled routine by its id, as the commands do. */
  public static Function<String, Optional<Routine>> routines() {
    Routine s = sciatica();
    return id -> id.equals(s.id()) ? Optional.of(s) : Optional.empty();
  }

  /**
   * Records the fortnight into a new history under {@code dir} and returns its data folder.
   *
   * @param patient whose sessions they are
   */
  public static Path record(Path dir, String patient) throws Exception {
    Path scratch = Files.createDirectories(dir.resolve("as-recorded"));
    Path fixed = Files.createDirectories(dir.resolve("fixed"));
    List<Integer> days = new ArrayList<>();
    try (SqliteHistoryStore live = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(scratch))) {
      // Monday: 2 then 2, 4 (one level easier), 5, 6 (above the ceiling: the exercise stops, the
      // marked choice ends the session)
      session(live, patient, false, 2, 2, 4, 5, 6);
      days.add(0);
      // Tuesday: 1s, completed
      session(live, patient, false, 1, 1, 1, 1);
      days.add(1);
      // Wednesday: worse the morning after: every exercise one level easier; 3s
      session(live, patient, true, 3, 3, 3, 3);
      days.add(2);
      // Wednesday again, in the afternoon: a second session the same day counts one day
      session(live, patient, false, 2, 2, 2, 2);
      days.add(2);
      // Friday: 2s
      session(live, patient, false, 2, 2, 2, 2);
      days.add(4);
      // next Monday: a red flag answered yes
      SessionRecorder flag = live.begin(patient, "sciatica", "h", Map.of());
      flag.apply(new Effect.RecordRedFlag("bowel-bladder"));
      flag.apply(new Effect.SessionEnded(Outcome.RED_FLAG));
      days.add(7);
      // Tuesday: cleared by a doctor; symptoms spread to the foot in the nerve glide, which
      // stops the session for today
      Rise spread = new Rise(3, 3, false, -1, 2, 5);
      SessionRecorder stop = live.begin(patient, "sciatica", "h", Map.of("nerve-glide", 1));
      stop.apply(new Effect.RecordClearance(true));
      stop.apply(new Effect.RecordRating(new Rating(Rating.Kind.BASELINE, null, -1, null, 0,
          -1, "", 3, null)));
      stop.apply(new Effect.RecordRating(new Rating(Rating.Kind.SET, "nerve-glide", 1,
          "slider", 1, 0, "", 3, "buttock")));
      stop.apply(new Effect.RecordRating(new Rating(Rating.Kind.SET, "nerve-glide", 1,
          "slider", 2, 0, "", 3, "foot")));
      stop.apply(new Effect.RecordContactShown("nerve-glide", new Reason.Stopped(spread, 1)));
      stop.apply(new Effect.RecordStopForToday("nerve-glide",
          new Reason.StopToday(spread, 1, false)));
      stop.apply(new Effect.SessionEnded(Outcome.STOPPED_FOR_PAIN));
      days.add(8);
      // Thursday: cut off after the pain before exercise (a closed window)
      SessionRecorder cut = live.begin(patient, "sciatica", "h", Map.of());
      cut.apply(new Effect.RecordRating(new Rating(Rating.Kind.BASELINE, null, -1, null, 0, -1,
          "", 2, null)));
      days.add(10);
      try (SqliteHistoryStore out = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(fixed))) {
        List<HistoryStore.SessionRow> sessions = live.sessions(patient, null, null);
        int afternoon = 0;
        for (int i = 0; i < sessions.size(); i++) {
          HistoryStore.SessionRow s = sessions.get(i);
          boolean second = i > 0 && days.get(i).equals(days.get(i - 1));
          afternoon = second ? afternoon + 1 : 0;
          Duration shift = Duration.between(s.started(), START.plus(Duration.ofDays(days.get(i)))
              .plus(Duration.ofHours(6L * afternoon)));
          copy(live, out, s, shift);
        }
        alerts(out, patient);
        return fixed;
      }
    }
  }

  /** The fixed history recorded by {@link #record}, opened. */
  public static SqliteHistoryStore open(Path dir, String patient) throws Exception {
    return SqliteHistoryStore.open(SqliteHistoryStore.fileIn(record(dir, patient)));
  }

  private static void copy(HistoryStore from, HistoryStore to, HistoryStore.SessionRow s,
      Duration shift) throws Exception {
    List<HistoryStore.RatingRow> ratings = new ArrayList<>();
    for (HistoryStore.RatingRow r : from.ratings(s.id())) {
      ratings.add(new HistoryStore.RatingRow(r.sessionId(), r.seq(), r.at().plus(shift),
          r.rating()));
    }
    List<HistoryStore.EventRow> events = new ArrayList<>();
    for (HistoryStore.EventRow e : from.events(s.id())) {
      events.add(new HistoryStore.EventRow(e.sessionId(), e.seq(), e.at().plus(shift), e.kind(),
          e.exerciseId(), e.fromLevel(), e.toLevel(), e.detail()));
    }
    to.copy(new HistoryStore.SessionRow(s.id(), s.patient(), s.routineId(), s.routineHash(),
        s.started().plus(shift), s.ended() == null ? null : s.ended().plus(shift), s.outcome(),
        s.resumeExercise(), s.resumeSet(), s.resumeRound(), s.settled(), s.levels()), ratings,
        events);
  }

  private static void alerts(HistoryStore store, String patient) throws Exception {
    Instant monday = START.plus(Duration.ofMinutes(10));
    long ended = store.outbox().raise(patient, AlertKind.STOPPED_AT_EASIEST, "a", "pain 5 -> 6 (above"
        + " the limit of 5) in Cat/Camel series", monday).orElseThrow().id();
    store.outbox().acknowledge(ended, "Dr Kim", "called her; easier level agreed",
        monday.plus(Duration.ofHours(3)));
    Instant flag = START.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(2));
    store.outbox().raise(patient, AlertKind.RED_FLAG, "b", "red flag answered yes: bowel-bladder", flag);
  }

  /**
   * Runs a session through the core into the history, planned the next day as the app plans
   * it; the first exercise only, with these ratings (the last one repeated), the others skipped.
   *
   * @param worse the answer to "was your pain worse the morning after?", when it is asked
   */
  private static void session(HistoryStore store, String patient, boolean worse, int... pain)
      throws Exception {
    Routine routine = sciatica();
    CarryOver.Plan plan = CarryOver.plan(routine, store, patient,
        Instant.now().plus(Duration.ofHours(9)));
    ManualClock clock = new ManualClock();
    Coach coach = new Coach(routine, plan.options());
    SessionState s = coach.start();
    Map<String, Integer> levels = new java.util.LinkedHashMap<>();
    for (int i = 0; i < routine.exercises().size(); i++) {
      levels.put(routine.exercises().get(i).id(), s.level(i));
    }
    SessionRecorder rec = store.begin(patient, routine.id(), "h", levels);
    int i = 0;
    for (int guard = 0; guard < 2000 && s.outcome() == null; guard++) {
      Event e;
      if (s.screen() == Screen.PAIN) {
        s = apply(coach, s, new Event.Digit(i < pain.length ? pain[i] : pain[pain.length - 1]),
            clock.nanoTime(), rec);
        i++;
        // the symptoms reach the back (the first answer of a session has no default)
        while (routine.painRule().spreadCounts() && s.draftRegion().orElse(-1) < 1) {
          s = apply(coach, s, Event.Key.DOWN, clock.nanoTime(), rec);
        }
        e = Event.Key.CONFIRM;
      } else if (s.screen() == Screen.NEXT_MORNING) {
        e = worse ? Event.Key.YES : Event.Key.NO;
      } else if (s.screen() == Screen.SCREENING || s.screen() == Screen.OFFER_HARDER
          || s.screen() == Screen.SERIOUS_SIGNS) {
        e = Event.Key.NO;
      } else if (s.screen() == Screen.INTRO && s.exercise() > 0) {
        e = Event.Key.SKIP;
      } else if (coach.nextWake(s, clock.nanoTime()).isPresent()) {
        clock.advanceNanos(coach.nextWake(s, clock.nanoTime()).getAsLong() - clock.nanoTime());
        e = new Event.Tick();
      } else {
        e = Event.Key.CONFIRM;
      }
      s = apply(coach, s, e, clock.nanoTime(), rec);
    }
  }

  private static SessionState apply(Coach coach, SessionState s, Event e, long now,
      SessionRecorder rec) throws Exception {
    Transition t = coach.update(s, e, now);
    for (Effect fx : t.effects()) {
      rec.apply(fx);
    }
    return t.state();
  }
}
