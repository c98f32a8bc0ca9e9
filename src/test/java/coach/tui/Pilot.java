package coach.tui;

import coach.routine.Routine;
import coach.session.Coach;
import coach.session.Effect;
import coach.session.Event;
import coach.session.Screen;
import coach.session.SessionState;
import coach.session.StartOptions;
import coach.tui.view.Style;
import coach.tui.view.Views;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs the real loop on a virtual terminal with a manual clock: press keys, move time, read the
 * screen. Every step waits until the loop has processed it, so tests are deterministic.
 */
final class Pilot implements AutoCloseable {
  final DefaultVirtualTerminal terminal;
  final ManualClock clock = new ManualClock(10_000_000_000L);
  final CoachApp app;
  final SessionLoop loop;
  final List<Effect> persisted = Collections.synchronizedList(new ArrayList<>());
  int bells;
  /** While true, every write to the history fails as it does on a full disk. */
  volatile boolean diskFull;
  private final Thread thread;
  private volatile Throwable failure;

  Pilot(Routine routine, StartOptions options, int cols, int rows) {
    this(routine, options, cols, rows, new Style(false, false));
  }

  /** A pilot whose screens are drawn in this style (and language). */
  Pilot(Routine routine, StartOptions options, int cols, int rows, Style style) {
    terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
    terminal.addVirtualTerminalListener(new com.googlecode.lanterna.terminal.virtual
        .VirtualTerminalListener() {
      @Override
      public void onFlush() {}

      @Override
      public void onBell() {
        bells++;
      }

      @Override
      public void onClose() {}

      @Override
      public void onResized(com.googlecode.lanterna.terminal.Terminal t, TerminalSize s) {}
    });
    app = new CoachApp(new Coach(routine, options, Keys.yesKey(style.words())), style);
    // no automatic ticks: the pilot moves time and ticks itself
    loop = new SessionLoop(terminal, app, clock.withoutWakes(), false, fx -> {
      if (diskFull) {
        throw new coach.store.StoreException("history.db: could not save a pain rating: there"
            + " is no room on the disk (database or disk is full)", null, true);
      }
      persisted.add(fx);
    }, Views.MIN_COLUMNS, Views.MIN_ROWS).withoutKeyboard();
    thread = new Thread(() -> {
      try {
        loop.run();
      } catch (Throwable t) {
        failure = t;
      }
    }, "pilot-loop");
    thread.start();
    waitUntilRunning();
    try {
      press(new Event.Tick()); // the first frame is drawn once this is processed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void waitUntilRunning() {
    long end = System.currentTimeMillis() + 5000;
    while (!loop.running() && System.currentTimeMillis() < end && failure == null) {
      Thread.onSpinWait();
    }
  }

  Pilot press(Event... events) throws InterruptedException {
    for (Event e : events) {
      loop.post(e);
      loop.awaitIdle(5000);
    }
    if (failure != null) {
      throw new AssertionError("the loop failed", failure);
    }
    return this;
  }

  /**
   * Answers no to every safety question on screen: the signs of a serious cause before a first
   * session (when asked), then the red flags.
   */
  Pilot noRedFlags() throws InterruptedException {
    while (state().screen() == Screen.SERIOUS_SIGNS || state().screen() == Screen.SCREENING) {
      press(Event.Key.NO);
    }
    return this;
  }

  Pilot advance(double seconds) throws InterruptedException {
    clock.advanceNanos((long) (seconds * Coach.SECOND));
    return press(new Event.Tick());
  }

  Pilot resize(int cols, int rows) throws InterruptedException {
    terminal.setTerminalSize(new TerminalSize(cols, rows));
    return press(new Event.Tick());
  }

  SessionState state() {
    return app.state();
  }

  String screen() {
    TerminalSize size = terminal.getTerminalSize();
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < size.getRows(); r++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < size.getColumns(); c++) {
        line.append(terminal.getCharacter(c, r).getCharacterString());
      }
      sb.append(line.toString().replaceAll("\\s+$", "")).append('\n');
    }
    return sb.toString();
  }

  boolean finished() throws InterruptedException {
    thread.join(2000);
    return !thread.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (thread.isAlive()) {
      loop.post(new Event.Interrupt("test over"));
      thread.join(2000);
    }
  }
}
