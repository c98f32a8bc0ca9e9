package coach.tui;

import coach.session.Effect;
import coach.session.Event;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

/**
 * Runs an {@link App} on a terminal. One thread (the caller of {@link #run}) owns the screen: it
 * takes an event, updates the app, carries out the effects, draws and refreshes, with one write
 * to the terminal per frame. An input thread turns keys into events; ticks come from waiting on
 * the queue only until the app's next wake, so nothing polls while nothing is timed. The screen
 * and its frames are {@link LoopFrames}'; running on a shared scheduler instead of a thread of
 * its own is {@link SharedLoopRun}'s.
 */
public final class SessionLoop {
  /** Carries out the effects that persist something; must be durable when it returns. */
  @FunctionalInterface
  public interface EffectSink {
    void accept(Effect effect) throws Exception;
  }

  /** How often the history's keeping is looked at, when it can change. */
  static final long STATUS_EVERY_NANOS = 1_000_000_000L;

  private final Terminal terminal;
  private final App app;
  /** Stamps each event with its moment, and says how long until a wake is due. */
  private final Clock clock;
  private final boolean quiet;
  /** The screen and its frames. */
  private final LoopFrames frames;
  /** Confirmed effects the store could not take yet, and how effects are saved. */
  private final UnsavedEffects unsaved;
  private boolean exitWhenSaved;
  /** The events handed to the loop, and how many were handled. */
  private final LoopInbox inbox = new LoopInbox();
  private volatile boolean running;
  private boolean readKeys = true;
  private LongConsumer tickLateness = late -> { };
  /** On a shared scheduler (see {@link #start}): how the loop runs there, else null. */
  private SharedLoopRun shared;

  /**
   * @param clock the session's time: each event is handed to the app with the moment the loop
   *     takes it, and a wake waits until this clock reads its time
   */
  public SessionLoop(Terminal terminal, App app, Clock clock, boolean quiet, EffectSink sink,
      int minColumns, int minRows) {
    this.terminal = terminal;
    this.app = app;
    this.clock = clock;
    this.quiet = quiet;
    this.unsaved = new UnsavedEffects(sink);
    this.frames = new LoopFrames(this, unsaved, terminal, app, minColumns, minRows);
  }

  /**
   * For an app that reads a clock of its own: events are stamped with the system's monotonic
   * time, which such an app does not read.
   *
   * @param realDelayUntil real nanoseconds from now until the app's clock reads the given time
   * @deprecated a loop runs on the session's {@link Clock}; kept for the clinic board until it
   *     takes its time from the loop
   */
  @Deprecated
  public SessionLoop(Terminal terminal, App app, LongUnaryOperator realDelayUntil, boolean quiet,
      EffectSink sink, int minColumns, int minRows) {
    this(terminal, app, new Clock() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public long realDelayUntil(long at) {
        return realDelayUntil.applyAsLong(at);
      }
    }, quiet, sink, minColumns, minRows);
  }

  /** Events come only from {@link #post} (a headless pilot drives the loop itself). */
  public SessionLoop withoutKeyboard() {
    readKeys = false;
    return this;
  }

  /** Told, for each timer tick, how many nanoseconds after its due time it was handled. */
  public SessionLoop observeTicks(LongConsumer lateness) {
    this.tickLateness = lateness;
    return this;
  }

  /**
   * Shows a line saying the history is kept on this computer for now whenever the supplier says
   * so (a clinic database that cannot be reached); looked at about every second.
   */
  public SessionLoop showKeptLocally(BooleanSupplier supplier) {
    frames.showKeptLocally(supplier);
    return this;
  }

  /** Hands an event to the loop from any thread (keys, signals, a dropped link, tests). */
  public void post(Event e) {
    inbox.post(e);
  }

  /** How many frames were drawn by their ticking areas alone (for tests). */
  long partialFrames() {
    return frames.partialFrames();
  }

  /** Waits until every event posted so far has been processed and drawn (for tests). */
  public void awaitIdle(long timeoutMillis) throws InterruptedException {
    inbox.awaitIdle(timeoutMillis, this::running);
  }

  public boolean running() {
    return running;
  }

  /**
   * Runs until the app asks to exit. The screen is stopped (private mode left, cursor shown) on
   * every way out of this method; restoring the terminal's line settings is the owner's job.
   */
  public void run() throws IOException, InterruptedException {
    running = true;
    frames.open();
    try {
      terminal.addResizeListener((t, size) -> post(new Event.Tick()));
      if (readKeys) {
        Thread input = new Thread(this::readKeys, "coach-input");
        input.setDaemon(true);
        input.start();
      }
      frames.render();
      while (running) {
        OptionalLong wake = app.nextWakeNanos();
        Event e;
        boolean fromQueue = true;
        boolean watches = frames.watchesKeeping();
        long look = watches ? STATUS_EVERY_NANOS : Long.MAX_VALUE;
        if (wake.isPresent()) {
          long delay = clock.realDelayUntil(wake.getAsLong());
          long due = System.nanoTime() + Math.max(0, delay);
          e = delay <= 0 ? inbox.poll() : inbox.poll(Math.min(delay, look));
          if (e == null && System.nanoTime() - due < 0) {
            frames.statusChanged();
            continue;
          }
          if (e == null) {
            e = new Event.Tick();
            fromQueue = false;
            tickLateness.accept(System.nanoTime() - due);
          }
        } else if (!watches) {
          e = inbox.take();
        } else {
          e = inbox.poll(look);
          if (e == null) {
            frames.statusChanged();
            continue;
          }
        }
        try {
          handle(e);
        } finally {
          if (fromQueue) {
            inbox.processedOne();
          }
        }
      }
    } finally {
      running = false;
      inbox.wakeWaiters();
      frames.close();
    }
  }

  /** What a key read from the terminal means now: the end of input, or the app's event. */
  Event eventOf(KeyStroke k) {
    return k.getKeyType() == KeyType.EOF ? new Event.Interrupt("input closed") : app.key(k);
  }

  /**
   * Takes over the terminal and draws the app's frame once, now, without running it: a first
   * frame shown while what the session needs is read. Hand the screen to the loop that runs next
   * ({@link #continueOn}), or stop it if none will.
   */
  public static Screen drawOnce(Terminal terminal, App app, int minColumns, int minRows)
      throws IOException {
    SessionLoop once = new SessionLoop(terminal, app, () -> 0L, true, fx -> { }, minColumns,
        minRows);
    once.frames.open();
    try {
      once.frames.render();
    } catch (IOException | RuntimeException e) {
      once.frames.close();
      throw e;
    }
    return once.frames.screen();
  }

  /** Runs on a screen that {@link #drawOnce} started on the same terminal. */
  public SessionLoop continueOn(Screen startedScreen) {
    frames.continueOn(startedScreen);
    return this;
  }

  /** Tells where a failed save is logged (the message on screen is one line). */
  public SessionLoop onSaveFailure(Consumer<Exception> log) {
    unsaved.logTo(log);
    return this;
  }

  void handle(Event e) throws IOException {
    if (!unsaved.isEmpty()) {
      whileUnsaved(e);
    } else {
      carryOut(app.update(e, clock.nanoTime()));
    }
    if (running) {
      frames.render();
    }
  }

  /** Carries effects out in order; from the first that cannot be saved on, they wait. */
  private void carryOut(List<Effect> effects) throws IOException {
    for (Effect fx : effects) {
      if (fx instanceof Effect.Bell) {
        if (!quiet) {
          terminal.bell();
        }
      } else if (fx instanceof Effect.Exit) {
        if (unsaved.isEmpty()) {
          running = false;
        } else {
          exitWhenSaved = true;
        }
      } else if (!unsaved.isEmpty()) {
        unsaved.add(fx);
      } else if (!unsaved.save(fx)) {
        unsaved.add(fx);
        // the person reads the problem; a running timer waits for them
        carryOut(app.update(Event.Key.PAUSE, clock.nanoTime()));
      }
    }
  }

  /** The window stopped showing the app, or shows it again: the app is told at this moment. */
  void windowShown(boolean shown) throws IOException {
    carryOut(app.windowShown(shown, clock.nanoTime()));
  }

  /**
   * Something confirmed is not saved yet: Enter tries again (in order, each once), q ends with
   * what was saved (the session stays open in the history, so it is offered for resuming), a
   * signal or a dropped link ends at once. Nothing else reaches the session meanwhile.
   */
  private void whileUnsaved(Event e) throws IOException {
    if (e instanceof Event.Interrupt || e == Event.Key.QUIT) {
      running = false;
    } else if (e == Event.Key.CONFIRM) {
      unsaved.retry();
      if (unsaved.isEmpty() && exitWhenSaved) {
        running = false;
      }
    }
  }

  private void readKeys() {
    try {
      while (running) {
        KeyStroke k = terminal.readInput();
        if (k == null) {
          continue;
        }
        Event e = eventOf(k);
        if (e != null) {
          post(e);
        }
        if (k.getKeyType() == KeyType.EOF) {
          return;
        }
      }
    } catch (IOException | RuntimeException ex) {
      if (running) {
        post(new Event.Interrupt("terminal input failed"));
      }
    }
  }

  /**
   * Starts the loop on a shared scheduler and returns at once; {@link #run} is not called. The
   * screen is started and drawn, then each event, due tick and look at the history's keeping is
   * handled on {@code serial} (the session's own: tasks already given to it run first). Keys are
   * not read by a thread: the owner calls {@link #keysArrived} when bytes wait in the terminal's
   * input and {@link #keysEnded} when there will be no more. {@code ended} is told, on the
   * session's executor, when the loop has ended and the screen is stopped: with null, or with
   * what failed (as {@link #run} would have thrown it). See {@link SharedLoopRun}.
   */
  public void start(LoopScheduler scheduler, LoopScheduler.Serial serial,
      Consumer<Throwable> ended) {
    SharedLoopRun run = new SharedLoopRun(this, frames, inbox, scheduler, serial, ended);
    this.shared = run;
    inbox.handTo(run);
  }

  /** Bytes wait in the terminal's input: they are decoded and handled as keys, in order. */
  public void keysArrived() {
    SharedLoopRun on = shared;
    if (on != null) {
      on.keysArrived();
    }
  }

  /** The input has ended (the link closed): what is left is read, then the session ends. */
  public void keysEnded() {
    SharedLoopRun on = shared;
    if (on != null) {
      on.keysEnded();
    }
  }

  // ---- for SharedLoopRun, which runs this loop on a shared scheduler ----------------------

  Terminal terminal() {
    return terminal;
  }

  App app() {
    return app;
  }

  Clock clock() {
    return clock;
  }

  LongConsumer tickLateness() {
    return tickLateness;
  }

  void setRunning(boolean running) {
    this.running = running;
  }

  /**
   * The session's work failed while it ran (most often its terminal: a link gone, a client that
   * took nothing for too long). The app is told, as a closed connection would tell it, and what
   * it asks to save is saved, with nothing drawn: the session ends in the history as interrupted
   * instead of staying open (and marked live) with no one in it. Events after this find the loop
   * done.
   */
  void endUndrawn() {
    if (!unsaved.isEmpty()) {
      return; // the history refused before: the session stays open in it, to be resumed
    }
    try {
      for (Effect fx : app.update(new Event.Interrupt("terminal failed"), clock.nanoTime())) {
        if (!(fx instanceof Effect.Bell) && !(fx instanceof Effect.Exit) && !unsaved.save(fx)) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      unsaved.log(e);
    }
  }
}
