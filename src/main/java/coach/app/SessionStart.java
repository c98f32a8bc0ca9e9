package coach.app;

import coach.routine.RoutineCatalog;
import coach.session.Event;
import coach.session.Outcome;
import coach.store.AlreadyRunning;
import coach.store.StoreException;
import coach.tui.LocalTerminal;
import coach.tui.SessionLoop;
import coach.tui.WelcomePreview;
import coach.tui.view.Style;
import coach.tui.view.Views;
import coach.tui.words.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * A coach started on this terminal, for one patient or as a kiosk, from what the command line
 * chose ({@link Request}): the screens' words read on a thread of their own while this one takes
 * the terminal; the routine, the clinic's card, the settings, the history, the voice and the
 * alerts opened on another ({@link SessionOpening}); the welcome drawn early when these routine
 * bytes were read before; then the session (or the kiosk) run, and the terminal given back
 * before anything is printed. What cannot be used is said in one line, as it would have been before
 * the terminal was taken. The command only parses; how it ended ({@link Result}) is its exit
 * status.
 */
public final class SessionStart {
  /**
   * What the command line chose.
   *
   * @param routine the routine: a bundled one's name, or a file
   * @param patient whose session this is; with a kiosk, the one patient it serves or null
   * @param kiosk the kiosk to run, or null for one patient's session
   * @param speak --speak: the cues said aloud
   * @param alertCommand --alert-command, or null for the settings' own
   * @param ascii --ascii: plain characters (as on a terminal whose locale is not UTF-8)
   */
  public record Request(String routine, Path dataDir, String db, String patient, LocalKiosk kiosk, boolean speak, String alertCommand,
      Language language, double pace, boolean quiet, boolean ascii, boolean color) {}

  /** How a start ended. */
  public enum Ending {
    /** The session or the kiosk ran and ended: see the outcome and the signal. */
    RAN,
    /** A routine, the clinic's card, the settings or the history cannot be used. */
    UNUSABLE,
    /** A session of the same patient is running now. */
    BUSY,
    /** No terminal that can show the coach. */
    NO_TERMINAL,
    /** A signal came while the history was still opening. */
    SIGNALLED,
    /** The session stopped because of an error (logged in the data folder). */
    FAILED
  }

  /**
   * @param outcome how the session ended, when it ran
   * @param signal the first of SIGTERM, SIGHUP, SIGINT that came ("TERM", "HUP", "INT"), or null
   */
  public record Result(Ending ending, Outcome outcome, String signal) {
    static Result of(Ending ending) {
      return new Result(ending, null, null);
    }
  }

  private SessionStart() {}

  /** Starts the coach and runs it until it ends; one line on {@code err} says what failed. */
  public static Result run(Request r, Map<String, String> env, Path workDir, PrintStream err) {
    boolean ascii = r.ascii() || !LocalTerminal.isUtf8Locale(env);
    // the routine's file is found and its bytes read, not parsed, before anything else
    RoutineCatalog catalog = new RoutineCatalog(r.dataDir().resolve("routines"), workDir);
    RoutineCatalog.Source source = catalog.source(r.routine());
    if (source.failed() != null) { // no such routine, or its file cannot be read
      source.failed().problems().forEach(p -> err.println(p.format()));
      return Result.of(Ending.UNUSABLE);
    }
    // the screens' words are read on a thread of their own while this one takes the terminal
    FutureTask<Style> words = new FutureTask<>(() -> new Style(ascii, r.color(),
        r.language()));
    Thread reader = new Thread(words, "coach-words");
    reader.setDaemon(true);
    reader.start();
    // The routine is read, the history opened and the alerts started on a thread of their own.
    // When these very routine bytes were read before, their welcome is drawn first and the rest
    // is loaded while the person reads it; else it is loaded while the terminal is taken over.
    FutureTask<SessionOpening> opening = new FutureTask<>(() -> SessionOpening.open(r, catalog,
        source, env, workDir));
    Optional<WelcomeCache.Preview> preview = r.kiosk() == null
        ? WelcomeCache.read(r.dataDir(), source.key()) : Optional.empty();
    Runnable startOpening = new Runnable() {
      private boolean started;

      @Override
      public void run() {
        if (started) {
          return;
        }
        started = true;
        Thread opener = new Thread(opening, "coach-open");
        opener.setDaemon(true);
        opener.start();
        Thread warm = new Thread(() -> History.warmUp(r.db()), "coach-warm-up");
        warm.setDaemon(true);
        warm.start(); // loads SQLite while the routine is read
      }
    };
    if (preview.isEmpty()) {
      startOpening.run();
    }
    return runSession(r, opening, startOpening, preview, words, env, err);
  }

  /**
   * SIGTERM, SIGHUP and SIGINT end the session (saved as interrupted) instead of the process;
   * the first one that arrives is kept, to exit with the status a shell expects for it.
   */
  public static void onSignals(Consumer<Event> post, AtomicReference<String> first) {
    for (String sig : new String[] {"TERM", "HUP", "INT"}) {
      try {
        Signal.handle(new Signal(sig), s -> {
          first.compareAndSet(null, sig);
          post.accept(new Event.Interrupt("SIG" + sig));
        });
      } catch (IllegalArgumentException ignored) {
        // this platform has no such signal
      }
    }
  }

  /**
   * Takes over the terminal while the session's needs are opened, draws the welcome early when
   * it can, then runs the session (or the kiosk) once they are. What cannot be used is said in
   * one line after the terminal is given back, as it would have been before taking it.
   */
  private static Result runSession(Request r, FutureTask<SessionOpening> opening,
      Runnable startOpening, Optional<WelcomeCache.Preview> preview, FutureTask<Style> words,
      Map<String, String> env, PrintStream err) {
    Path dataDir = r.dataDir();
    // A signal while the welcome is up ends the session as one that came later would: it is
    // recorded as interrupted once planned. Signals are taken from here on, so one that comes
    // while the history is still opening stops the wait (a few seconds at most).
    AtomicReference<String> signal = new AtomicReference<>();
    AtomicReference<Consumer<Event>> target = new AtomicReference<>();
    Thread main = Thread.currentThread();
    target.set(e -> main.interrupt());
    onSignals(e -> target.get().accept(e), signal);
    LocalTerminal local = null;
    String unusable = null;
    Exception broken = null;
    try {
      local = LocalTerminal.open(env);
    } catch (LocalTerminal.Unusable e) {
      unusable = "coach: " + e.getMessage();
    } catch (IOException e) {
      broken = e;
      unusable = "coach: cannot open the terminal: " + e.getMessage();
    }
    Style style;
    try {
      style = await(words);
    } catch (RuntimeException | Error e) {
      giveBack(local, null);
      throw e;
    }
    com.googlecode.lanterna.screen.Screen first = null;
    if (local != null && preview.isPresent()) {
      try {
        first = SessionLoop.drawOnce(local.terminal(), new WelcomePreview(
            preview.get().title(), preview.get().disclaimer(), style), Views.MIN_COLUMNS,
            Views.MIN_ROWS);
      } catch (IOException e) {
        first = null; // the session's own first frame follows
      } catch (RuntimeException | Error e) {
        giveBack(local, null); // drawOnce left its screen already
        throw e;
      }
    }
    startOpening.run(); // if the welcome was drawn first, the rest is read while it is read
    SessionOpening o;
    try {
      o = await(opening, signal);
    } catch (RuntimeException | Error e) {
      giveBack(local, first);
      throw e;
    }
    if (o == null) { // a signal came, and the history is still opening
      giveBack(local, first);
      return new Result(Ending.SIGNALLED, null, signal.get());
    }
    if (!o.ok() || local == null) {
      giveBack(local, first);
      if (!o.ok()) {
        o.lines.forEach(err::println);
        return Result.of(o.failed);
      }
      o.notes.forEach(err::println);
      closeQuietly(o, dataDir);
      if (broken != null) {
        Logs.error(dataDir, "opening the terminal", broken);
      }
      err.println(unusable);
      return Result.of(Ending.NO_TERMINAL);
    }
    if (first == null) {
      o.notes.forEach(err::println); // stays above the session's screen
    }
    Outcome outcome = null;
    Throwable failure = null;
    Thread.interrupted(); // a signal's wake-up, if one came, is not for the session's loop
    try {
      if (r.kiosk() != null) {
        SessionLoop loop = r.kiosk().speaking(o.speech).loop(local.terminal(), o.loaded,
            o.store, style, r.pace(), r.quiet(), o.alerts).onSaveFailure(e -> Logs.error(
            dataDir, "saving", e));
        relay(target, signal, loop::post);
        loop.run();
        outcome = Outcome.INTERRUPTED; // a kiosk ends only by a signal or a closed terminal
      } else {
        CoachSession session = CoachSession.prepare(local.terminal(), o.loaded, o.store,
            r.patient(), style, r.pace(), r.quiet(), o.speech, o.alerts).onSaveFailure(e ->
            Logs.error(dataDir, "saving", e));
        if (first != null) {
          session.continueOn(first);
          first = null;
        }
        relay(target, signal, session::post);
        outcome = session.run();
      }
    } catch (Exception | Error e) {
      failure = e;
    } finally {
      giveBack(local, first); // before anything is printed
    }
    if (preview.isPresent()) {
      o.notes.forEach(err::println); // where it would have stood, above the session
    }
    try {
      o.close(); // what could not be delivered in a few seconds waits for the next coach
    } catch (StoreException e) {
      Logs.error(dataDir, "history", e);
      if (failure == null) {
        err.println("coach: " + e.getMessage());
        return Result.of(Ending.UNUSABLE);
      }
    }
    if (failure != null) {
      Logs.error(dataDir, "session failed", failure);
      Throwable cause = failure.getCause() instanceof StoreException se ? se : failure;
      if (cause instanceof StoreException se) {
        err.println("coach: " + se.getMessage());
        return Result.of(Ending.UNUSABLE);
      }
      if (cause instanceof AlreadyRunning ar) {
        err.println("coach: " + ar.getMessage());
        return Result.of(Ending.BUSY);
      }
      err.println("coach: the session stopped because of an error (details in "
          + Logs.file(dataDir) + ")");
      return Result.of(Ending.FAILED);
    }
    return new Result(Ending.RAN, outcome, signal.get());
  }

  /** From now on signals go to {@code to}; one that came already is handed over at once. */
  private static void relay(AtomicReference<Consumer<Event>> target,
      AtomicReference<String> signal, Consumer<Event> to) {
    target.set(to);
    if (signal.get() != null) {
      to.accept(new Event.Interrupt("SIG" + signal.get()));
    }
  }

  /** What a thread of this start made, waiting for it; its unexpected failure is thrown here. */
  private static <T> T await(FutureTask<T> task) {
    return await(task, new AtomicReference<>());
  }

  /**
   * As {@link #await(FutureTask)}, but after a signal it waits a few seconds more, then gives up
   * (null).
   */
  private static <T> T await(FutureTask<T> task, AtomicReference<String> signal) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (signal.get() == null) {
            return task.get();
          }
          return task.get(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          return null;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          if (e.getCause() instanceof Error er) {
            throw er;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Leaves the screen (when one was started) and restores the terminal's settings. */
  private static void giveBack(LocalTerminal local,
      com.googlecode.lanterna.screen.Screen started) {
    if (started != null) {
      try {
        started.stopScreen();
      } catch (IOException | RuntimeException ignored) {
        // the terminal went away; its settings are restored below all the same
      }
    }
    if (local != null) {
      local.close();
    }
  }

  private static void closeQuietly(SessionOpening o, Path dataDir) {
    try {
      o.close();
    } catch (StoreException e) {
      Logs.error(dataDir, "history", e);
    }
  }
}
