package coach.tui;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What many {@link SessionLoop}s share when none of them may keep a thread of its own (the SSH
 * server's sessions): one timer thread that only hands due wakes on, and a few workers that run
 * each session's work. A session's work runs in order and never two pieces at once ({@link
 * #serial}), on whichever worker is free, so its app, effects, drawing and terminal need no
 * locks; its state stays in its own loop.
 */
public final class LoopScheduler implements AutoCloseable {
  /**
   * Wakes are rounded up to this step of the clock, so the sessions due within one step are
   * handed on together: the timer thread wakes at most a hundred times a second however many
   * sessions run, and a worker takes their ticks one after the other without sleeping between.
   * A tick is up to this much later; the time it shows is read from the clock all the same.
   */
  static final long STEP_NANOS = 10_000_000L;

  /** How many of one session's tasks a worker runs before it lets other sessions go first. */
  private static final int BATCH = 32;

  /** Runs a task after a delay on the timer's thread; returns what cancels it. */
  @FunctionalInterface
  public interface Timer {
    Runnable schedule(Runnable task, long delayNanos);
  }

  private final Timer timer;
  private final java.util.function.LongSupplier nanoTime;
  private final ScheduledThreadPoolExecutor timerThread;
  private final Executor workers;
  private final ThreadPoolExecutor pool;
  private final Consumer<Throwable> lost;

  /**
   * Threads of the given names: one timer, up to {@code workers} workers (they end when idle for
   * a minute). A worker may wait on a disk or a slow client now and then, so there are a few more
   * of them than processors.
   *
   * @param lost told of a failure no session caught (it is logged; nothing reaches a terminal)
   */
  public static LoopScheduler threads(String name, int workers, Consumer<Throwable> lost) {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, name + "-timer");
      t.setDaemon(true);
      return t;
    });
    ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), new java.util.concurrent.ThreadFactory() {
          private final java.util.concurrent.atomic.AtomicInteger n =
              new java.util.concurrent.atomic.AtomicInteger();

          @Override
          public Thread newThread(Runnable r) {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          }
        });
    pool.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true); // a wake moved by a key leaves nothing behind
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    Timer t = (task, delay) -> {
      long wait = 0;
      if (delay > 0) {
        long now = System.nanoTime();
        long at = now + delay;
        wait = at + Math.floorMod(-at, STEP_NANOS) - now;
      }
      ScheduledFuture<?> f = timer.schedule(task, wait, TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    };
    return new LoopScheduler(t, System::nanoTime, timer, pool, pool, lost);
  }

  /**
   * Over a given timer, time and workers (tests: a timer on a manual clock, workers the test
   * chooses).
   */
  public static LoopScheduler over(Timer timer, java.util.function.LongSupplier nanoTime,
      Executor workers, Consumer<Throwable> lost) {
    return new LoopScheduler(timer, nanoTime, null, workers, null, lost);
  }

  private LoopScheduler(Timer timer, java.util.function.LongSupplier nanoTime,
      ScheduledThreadPoolExecutor timerThread, Executor workers, ThreadPoolExecutor pool,
      Consumer<Throwable> lost) {
    this.timer = timer;
    this.nanoTime = nanoTime;
    this.timerThread = timerThread;
    this.workers = workers;
    this.pool = pool;
    this.lost = lost;
  }

  /** The time wakes are measured in, in nanoseconds ({@link System#nanoTime} but in tests). */
  long nanoTime() {
    return nanoTime.getAsLong();
  }

  /** A new serial executor: one session's tasks, in order, one at a time. */
  public Serial serial() {
    return new Serial();
  }

  /** Runs the task on the session's executor after the delay. */
  Runnable schedule(Serial session, Runnable task, long delayNanos) {
    return timer.schedule(() -> session.execute(task), delayNanos);
  }

  @Override
  public void close() {
    if (timerThread != null) {
      timerThread.shutdownNow();
    }
    if (pool != null) {
      pool.shutdown();
    }
  }

  /** One session's tasks: run in the order given, never two at once, on the shared workers. */
  public final class Serial implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>(4);
    private boolean queued;

    private Serial() {}

    @Override
    public void execute(Runnable task) {
      synchronized (this) {
        tasks.add(task);
        if (queued) {
          return;
        }
        queued = true;
      }
      try {
        workers.execute(this::drain);
      } catch (RuntimeException e) { // shut down: the process is ending
        synchronized (this) {
          tasks.clear();
          queued = false;
        }
        lost.accept(e);
      }
    }

    private void drain() {
      for (int i = 0; i < BATCH; i++) {
        Runnable next;
        synchronized (this) {
          next = tasks.poll();
          if (next == null) {
            queued = false;
            return;
          }
        }
        try {
          next.run();
        } catch (Throwable e) { // NOPMD: a session's failure must not stop the worker
          lost.accept(e);
        }
      }
      try {
        workers.execute(this::drain); // others' turn; this session's remaining tasks follow
      } catch (RuntimeException e) {
        synchronized (this) {
          tasks.clear();
          queued = false;
        }
        lost.accept(e);
      }
    }
  }
}
