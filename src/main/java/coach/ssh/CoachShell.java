package coach.ssh;

import coach.kiosk.KioskApp;
import coach.kiosk.Patients;
import coach.routine.LoadResult;
import coach.session.Event;
import coach.tui.LoopScheduler;
import coach.tui.PacedClock;
import coach.tui.SessionLoop;
import coach.tui.view.Style;
import coach.tui.view.Views;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSessionAware;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH shell channel: the logged-in patient's session (or a kiosk's start screen) on its own
 * terminal. No thread is its own: the channel hands over typed bytes as they arrive, and the
 * session's work (keys, ticks, drawing) runs in order on the server's shared {@link
 * LoopScheduler}. A channel without a PTY gets a one-line refusal. Whatever happens here stays
 * here: a failure is logged and closes only this channel.
 */
final class CoachShell implements Command, ChannelSessionAware {
  private static final Logger LOG = Logger.getLogger("coach.ssh");

  private final CoachServer.Settings settings;
  private final CoachServer.Routines routines;
  private final SessionFactory factory;
  private final AtomicInteger active;
  private final Map<CoachShell, Boolean> open;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final java.util.function.LongConsumer tickLateness;
  private final LoopScheduler scheduler;
  private final coach.kiosk.CodeGuesses guesses;
  private final CellBudget cells;
  /** The session's terminal, once started; its cells go back to the budget at the end. */
  private volatile ChannelTerminal terminal;
  /** What the client types, handed over by the channel (see {@link #setChannelSession}). */
  private KeyBytes keys;
  private OutputStream out;
  /** The session's output, which never waits for the client, and the executor it is used on. */
  private volatile ChannelOutput output;
  private volatile LoopScheduler.Serial executor;
  private ExitCallback exit;
  private volatile SessionLoop loop;
  private volatile boolean stopping;

  CoachShell(CoachServer.Settings settings, CoachServer.Routines routines,
      SessionFactory factory, AtomicInteger active, Map<CoachShell, Boolean> open,
      java.util.function.LongConsumer tickLateness, LoopScheduler scheduler,
      coach.kiosk.CodeGuesses guesses, CellBudget cells) {
    this.guesses = guesses;
    this.cells = cells;
    this.tickLateness = tickLateness;
    this.scheduler = scheduler;
    this.settings = settings;
    this.routines = routines;
    this.factory = factory;
    this.active = active;
    this.open = open;
  }

  @Override
  public void setInputStream(InputStream in) {
    // not called: the channel hands the bytes to the receiver set below
  }

  /**
   * Takes the client's bytes as they arrive instead of a stream a thread would wait on; they
   * count as read (and the client may send as many more) once the session has read them.
   */
  @Override
  public void setChannelSession(ChannelSession channel) {
    keys = new KeyBytes(n -> {
      try {
        channel.getLocalWindow().release(n);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.FINE, "the channel's window could not be widened", e);
      }
    });
    channel.setDataReceiver(new ChannelDataReceiver() {
      @Override
      public int data(ChannelSession ch, byte[] buf, int start, int len) {
        keys.append(buf, start, len);
        SessionLoop l = loop;
        if (l != null) {
          l.keysArrived();
        }
        return 0;
      }

      @Override
      public void close() {
        keys.close0();
        SessionLoop l = loop;
        if (l != null) {
          l.keysEnded();
        }
      }
    });
    // the client opened its window (or something else changed on the channel): what waited
    // for it is sent, on the session's own executor
    channel.addChannelListener(new ChannelListener() {
      @Override
      public void channelStateChanged(Channel ch, String hint) {
        ChannelOutput o = output;
        LoopScheduler.Serial on = executor;
        if (o != null && on != null && o.holding()) {
          on.execute(() -> sendHeld(o));
        }
      }
    });
  }

  private void sendHeld(ChannelOutput o) {
    try {
      o.flush();
    } catch (IOException e) {
      // the channel is closing, or the client is stuck: the session's next frame says so
      LOG.log(Level.FINE, "what waited for the client could not be sent", e);
    }
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    // the session draws on the output stream only
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) throws IOException {
    Map<String, String> vars = env.getEnv();
    String user = channel.getSession().getUsername();
    String from = CoachServer.address(channel.getSession());
    String host = CoachServer.host(channel.getSession());
    if (env.getPtyModes().isEmpty() && !vars.containsKey(Environment.ENV_COLUMNS)) {
      LOG.info(() -> "no terminal requested: user " + Names.clean(user) + " from " + from);
      refuse("This service needs an interactive terminal: connect with ssh -t.");
      return;
    }
    if (active.incrementAndGet() > settings.maxSessions()) {
      active.decrementAndGet();
      LOG.info(() -> "all places in use: user " + Names.clean(user) + " from " + from);
      refuse("All places are in use; please try again in a few minutes.");
      return;
    }
    open.put(this, Boolean.TRUE);
    int cols = parse(vars.get(Environment.ENV_COLUMNS), 80);
    int rows = parse(vars.get(Environment.ENV_LINES), 24);
    // frames are sent as the client's window takes them, never waited for
    output = new ChannelOutput(out, () -> channel.getRemoteWindow().getSize(), System::nanoTime);
    ChannelTerminal terminal = new ChannelTerminal(keys, output, cols, rows, cells);
    this.terminal = terminal;
    env.addSignalListener((ch, signal) -> terminal.resize(
        parse(env.getEnv().get(Environment.ENV_COLUMNS), cols),
        parse(env.getEnv().get(Environment.ENV_LINES), rows)), Signal.WINCH);
    String noColor = vars.get("NO_COLOR");
    String term = vars.getOrDefault(Environment.ENV_TERM, "");
    // the client's own LANG/LC_* (sent with OpenSSH's SendEnv) choose the screens' language
    Style style = new Style(term.equals("linux") || term.equals("vt100") || term.equals("vt220"),
        (noColor == null || noColor.isEmpty()) && !term.equals("dumb"),
        coach.tui.words.Language.fromEnvironment(vars));
    LoopScheduler.Serial on = scheduler.serial();
    executor = on;
    on.execute(() -> begin(on, terminal, user, from, host, style));
  }

  /** On the session's serial executor: builds its app and starts its loop there. */
  private void begin(LoopScheduler.Serial serial, ChannelTerminal terminal, String user,
      String from, String host, Style style) {
    LOG.info(() -> "connected: user " + Names.clean(user) + " from " + from);
    try {
      Optional<Patients.User> entry = settings.patients() == null ? Optional.empty()
          : settings.patients().user(user);
      boolean kiosk = settings.kiosk() || entry.map(Patients.User::kiosk).orElse(false);
      String patient = entry.map(Patients.User::patient).orElse(kiosk ? null : user);
      LoadResult routine = routines.forName(entry.map(Patients.User::routine).orElse(null));
      PacedClock clock = new PacedClock(settings.pace());
      KioskApp.Sessions sessions = who -> {
        LoadResult r = routine;
        if (settings.patients() != null && entry.map(Patients.User::kiosk).orElse(false)) {
          r = routines.forName(settings.patients().patient(who).map(Patients.Patient::routine)
              .orElse(entry.get().routine()));
        }
        KioskApp.Begun begun = factory.begin(r, who, style);
        LOG.info(() -> "session begun on the line of " + Names.clean(user) + " from " + from);
        return begun;
      };
      String title = routine.routine().title();
      coach.tui.App app;
      if (entry.map(Patients.User::clinician).orElse(false)) {
        LOG.info(() -> "clinic board for " + Names.clean(user) + " from " + from);
        app = factory.board(style, clock, user);
      } else if (kiosk) {
        // unknown codes count per address and per login, however often the kiosk reconnects
        app = new KioskApp(clock, settings.idleTimeout(), style, title, patient, this::code,
            sessions).countGuessesWith(guesses.guard(java.util.List.of(
                "address " + host, "login " + user)));
      } else {
        app = KioskApp.single(clock, settings.idleTimeout(), style, title, patient, sessions);
      }
      if (app instanceof KioskApp k) {
        k.limitSessionsTo(settings.maxSessionLength());
      }
      SessionLoop l = new SessionLoop(terminal, app, clock, false, fx -> { },
          Views.MIN_COLUMNS, Views.MIN_ROWS).observeTicks(tickLateness);
      if (factory.keptLocally() != null) {
        l.showKeptLocally(factory.keptLocally());
      }
      loop = l;
      if (stopping) {
        l.post(new Event.Interrupt("server stopping"));
      }
      l.start(scheduler, serial, failure -> ended(failure, user, from));
      // keys typed before the loop was there, and an input that ended meanwhile
      if (keys.ended()) {
        l.keysEnded();
      } else {
        l.keysArrived();
      }
    } catch (Exception | Error e) {
      ended(e, user, from);
    }
  }

  /** The session is over: with null, or with what ended it. */
  private void ended(Throwable failure, String user, String from) {
    int status = 0;
    try {
      if (failure != null) {
        throw failure;
      }
    } catch (coach.store.AlreadyRunning e) {
      // a patient's own login: they are told where their other session runs (another server
      // of the same clinic, say), in one line, before the connection closes
      status = 4;
      LOG.info(() -> "not begun: " + Names.clean(user) + " from " + from + ": "
          + e.getMessage());
      try {
        out.write(("coach: " + Names.clean(e.getMessage()) + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException gone) {
        // the client left already
      }
    } catch (Throwable e) { // NOPMD: whatever it was, it ends this channel only
      status = 1;
      LOG.log(Level.WARNING, "the session of " + Names.clean(user) + " from " + from
          + " failed", e);
    } finally {
      ChannelTerminal t = terminal;
      if (t != null) {
        t.release();
      }
      active.decrementAndGet();
      open.remove(this);
      LOG.info(() -> "disconnected: user " + Names.clean(user) + " from " + from);
      ended.countDown();
      exit.onExit(status);
    }
  }

  /**
   * The patient a code typed at this kiosk belongs to: one of the patients file, found without
   * regard to case and spelled as the file spells it; any other well-formed code, as typed, only
   * when the server was told --any-code.
   */
  private Optional<String> code(String typed) {
    if (!Patients.NAME.matcher(typed).matches()) {
      return Optional.empty();
    }
    Optional<String> listed = settings.patients() == null ? Optional.empty()
        : settings.patients().patient(typed).map(Patients.Patient::id);
    return listed.isPresent() || !settings.anyCode() ? listed : Optional.of(typed);
  }

  private void refuse(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    exit.onExit(RefusedCommand.REFUSED, line);
  }

  private static int parse(String v, int fallback) {
    try {
      return v == null ? fallback : Math.max(1, Math.min(1000, Integer.parseInt(v.trim())));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Ends the session through its core: saved as interrupted. */
  void interrupt(String why) {
    stopping = true;
    SessionLoop l = loop;
    if (l != null) {
      l.post(new Event.Interrupt(why));
    }
  }

  void awaitEnd(long nanos) {
    try {
      ended.await(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void destroy(ChannelSession channel) {
    interrupt("connection closed");
  }
}
