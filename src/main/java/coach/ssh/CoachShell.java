package coach.ssh;

import coach.cli.CoachSession;
import coach.routine.LoadResult;
import coach.session.Event;
import coach.store.HistoryStore;
import coach.tui.view.Style;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH shell channel: a coaching session for the logged-in patient on its own terminal and
 * thread. A channel without a PTY gets a one-line refusal. Whatever happens here stays here: a
 * failure is logged and closes only this channel.
 */
final class CoachShell implements Command {
  private static final Logger LOG = Logger.getLogger("coach.ssh");

  private final LoadResult routine;
  private final HistoryStore store;
  private final AtomicInteger active;
  private final int maxSessions;
  private InputStream in;
  private OutputStream out;
  private ExitCallback exit;
  private volatile CoachSession session;
  private Thread thread;

  CoachShell(LoadResult routine, HistoryStore store, AtomicInteger active, int maxSessions) {
    this.routine = routine;
    this.store = store;
    this.active = active;
    this.maxSessions = maxSessions;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
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
    String from = String.valueOf(channel.getSession().getClientAddress());
    if (env.getPtyModes().isEmpty() && !vars.containsKey(Environment.ENV_COLUMNS)) {
      refuse("This service needs an interactive terminal: connect with ssh -t.");
      return;
    }
    if (active.incrementAndGet() > maxSessions) {
      active.decrementAndGet();
      refuse("All places are in use; please try again in a few minutes.");
      return;
    }
    int cols = parse(vars.get(Environment.ENV_COLUMNS), 80);
    int rows = parse(vars.get(Environment.ENV_LINES), 24);
    ChannelTerminal terminal = new ChannelTerminal(in, new BufferedOutputStream(out, 1 << 15),
        cols, rows);
    env.addSignalListener((ch, signal) -> terminal.resize(
        parse(env.getEnv().get(Environment.ENV_COLUMNS), cols),
        parse(env.getEnv().get(Environment.ENV_LINES), rows)), Signal.WINCH);
    String noColor = vars.get("NO_COLOR");
    Style style = new Style(false, noColor == null || noColor.isEmpty());
    thread = new Thread(() -> run(terminal, user, from, style), "coach-ssh-" + user);
    thread.start();
  }

  private void run(ChannelTerminal terminal, String user, String from, Style style) {
    LOG.info(() -> "session started: user " + user + " from " + from);
    int status = 0;
    try {
      session = CoachSession.prepare(terminal, routine, store, user, style, 1.0, false);
      session.run();
    } catch (Exception | Error e) {
      status = 1;
      LOG.log(Level.WARNING, "session of " + user + " failed", e);
    } finally {
      active.decrementAndGet();
      LOG.info("session ended: user " + user + " from " + from);
      exit.onExit(status);
    }
  }

  private void refuse(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    exit.onExit(1, line);
  }

  private static int parse(String v, int fallback) {
    try {
      return v == null ? fallback : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  @Override
  public void destroy(ChannelSession channel) {
    CoachSession s = session;
    if (s != null) {
      s.post(new Event.Interrupt("connection closed"));
    }
  }
}
