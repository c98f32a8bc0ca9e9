package coach.app;

import coach.kiosk.KioskApp;
import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.session.Coach;
import coach.session.Effect;
import coach.session.Event;
import coach.session.Outcome;
import coach.ssh.SessionFactory;
import coach.store.AlreadyRunning;
import coach.store.CarryOver;
import coach.store.HistoryStore;
import coach.store.SessionRecorder;
import coach.store.StoreException;
import coach.tui.SessionLoop;
import coach.tui.Voice;
import coach.tui.Clock;
import coach.tui.CoachApp;
import coach.tui.Keys;
import coach.tui.PacedClock;
import coach.tui.SpokenCues;
import coach.tui.view.Style;
import coach.tui.view.Views;
import com.googlecode.lanterna.terminal.Terminal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One patient's session on one terminal: the carry-over plan from the history, the core and its
 * views, the loop, and the recorder every effect goes through. Holds nothing static, so one
 * process can run many (the SSH server runs one per connection).
 */
public final class CoachSession {
  private final CoachApp app;
  private final SessionRecorder recorder;
  private final SessionLoop loop;

  private CoachSession(CoachApp app, SessionRecorder recorder, SessionLoop loop) {
    this.app = app;
    this.recorder = recorder;
    this.loop = loop;
  }

  /** A session ready to run on some loop: its app and where its effects are recorded. */
  public record Planned(CoachApp app, SessionRecorder recorder, SessionLoop.EffectSink sink) {
    /** What a start screen (a kiosk's, a connection's) runs next. */
    public KioskApp.Begun begun() {
      return new KioskApp.Begun(app, sink);
    }
  }

  /**
   * Plans a session from the patient's history and records its start; the caller runs it on a
   * loop, which hands it the time (the kiosk runs one after another on the same terminal).
   */
  public static Planned plan(LoadResult loaded, HistoryStore store, String patient, Style style)
      throws StoreException, AlreadyRunning {
    return plan(loaded, store, patient, style, null);
  }

  /**
   * As {@link #plan(LoadResult, HistoryStore, String, Style)}, saying the cues aloud through
   * {@code voice} (null: silent).
   */
  public static Planned plan(LoadResult loaded, HistoryStore store, String patient, Style style,
      Voice voice) throws StoreException, AlreadyRunning {
    return plan(loaded, store, patient, style, voice, null);
  }

  /**
   * As {@link #plan(LoadResult, HistoryStore, String, Style, Voice)}, telling {@code alerts}
   * (null: nobody) when the session records what the clinician may need to hear.
   */
  public static Planned plan(LoadResult loaded, HistoryStore store, String patient, Style style,
      Voice voice, AlertService alerts) throws StoreException, AlreadyRunning {
    java.util.Optional<HistoryStore.Live> live = store.live(patient);
    if (live.isPresent()) {
      throw new AlreadyRunning(patient, live.get());
    }
    Routine routine = loaded.routine();
    java.time.Instant now = java.time.Instant.now();
    CarryOver.Plan plan = CarryOver.plan(routine, store, patient, now);
    Attendance week = Attendance.of(store, patient, routine, now,
        java.time.ZoneId.systemDefault());
    CoachApp app = new CoachApp(new Coach(routine, plan.options(),
        Keys.yesKey(style.words())), style, week.week());
    if (voice != null) {
      app.observe(new SpokenCues(voice, style.words()));
    }
    Map<String, Integer> startLevels = new LinkedHashMap<>();
    for (int i = 0; i < routine.exercises().size(); i++) {
      startLevels.put(routine.exercises().get(i).id(), app.state().level(i));
    }
    SessionRecorder recorder = store.begin(patient, routine.id(), loaded.sha256(), startLevels);
    SessionLoop.EffectSink sink = effect -> {
      recorder.apply(effect);
      if (effect instanceof Effect.ResumeAnswered && plan.interrupted() != null) {
        store.settleInterrupted(plan.interrupted().id());
      }
      if (alerts != null && forTheClinician(effect)) {
        alerts.patientChanged(patient);
      }
    };
    return new Planned(app, recorder, sink);
  }

  /**
   * What may call for an alert: a red flag, the contact card, a stop for today, the morning
   * after, the start, the end.
   */
  static boolean forTheClinician(Effect effect) {
    return effect instanceof Effect.RecordRedFlag || effect instanceof Effect.RecordContactShown
        || effect instanceof Effect.RecordStopForToday
        || effect instanceof Effect.RecordNextMorning || effect instanceof Effect.SessionEnded
        || effect instanceof Effect.RecordRating r
            && r.rating().kind() == coach.session.Rating.Kind.BASELINE;
  }

  /** How the SSH server begins each connection's sessions: planned over this history. */
  public static SessionFactory forServer(HistoryStore store) {
    return forServer(store, null);
  }

  /** As {@link #forServer(HistoryStore)}, telling {@code alerts} what the clinician may need. */
  public static SessionFactory forServer(HistoryStore store, AlertService alerts) {
    return forServer(store, alerts, null, null);
  }

  /**
   * As {@link #forServer(HistoryStore, AlertService)}, with the clinic board for clinician
   * logins, showing reports through {@code reports} (null: no board).
   */
  public static SessionFactory forServer(HistoryStore store, AlertService alerts,
      ClinicView.Reports reports,
      java.util.function.Function<String, java.util.Optional<Routine>> routines) {
    return new SessionFactory() {
      @Override
      public coach.tui.ClinicBoard board(Style style, Clock clock, String by) {
        if (reports == null) {
          throw new UnsupportedOperationException("no clinic board on this server");
        }
        return new coach.tui.ClinicBoard(new ClinicView(store, routines, reports, by,
            java.time.ZoneId.systemDefault()), clock::nanoTime, style,
            java.time.ZoneId.systemDefault());
      }

      @Override
      public KioskApp.Begun begin(LoadResult routine, String patient, Style style)
          throws Exception {
        return plan(routine, store, patient, style, null, alerts).begun();
      }

      @Override
      public java.util.function.BooleanSupplier keptLocally() {
        return keptLocallyOf(store);
      }
    };
  }

  /** What a loop looks at to say the history is kept here for now; null for a local file. */
  static java.util.function.BooleanSupplier keptLocallyOf(HistoryStore store) {
    return store.remote() ? store::keptLocally : null;
  }

  /**
   * Plans the session from the patient's history and records its start; {@code voice} says the
   * cues aloud (null: silent).
   */
  public static CoachSession prepare(Terminal terminal, LoadResult loaded, HistoryStore store,
      String patient, Style style, double pace, boolean quiet, Voice voice, AlertService alerts)
      throws StoreException, AlreadyRunning {
    Planned p = plan(loaded, store, patient, style, voice, alerts);
    SessionLoop loop = new SessionLoop(terminal, p.app(), new PacedClock(pace), quiet, p.sink(),
        Views.MIN_COLUMNS, Views.MIN_ROWS);
    if (keptLocallyOf(store) != null) {
      loop.showKeptLocally(keptLocallyOf(store));
    }
    return new CoachSession(p.app(), p.recorder(), loop);
  }

  /** Runs on the screen that already shows this session's welcome (drawn while it was planned). */
  public CoachSession continueOn(com.googlecode.lanterna.screen.Screen started) {
    loop.continueOn(started);
    return this;
  }

  /** Where the details of a save that failed (a full disk) are logged. */
  public CoachSession onSaveFailure(java.util.function.Consumer<Exception> log) {
    loop.onSaveFailure(log);
    return this;
  }

  /** Hands an event to the session from any thread (a signal, a dropped link). */
  public void post(Event e) {
    loop.post(e);
  }

  /**
   * Runs until the session ends. A loop that stopped without the core ending the session (the
   * terminal went away) is recorded as interrupted.
   */
  public Outcome run() throws Exception {
    try {
      loop.run();
    } finally {
      if (app.state().outcome() == null) {
        recorder.apply(new Effect.SessionEnded(Outcome.INTERRUPTED));
      }
    }
    return app.state().outcome() == null ? Outcome.INTERRUPTED : app.state().outcome();
  }
}
