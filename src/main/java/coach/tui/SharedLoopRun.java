package coach.tui;

import coach.session.Event;
import com.googlecode.lanterna.input.KeyStroke;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A {@link SessionLoop} without a thread of its own: the SSH server's sessions share one timer
 * and a few workers. Every method here runs on the session's serial executor, so the app,
 * effects, drawing and terminal are used by one thread at a time, as on the loop's own thread.
 * It holds what only this way of running needs: the executor, the pending wake, the end.
 */
final class SharedLoopRun {
  private final SessionLoop loop;
  private final LoopFrames frames;
  private final LoopInbox inbox;
  private final LoopScheduler scheduler;
  private final LoopScheduler.Serial serial;
  private final Consumer<Throwable> ended;
  /** Cancels the pending wake (a tick, or a look at the history's keeping); null when none. */
  private Runnable cancelWake;
  private long wakeGeneration;
  private boolean done;

  SharedLoopRun(SessionLoop loop, LoopFrames frames, LoopInbox inbox, LoopScheduler scheduler,
      LoopScheduler.Serial serial, Consumer<Throwable> ended) {
    this.loop = loop;
    this.frames = frames;
    this.inbox = inbox;
    this.scheduler = scheduler;
    this.serial = serial;
    this.ended = ended;
  }

  /** An event posted from any thread, handled in order on the session's executor. */
  void post(Event e) {
    serial.execute(() -> step(e, true));
  }

  /** Bytes wait in the terminal's input: they are decoded and handled as keys, in order. */
  void keysArrived() {
    serial.execute(() -> readAvailableKeys(false));
  }

  /** The input has ended (the link closed): what is left is read, then the session ends. */
  void keysEnded() {
    serial.execute(() -> readAvailableKeys(true));
  }

  /** Hands the beginning to the session's executor, before any event. */
  void beginOnExecutor() {
    serial.execute(this::begin);
  }

  /** The screen started and drawn, the first wake asked for. */
  private void begin() {
    try {
      loop.setRunning(true);
      frames.open();
      loop.terminal().addResizeListener((t, size) -> loop.post(new Event.Tick()));
      frames.render();
      arm();
    } catch (Throwable e) { // NOPMD: told to the owner, as run() would have thrown it
      finish(e);
    }
  }

  private void step(Event e, boolean counted) {
    try {
      if (!done) {
        loop.handle(e);
        afterStep();
      }
    } catch (Throwable ex) { // NOPMD: told to the owner, as run() would have thrown it
      finish(ex);
    } finally {
      if (counted) {
        inbox.processedOne();
      }
    }
  }

  private void afterStep() {
    if (loop.running()) {
      arm();
    } else {
      finish(null);
    }
  }

  /** The keys waiting in the terminal's input, as the input thread of the loop reads them. */
  private void readAvailableKeys(boolean inputEnded) {
    while (loop.running() && !done) {
      Event e;
      try {
        KeyStroke k = loop.terminal().pollInput();
        if (k == null) {
          break;
        }
        e = loop.eventOf(k);
        if (e == null) {
          continue;
        }
      } catch (IOException | RuntimeException ex) {
        e = new Event.Interrupt("terminal input failed");
      }
      step(e, false);
    }
    if (inputEnded && loop.running() && !done) {
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
    OptionalLong wake = loop.app().nextWakeNanos();
    boolean watches = frames.watchesKeeping();
    long look = watches ? SessionLoop.STATUS_EVERY_NANOS : Long.MAX_VALUE;
    long now = scheduler.nanoTime();
    if (wake.isPresent()) {
      long delay = loop.clock().realDelayUntil(wake.getAsLong());
      long due = now + Math.max(0, delay);
      cancelWake = scheduler.schedule(serial, () -> woken(generation, true, due),
          delay <= 0 ? 0 : Math.min(delay, look));
    } else if (watches) {
      cancelWake = scheduler.schedule(serial, () -> woken(generation, false, 0), look);
    }
  }

  private void woken(long generation, boolean timed, long due) {
    if (done || generation != wakeGeneration) {
      return; // a wake asked for before the last event moved it
    }
    cancelWake = null;
    try {
      long late = scheduler.nanoTime() - due;
      if (timed && late >= 0) {
        loop.tickLateness().accept(late);
        loop.handle(new Event.Tick());
      } else if (frames.watchesKeeping()) {
        frames.statusChanged();
      }
      afterStep();
    } catch (Throwable ex) { // NOPMD: told to the owner, as run() would have thrown it
      finish(ex);
    }
  }

  /** The loop's end: the wake cancelled, the screen stopped, the owner told. */
  private void finish(Throwable failure) {
    if (done) {
      return;
    }
    boolean midSession = failure != null && loop.running();
    done = true;
    loop.setRunning(false);
    Runnable cancel = cancelWake;
    cancelWake = null;
    if (cancel != null) {
      cancel.run();
    }
    inbox.wakeWaiters();
    if (midSession) {
      loop.endUndrawn();
    }
    frames.close();
    ended.accept(failure);
  }
}
