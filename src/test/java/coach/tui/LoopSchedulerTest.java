package coach.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Effect;
import coach.session.Event;
import coach.tui.ManualClock;
import coach.tui.words.Messages;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many sessions on one shared timer and a few workers, as the SSH server runs them, with time on
 * a manual clock: every session ticks once per second of its countdown, in order with its keys,
 * and no two pieces of one session's work ever run at once.
 */
@Timeout(120)
class LoopSchedulerTest {
  private static final long SECOND = 1_000_000_000L;

  /** A timer whose time is a manual clock: due tasks run when the test moves time. */
  private static final class ManualTimer implements LoopScheduler.Timer {
    private record Wake(long at, long seq, Runnable task, boolean[] cancelled) {}

    private final ManualClock clock;
    private final PriorityQueue<Wake> wakes = new PriorityQueue<>((a, b) -> a.at != b.at
        ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long seq;

    ManualTimer(ManualClock clock) {
      this.clock = clock;
    }

    @Override
    public Runnable schedule(Runnable task, long delayNanos) {
      boolean[] cancelled = {false};
      if (delayNanos <= 0) { // due now: handed on at once, as a real timer does
        task.run();
        return () -> cancelled[0] = true;
      }
      synchronized (this) {
        wakes.add(new Wake(clock.nanoTime() + delayNanos, seq++, task, cancelled));
      }
      return () -> {
        synchronized (this) {
          cancelled[0] = true;
          wakes.removeIf(w -> w.cancelled == cancelled);
        }
      };
    }

    /** Moves the clock and hands every wake now due to its session, in time order. */
    void advance(long nanos) {
      clock.advanceNanos(nanos);
      while (true) {
        Wake w;
        synchronized (this) {
          w = wakes.peek();
          if (w == null || w.at > clock.nanoTime()) {
            return;
          }
          wakes.poll();
        }
        if (!w.cancelled[0]) {
          w.task.run();
        }
      }
    }

    synchronized int pending() {
      return wakes.size();
    }
  }

  /** Workers that run tasks only when the test says so, on the test's thread. */
  private static final class Steps implements java.util.concurrent.Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable r) {
      tasks.add(r);
    }

    void runAll() {
      while (true) {
        Runnable r;
        synchronized (this) {
          r = tasks.poll();
        }
        if (r == null) {
          return;
        }
        r.run();
      }
    }
  }

  /**
   * A countdown of one-second steps on the clock: counts its ticks, keeps every event it saw in
   * order, draws the count, ends on an interrupt, and notes whether two calls ever overlapped.
   */
  private static class Countdown implements App {
    private final ManualClock clock;
    private final int seconds;
    private long nextWake;
    private volatile int ticks;
    final List<Event> seen = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inside = new AtomicInteger();
    volatile boolean overlapped;

    Countdown(ManualClock clock, int seconds) {
      this.clock = clock;
      this.seconds = seconds;
      this.nextWake = clock.nanoTime() + SECOND;
    }

    private void enter() {
      if (inside.incrementAndGet() != 1) {
        overlapped = true;
      }
      Thread.yield(); // give another thread the chance to come in, were that possible
    }

    @Override
    public List<Effect> update(Event event, long now) {
      enter();
      try {
        seen.add(event);
        if (event instanceof Event.Tick && ticks < seconds && now >= nextWake) {
          ticks++;
          nextWake += SECOND;
        }
        return event instanceof Event.Interrupt ? List.of(new Effect.Exit()) : List.of();
      } finally {
        inside.decrementAndGet();
      }
    }

    @Override
    public void draw(TextGraphics g, TerminalSize size) {
      enter();
      try {
        g.putString(0, 0, "left " + (seconds - ticks));
      } finally {
        inside.decrementAndGet();
      }
    }

    @Override
    public OptionalLong nextWakeNanos() {
      return ticks < seconds ? OptionalLong.of(nextWake) : OptionalLong.empty();
    }

    @Override
    public Messages words() {
      return Messages.english();
    }

    int ticks() {
      return ticks;
    }

    List<Event> keys() {
      synchronized (seen) {
        return seen.stream().filter(e -> e instanceof Event.Typed).toList();
      }
    }
  }

  private record Session(Countdown app, DefaultVirtualTerminal terminal, SessionLoop loop,
      List<Object> endings) {}

  private static Session session(LoopScheduler scheduler, ManualClock clock, int seconds,
      List<Long> lateness) {
    Countdown app = new Countdown(clock, seconds);
    DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
    SessionLoop loop = new SessionLoop(terminal, app, clock, true,
        fx -> { }, 20, 10).observeTicks(lateness::add);
    List<Object> endings = Collections.synchronizedList(new ArrayList<>());
    loop.start(scheduler, scheduler.serial(), failure -> endings.add(
        failure == null ? "ended" : failure));
    return new Session(app, terminal, loop, endings);
  }

  private static String firstLine(DefaultVirtualTerminal t) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < 10; c++) {
      sb.append(t.getCharacter(c, 0).getCharacterString());
    }
    return sb.toString().trim();
  }

  @Test
  void aThousandCountdownsOnOneTimerTickOncePerSecondInOrderWithTheirKeys() {
    ManualClock clock = new ManualClock(5 * SECOND);
    ManualTimer timer = new ManualTimer(clock);
    Steps workers = new Steps();
    List<Throwable> lost = new ArrayList<>();
    LoopScheduler scheduler = LoopScheduler.over(timer, clock::nanoTime, workers, lost::add);
    List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      sessions.add(session(scheduler, clock, 60, lateness));
    }
    workers.runAll();
    assertEquals(1000, timer.pending(), "one wake asked for by each session");
    Session typing = sessions.get(7);
    for (int s = 1; s <= 60; s++) {
      timer.advance(SECOND);
      if (s == 10) {
        typing.loop().post(new Event.Typed('a'));
        typing.loop().post(new Event.Typed('b'));
      }
      workers.runAll();
      assertEquals(s == 60 ? 0 : 1000, timer.pending(), "after second " + s);
    }
    for (Session x : sessions) {
      assertEquals(60, x.app().ticks());
      assertEquals("left 0", firstLine(x.terminal()));
      assertTrue(x.loop().running());
      assertTrue(x.endings().isEmpty());
    }
    assertEquals(60_000, lateness.size(), "a tick per second of each countdown, none doubled");
    assertTrue(lateness.stream().allMatch(l -> l == 0), "on time on the manual clock");
    // the keys came between the tenth and the eleventh tick, in the order typed
    List<Event> seen = typing.app().seen;
    int a = seen.indexOf(new Event.Typed('a'));
    assertEquals(new Event.Typed('b'), seen.get(a + 1));
    assertEquals(10, seen.subList(0, a).stream().filter(e -> e instanceof Event.Tick).count());
    for (Session x : sessions) {
      x.loop().post(new Event.Interrupt("test over"));
    }
    workers.runAll();
    for (Session x : sessions) {
      assertEquals(List.of("ended"), x.endings());
      assertTrue(!x.loop().running());
    }
    assertEquals(0, timer.pending());
    assertTrue(lost.isEmpty(), () -> "nothing failed: " + lost);
  }

  @Test
  void oneSessionsWorkNeverOverlapsOnSeveralWorkersAndItsKeysStayInOrder() throws Exception {
    ManualClock clock = new ManualClock(0);
    ManualTimer timer = new ManualTimer(clock);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Throwable> lost = Collections.synchronizedList(new ArrayList<>());
    LoopScheduler scheduler = LoopScheduler.over(timer, clock::nanoTime, pool, lost::add);
    List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sessions.add(session(scheduler, clock, 30, lateness));
    }
    waitFor(() -> timer.pending() == 40); // every session drawn and its first wake asked for
    ExecutorService typists = Executors.newFixedThreadPool(2);
    try {
      for (int s = 1; s <= 30; s++) {
        char letter = (char) ('a' + (s - 1) % 26);
        // keys from two threads at once while the ticks of this second are handled
        var typed = typists.submit(() -> sessions.forEach(x ->
            x.loop().post(new Event.Typed(letter))));
        timer.advance(SECOND);
        typed.get();
        // the next second only once every session has handled this one and asked for the next
        int second = s;
        waitFor(() -> sessions.stream().allMatch(x -> x.app().ticks() == second)
            && timer.pending() == (second == 30 ? 0 : 40));
        for (Session x : sessions) {
          x.loop().awaitIdle(60_000);
        }
      }
    } finally {
      typists.shutdownNow();
    }
    for (Session x : sessions) {
      assertEquals(30, x.app().ticks());
      assertTrue(!x.app().overlapped, "two of one session's calls ran at once");
      List<Event> keys = x.app().keys();
      assertEquals(30, keys.size());
      for (int i = 0; i < 30; i++) {
        assertEquals(new Event.Typed((char) ('a' + i % 26)), keys.get(i));
      }
      x.loop().post(new Event.Interrupt("test over"));
    }
    for (Session x : sessions) {
      x.loop().awaitIdle(60_000);
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
    for (Session x : sessions) {
      assertEquals(List.of("ended"), x.endings());
    }
    assertEquals(1200, lateness.size());
    assertTrue(lost.isEmpty(), () -> "nothing failed: " + lost);
  }

  /** Waits for work on other threads to be done (a test that never gets there times out). */
  private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
    while (!done.getAsBoolean()) {
      Thread.sleep(1);
    }
  }

  @Test
  void aFailureEndsOnlyItsOwnSessionAndIsHandedToItsOwner() {
    ManualClock clock = new ManualClock(0);
    ManualTimer timer = new ManualTimer(clock);
    Steps workers = new Steps();
    LoopScheduler scheduler = LoopScheduler.over(timer, clock::nanoTime, workers, e -> { });
    Session good = session(scheduler, clock, 5, new ArrayList<>());
    Countdown failing = new Countdown(clock, 5) {
      @Override
      public List<Effect> update(Event event, long now) {
        if (event instanceof Event.Tick) {
          throw new IllegalStateException("broken on purpose");
        }
        return super.update(event, now);
      }
    };
    SessionLoop loop = new SessionLoop(new DefaultVirtualTerminal(new TerminalSize(80, 24)),
        failing, clock, true, fx -> { }, 20, 10);
    List<Throwable> failures = new ArrayList<>();
    loop.start(scheduler, scheduler.serial(), failures::add);
    workers.runAll();
    timer.advance(SECOND);
    workers.runAll();
    assertEquals(1, failures.size());
    assertEquals("broken on purpose", failures.get(0).getMessage());
    assertTrue(!loop.running());
    for (int s = 2; s <= 5; s++) {
      timer.advance(SECOND);
      workers.runAll();
    }
    assertEquals(5, good.app().ticks());
    assertTrue(good.endings().isEmpty());
    assertEquals(1, failures.size(), "told once");
  }

  /**
   * A terminal that fails mid-session (a link gone, a client that took nothing for too long):
   * the app is told its link dropped and what it asks to save reaches the sink, so the session
   * ends in the history as interrupted instead of staying open with no one in it.
   */
  @Test
  void aTerminalThatFailsMidSessionEndsItsSessionAsInterrupted() {
    ManualClock clock = new ManualClock(0);
    ManualTimer timer = new ManualTimer(clock);
    Steps workers = new Steps();
    LoopScheduler scheduler = LoopScheduler.over(timer, clock::nanoTime, workers, e -> { });
    Countdown app = new Countdown(clock, 5) {
      @Override
      public List<Effect> update(Event event, long now) {
        List<Effect> fx = super.update(event, now);
        return event instanceof Event.Interrupt
            ? List.of(new Effect.SessionEnded(coach.session.Outcome.INTERRUPTED), fx.get(0))
            : fx;
      }
    };
    boolean[] broken = {false};
    DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24)) {
      @Override
      public void flush() {
        if (broken[0]) {
          throw new java.io.UncheckedIOException(new java.io.IOException("link gone"));
        }
        super.flush();
      }
    };
    List<Effect> saved = new ArrayList<>();
    SessionLoop loop = new SessionLoop(terminal, app, clock, true,
        saved::add, 20, 10);
    List<Throwable> failures = new ArrayList<>();
    loop.start(scheduler, scheduler.serial(), failures::add);
    workers.runAll();
    timer.advance(SECOND);
    workers.runAll();
    assertEquals(1, app.ticks());
    assertTrue(saved.isEmpty());
    broken[0] = true;
    timer.advance(SECOND);
    workers.runAll();
    assertEquals(1, failures.size(), "the owner is told what failed");
    assertEquals("link gone", failures.get(0).getCause().getMessage());
    assertTrue(app.seen.get(app.seen.size() - 1) instanceof Event.Interrupt, app.seen.toString());
    assertEquals(List.of(new Effect.SessionEnded(coach.session.Outcome.INTERRUPTED)), saved);
    loop.post(new Event.Interrupt("connection closed")); // the channel's own word, later
    workers.runAll();
    assertEquals(1, saved.size(), "saved once");
  }
}
