package coach.tui;

import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The terminal the coach was started in: always text mode (never a window), Ctrl-C delivered as
 * a key, output buffered so a frame is one write, and restored on every way out: {@link #close},
 * and a shutdown hook as the last resort.
 */
public final class LocalTerminal implements AutoCloseable {
  /** Why there is no usable terminal. */
  public static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message);
    }
  }

  private final UnixTerminal terminal;
  private final OutputStream out;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread hook;
  private final boolean utf8;

  private LocalTerminal(UnixTerminal terminal, OutputStream out, boolean utf8) {
    this.terminal = terminal;
    this.out = out;
    this.utf8 = utf8;
    this.hook = new Thread(this::restore, "coach-terminal-restore");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Whether standard input and output are a terminal: the launcher says so when it read the
   * terminal's settings (it checks both), else the JDK's console does.
   */
  private static boolean interactive(Map<String, String> env) {
    return QuickUnixTerminal.LauncherState.parse(env.get(QuickUnixTerminal.LAUNCHER_STATE)) != null
        || System.console() != null;
  }

  /** Checks the environment, then takes over the terminal. */
  public static LocalTerminal open(Map<String, String> env) throws Unusable, IOException {
    boolean interactive = interactive(env);
    String term = env.get("TERM");
    if (!interactive && env.get("SSH_CONNECTION") != null) {
      throw new Unusable("the coach needs an interactive terminal: connect with ssh -t");
    }
    if (!interactive) {
      throw new Unusable("the coach needs an interactive terminal: run it in a terminal window,"
          + " not with its input or output redirected");
    }
    if (term == null || term.isBlank() || term.equals("dumb")) {
      throw new Unusable("this terminal (TERM=" + (term == null ? "" : term)
          + ") cannot show the full-screen coach; use a terminal such as xterm or run with"
          + " TERM=xterm-256color");
    }
    boolean utf8 = isUtf8Locale(env);
    Charset charset = utf8 ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
    OutputStream out = new FlushOnQuery(
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    UnixTerminal t = new QuickUnixTerminal(new FileInputStream(FileDescriptor.in), out, charset);
    return new LocalTerminal(t, out, utf8);
  }

  /**
   * Frames are buffered so each is one write, but a question to the terminal (the cursor
   * position report Lanterna uses to learn the window size) must go out at once, or the answer
   * never comes and start-up waits for a time-out.
   */
  static final class FlushOnQuery extends java.io.FilterOutputStream {
    FlushOnQuery(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      if (len >= 2 && b[off + len - 1] == 'n' && b[off + len - 2] == '6') {
        out.flush();
      }
    }
  }

  /** Whether LC_ALL, LC_CTYPE or LANG (the first one set) names UTF-8. */
  public static boolean isUtf8Locale(Map<String, String> env) {
    for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
      String v = env.get(name);
      if (v != null && !v.isEmpty()) {
        String l = v.toLowerCase(Locale.ROOT);
        return l.contains("utf-8") || l.contains("utf8");
      }
    }
    return false;
  }

  public Terminal terminal() {
    return terminal;
  }

  public boolean utf8() {
    return utf8;
  }

  /** Leaves private mode, shows the cursor and restores the line settings; safe to call twice. */
  private void restore() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      terminal.setCursorVisible(true);
      terminal.exitPrivateMode();
    } catch (IOException | RuntimeException ignored) {
      // not in private mode, or the terminal is gone
    }
    try {
      terminal.close();
    } catch (IOException | RuntimeException ignored) {
      // the terminal is gone (SIGHUP); nothing left to restore
    }
    try {
      out.flush();
    } catch (IOException ignored) {
      // as above
    }
  }

  @Override
  public void close() {
    restore();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException ignored) {
      // already shutting down: the hook runs or ran
    }
  }
}
