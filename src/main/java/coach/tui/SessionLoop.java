package coach.tui;

import coach.session.Effect;
import coach.session.Event;
import coach.store.StoreException;
import coach.tui.words.Messages;
import com.googlecode.lanterna.TerminalRectangle;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * Runs an {@link App} on a terminal. One thread (the caller of {@link #run}) owns the screen: it
 * takes an event, updates the app, carries out the effects, draws and refreshes, with one write
 * to the terminal per frame. An input thread turns keys into events; ticks come from waiting on
 * the queue only until the app's next wake, so nothing polls while nothing is timed.
 */
public final class SessionLoop {
  /** Carries out the effects that persist something; must be durable when it returns. */
  @FunctionalInterface
  public interface EffectSink {
    void accept(Effect effect) throws Exception;
  }

  /** The window is too small below this; a message asks for a larger one. */
  private final int minColumns;
  private final int minRows;
  private final Terminal terminal;
  private final App app;
  /** Stamps each event with its moment, and says how long until a wake is due. */
  private final Clock clock;
  private final boolean quiet;
  private final EffectSink sink;
  /** Confirmed effects the store could not take yet, oldest first. */
  private final java.util.ArrayDeque<Effect> unsaved = new java.util.ArrayDeque<>();
  private StoreException unsavedProblem;
  private boolean exitWhenSaved;
  private java.util.function.Consumer<Exception> saveLog = ex -> { };
  private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final Object idle = new Object();
  private long posted;
  private long processed;
  private volatile boolean running;
  private boolean readKeys = true;
  private java.util.function.LongConsumer tickLateness = late -> { };
  private java.util.function.BooleanSupplier keptLocally;
  private boolean shownKeptLocally;
  private Screen screen;
  private Screen started;
  /** Whether the window showed the app at the last frame (else it asked for another size). */
  private boolean shown = true;
  /** The screen holds a whole frame of the app, nothing drawn over it that may go away. */
  private boolean wholeFrameShown;
  /** Frames drawn by their ticking areas alone (for tests). */
  private long partialFrames;
  /** On a shared scheduler (see {@link #start}): the session's serial executor, else null. */
  private LoopScheduler.Serial serial;
  private LoopScheduler shared;
  private java.util.function.Consumer<Throwable> ended;
  /** Cancels the pending wake (a tick, or a look at the history's keeping); null when none. */
  private Runnable cancelWake;
  private long wakeGeneration;
  private boolean done;

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
    this.sink = sink;
    this.minColumns = minColumns;
    this.minRows = minRows;
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
  public SessionLoop observeTicks(java.util.function.LongConsumer lateness) {
    this.tickLateness = lateness;
    return this;
  }

  /**
   * Shows a line saying the history is kept on this computer for now whenever the supplier says
   * so (a clinic database that cannot be reached); looked at about every second.
   */
  public SessionLoop showKeptLocally(java.util.function.BooleanSupplier supplier) {
    this.keptLocally = supplier;
    return this;
  }

  /** Hands an event to the loop from any thread (keys, signals, a dropped link, tests). */
  public void post(Event e) {
    LoopScheduler.Serial on;
    synchronized (idle) {
      posted++;
      on = serial;
      if (on == null) {
        queue.add(e);
        return;
      }
    }
    on.execute(() -> step(e, true));
  }

  /** How many frames were drawn by their ticking areas alone (for tests). */
  long partialFrames() {
    return partialFrames;
  }

  /** Waits until every event posted so far has been processed and drawn (for tests). */
  public void awaitIdle(long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    synchronized (idle) {
      while (processed < posted && running) {
        long left = end - System.currentTimeMillis();
        if (left <= 0) {
          throw new IllegalStateException("loop did not become idle");
        }
        idle.wait(left);
      }
    }
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
    openScreen();
    try {
      terminal.addResizeListener((t, size) -> post(new Event.Tick()));
      if (readKeys) {
        Thread input = new Thread(this::readKeys, "coach-input");
        input.setDaemon(true);
        input.start();
      }
      render();
      while (running) {
        OptionalLong wake = app.nextWakeNanos();
        Event e;
        boolean fromQueue = true;
        long look = keptLocally == null ? Long.MAX_VALUE : STATUS_EVERY_NANOS;
        if (wake.isPresent()) {
          long delay = clock.realDelayUntil(wake.getAsLong());
          long due = System.nanoTime() + Math.max(0, delay);
          e = delay <= 0 ? queue.poll()
              : queue.poll(Math.min(delay, look), TimeUnit.NANOSECONDS);
          if (e == null && System.nanoTime() - due < 0) {
            statusChanged();
            continue;
          }
          if (e == null) {
            e = new Event.Tick();
            fromQueue = false;
            tickLateness.accept(System.nanoTime() - due);
          }
        } else if (keptLocally == null) {
          e = queue.take();
        } else {
          e = queue.poll(look, TimeUnit.NANOSECONDS);
          if (e == null) {
            statusChanged();
            continue;
          }
        }
        try {
          handle(e);
        } finally {
          if (fromQueue) {
            synchronized (idle) {
              processed++;
              idle.notifyAll();
            }
          }
        }
      }
    } finally {
      running = false;
      synchronized (idle) {
        idle.notifyAll();
      }
      closeScreen();
    }
  }

  /**
   * Takes over the screen (private mode, no cursor), or goes on with the one {@link #drawOnce}
   * started: a frame is on it already, so the first refresh sends only what differs.
   */
  private void openScreen() throws IOException {
    if (started != null) {
      screen = started;
    } else {
      screen = new DeltaScreen(terminal);
      screen.startScreen();
    }
    try {
      screen.setCursorPosition(null);
    } catch (RuntimeException e) {
      closeScreen();
      throw e;
    }
  }

  /** Leaves the screen, when there is one; a terminal that is gone needs nothing more. */
  private void closeScreen() {
    if (screen == null) {
      return;
    }
    try {
      screen.stopScreen();
    } catch (IOException | RuntimeException ignored) {
      // the terminal may be gone (a dropped link); nothing more to restore on it
    }
  }

  /** What a key read from the terminal means now: the end of input, or the app's event. */
  private Event eventOf(KeyStroke k) {
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
    once.openScreen();
    try {
      once.render();
    } catch (IOException | RuntimeException e) {
      once.closeScreen();
      throw e;
    }
    return once.screen;
  }

  /** Runs on a screen that {@link #drawOnce} started on the same terminal. */
  public SessionLoop continueOn(Screen startedScreen) {
    this.started = startedScreen;
    return this;
  }

  /** Tells where a failed save is logged (the message on screen is one line). */
  public SessionLoop onSaveFailure(java.util.function.Consumer<Exception> log) {
    this.saveLog = log;
    return this;
  }

  private void handle(Event e) throws IOException {
    if (!unsaved.isEmpty()) {
      whileUnsaved(e);
    } else {
      carryOut(app.update(e, clock.nanoTime()));
    }
    if (running) {
      render();
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
      } else if (!save(fx)) {
        unsaved.add(fx);
        // the person reads the problem; a running timer waits for them
        carryOut(app.update(Event.Key.PAUSE, clock.nanoTime()));
      }
    }
  }

  /** True when saved; false (and the problem kept for the screen) when the store refused. */
  private boolean save(Effect fx) throws IOException {
    try {
      sink.accept(fx);
      unsavedProblem = null;
      return true;
    } catch (StoreException ex) {
      unsavedProblem = ex;
      saveLog.accept(ex);
      return false;
    } catch (IOException | RuntimeException ex) {
      throw ex;
    } catch (Exception ex) {
      throw new IOException(ex);
    }
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
      while (!unsaved.isEmpty() && save(unsaved.peekFirst())) {
        unsaved.removeFirst();
      }
      if (unsaved.isEmpty() && exitWhenSaved) {
        running = false;
      }
    }
  }

  private static final long STATUS_EVERY_NANOS = 1_000_000_000L;

  /** Redraws when the history's keeping changed since the last frame. */
  private void statusChanged() throws IOException {
    if (keptLocally.getAsBoolean() != shownKeptLocally) {
      render();
    }
  }

  private void render() throws IOException {
    TerminalSize resized = screen.doResizeIfNecessary();
    TerminalSize size = resized == null ? screen.getTerminalSize() : resized;
    if (resized == null && wholeFrameShown && renderTicking(size)) {
      return;
    }
    boolean fits = !windowTooLarge(size)
        && size.getColumns() >= minColumns && size.getRows() >= minRows;
    if (fits != shown) {
      // the app holds its timers while it cannot be seen, and runs them on when it is again
      shown = fits;
      carryOut(app.windowShown(fits, clock.nanoTime()));
    }
    screen.clear();
    TextGraphics g = screen.newTextGraphics();
    wholeFrameShown = false;
    if (windowTooLarge(size)) {
      tooLarge(g, size, app.words());
    } else if (size.getColumns() < minColumns || size.getRows() < minRows) {
      tooSmall(g, size, app.words());
    } else {
      app.draw(g, size);
      shownKeptLocally = keptLocally != null && keptLocally.getAsBoolean();
      if (shownKeptLocally) {
        keptLocallyLine(g, size, app.words());
      }
      if (!unsaved.isEmpty()) {
        NotSaved.draw(g, size, app.words(), unsavedProblem);
      } else {
        wholeFrameShown = true;
      }
    }
    // after a resize the terminal's old content is unknown: redraw everything once
    screen.refresh(resized == null ? Screen.RefreshType.DELTA : Screen.RefreshType.COMPLETE);
  }

  /**
   * Draws only the areas that changed with the clock alone (a countdown's digits and bar), on the
   * whole frame shown last, when nothing else on it can have changed: the app says its state is
   * the same, and what the loop itself draws over it (the history's keeping) is unchanged and
   * on other rows. Returns false when the whole frame must be drawn.
   */
  private boolean renderTicking(TerminalSize size) throws IOException {
    List<TerminalRectangle> areas = app.tickingAreas(size);
    if (areas == null || !(screen instanceof DeltaScreen delta)) {
      return false;
    }
    boolean kept = keptLocally != null && keptLocally.getAsBoolean();
    if (kept != shownKeptLocally) {
      return false;
    }
    for (TerminalRectangle a : areas) {
      if (kept && a.y <= size.getRows() - 2 && size.getRows() - 2 < a.yAndHeight) {
        return false;
      }
    }
    delta.clear(areas);
    app.drawTicking(screen.newTextGraphics(), size);
    partialFrames++;
    delta.refresh(areas);
    return true;
  }

  /** Right-aligned above the keys: the history is kept here until the database is back. */
  static void keptLocallyLine(TextGraphics g, TerminalSize size, Messages m) {
    String text = m.get("history.keptLocally");
    if (text.length() + 2 > size.getColumns()) {
      text = m.get("history.keptLocally.short");
    }
    String shown = coach.tui.view.Canvas.fit(" " + text + " ", size.getColumns());
    g.putString(Math.max(0, size.getColumns() - shown.length()), size.getRows() - 2, shown,
        com.googlecode.lanterna.SGR.REVERSE);
  }

  /** Asks for a larger window in as many words as fit, down to 1x1. */
  static void tooSmall(TextGraphics g, TerminalSize size, Messages m) {
    ask(g, size, new String[] {m.get("tooSmall.long"), m.get("tooSmall.short"),
      m.get("tooSmall.word"), "+"});
  }

  /**
   * Whether the window is one the terminal does not draw (see {@link WindowBounds}): its screen
   * is a small stand-in; a terminal that does not bound its size is judged by the size itself.
   */
  private boolean windowTooLarge(TerminalSize size) {
    return (terminal instanceof WindowBounds.Bounded b && b.windowTooLarge())
        || WindowBounds.tooLarge(size.getColumns(), size.getRows());
  }

  /** Asks for a smaller window, on the stand-in screen of one too large to draw. */
  static void tooLarge(TextGraphics g, TerminalSize size, Messages m) {
    ask(g, size, new String[] {m.get("tooLarge.long"), m.get("tooLarge.short"),
      m.get("tooLarge.word"), "-"});
  }

  /** The first of these that fits, in the middle of the screen. */
  private static void ask(TextGraphics g, TerminalSize size, String[] tries) {
    int w = size.getColumns();
    int h = size.getRows();
    for (String t : tries) {
      if (t.length() <= w) {
        g.putString(Math.max(0, (w - t.length()) / 2), Math.max(0, h / 2), t);
        return;
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
  // ---- Without a thread of its own: the SSH server's sessions share one timer and a few
  // workers. Every method below runs on the session's serial executor, so the app, effects,
  // drawing and terminal are used by one thread at a time, as on the loop's own thread above.

  /**
   * Starts the loop on a shared scheduler and returns at once; {@link #run} is not called. The
   * screen is started and drawn, then each event, due tick and look at the history's keeping is
   * handled on {@code serial} (the session's own: tasks already given to it run first). Keys are
   * not read by a thread: the owner calls {@link #keysArrived} when bytes wait in the terminal's
   * input and {@link #keysEnded} when there will be no more. {@code ended} is told, on the
   * session's executor, when the loop has ended and the screen is stopped: with null, or with
   * what failed (as {@link #run} would have thrown it).
   */
  public void start(LoopScheduler scheduler, LoopScheduler.Serial serial,
      java.util.function.Consumer<Throwable> ended) {
    this.shared = scheduler;
    this.ended = ended;
    synchronized (idle) {
      // set before begin is handed over: begin asks for its first wake on this executor
      this.serial = serial;
      serial.execute(this::begin);
      for (Event e = queue.poll(); e != null; e = queue.poll()) {
        Event posted = e;
        serial.execute(() -> step(posted, true));
      }
    }
  }

  /** Bytes wait in the terminal's input: they are decoded and handled as keys, in order. */
  public void keysArrived() {
    LoopScheduler.Serial on = serial;
    if (on != null) {
      on.execute(() -> readAvailableKeys(false));
    }
  }

  /** The input has ended (the link closed): what is left is read, then the session ends. */
  public void keysEnded() {
    LoopScheduler.Serial on = serial;
    if (on != null) {
      on.execute(() -> readAvailableKeys(true));
    }
  }

  private void begin() {
    try {
      running = true;
      openScreen();
      terminal.addResizeListener((t, size) -> post(new Event.Tick()));
      render();
      arm();
    } catch (Throwable e) { // NOPMD: told to the owner, as run() would have thrown it
      finish(e);
    }
  }

  private void step(Event e, boolean counted) {
    try {
      if (!done) {
        handle(e);
        afterStep();
      }
    } catch (Throwable ex) { // NOPMD: told to the owner, as run() would have thrown it
      finish(ex);
    } finally {
      if (counted) {
        synchronized (idle) {
          processed++;
          idle.notifyAll();
        }
      }
    }
  }

  private void afterStep() {
    if (running) {
      arm();
    } else {
      finish(null);
    }
  }

  /** The keys waiting in the terminal's input, as the input thread of {@link #run} reads them. */
  private void readAvailableKeys(boolean inputEnded) {
    while (running && !done) {
      Event e;
      try {
        KeyStroke k = terminal.pollInput();
        if (k == null) {
          break;
        }
        e = eventOf(k);
        if (e == null) {
          continue;
        }
      } catch (IOException | RuntimeException ex) {
        e = new Event.Interrupt("terminal input failed");
      }
      step(e, false);
    }
    if (inputEnded && running && !done) {
      step(new Event.Interrupt("input closed"), false);
    }
  }

  /**
   * Asks the timer for the next wake: the app's next tick, or sooner a look at the history's
   * keeping (every second, only when that can change). Replaces any wake asked for before.
   */
  private void arm() {
    Runnable cancel = cancelWake;
    cancelWake = null;
    if (cancel != null) {
      cancel.run();
    }
    long generation = ++wakeGeneration;
    OptionalLong wake = app.nextWakeNanos();
    long look = keptLocally == null ? Long.MAX_VALUE : STATUS_EVERY_NANOS;
    long now = shared.nanoTime();
    if (wake.isPresent()) {
      long delay = clock.realDelayUntil(wake.getAsLong());
      long due = now + Math.max(0, delay);
      cancelWake = shared.schedule(serial, () -> woken(generation, true, due),
          delay <= 0 ? 0 : Math.min(delay, look));
    } else if (keptLocally != null) {
      cancelWake = shared.schedule(serial, () -> woken(generation, false, 0), look);
    }
  }

  private void woken(long generation, boolean timed, long due) {
    if (done || generation != wakeGeneration) {
      return; // a wake asked for before the last event moved it
    }
    cancelWake = null;
    try {
      long late = shared.nanoTime() - due;
      if (timed && late >= 0) {
        tickLateness.accept(late);
        handle(new Event.Tick());
      } else if (keptLocally != null) {
        statusChanged();
      }
      afterStep();
    } catch (Throwable ex) { // NOPMD: told to the owner, as run() would have thrown it
      finish(ex);
    }
  }

  /** The loop's end on a shared scheduler: the wake cancelled, the screen stopped, the owner told. */
  private void finish(Throwable failure) {
    if (done) {
      return;
    }
    boolean midSession = failure != null && running;
    done = true;
    running = false;
    Runnable cancel = cancelWake;
    cancelWake = null;
    if (cancel != null) {
      cancel.run();
    }
    synchronized (idle) {
      idle.notifyAll();
    }
    if (midSession) {
      endUndrawn();
    }
    closeScreen();
    ended.accept(failure);
  }

  /**
   * The session's work failed while it ran (most often its terminal: a link gone, a client that
   * took nothing for too long). The app is told, as a closed connection would tell it, and what
   * it asks to save is saved, with nothing drawn: the session ends in the history as interrupted
   * instead of staying open (and marked live) with no one in it. Events after this find the loop
   * done.
   */
  private void endUndrawn() {
    if (!unsaved.isEmpty()) {
      return; // the history refused before: the session stays open in it, to be resumed
    }
    try {
      for (Effect fx : app.update(new Event.Interrupt("terminal failed"), clock.nanoTime())) {
        if (!(fx instanceof Effect.Bell) && !(fx instanceof Effect.Exit) && !save(fx)) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      saveLog.accept(e);
    }
  }
}
