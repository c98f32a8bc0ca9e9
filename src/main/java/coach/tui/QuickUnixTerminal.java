package coach.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Lanterna's Unix terminal, taking over the line settings with one {@code stty} run instead of
 * five (each run is a process start, a hundredth of a second or more before the first frame).
 * Restoring uses the settings saved by that same run.
 *
 * <p>When the launcher already read the settings and the window's size ({@link #LAUNCHER_STATE}),
 * the first frame needs no process at all: the keys' settings are made by one {@code stty} on a
 * thread of its own while the frame is drawn, and reading a key or giving the terminal back
 * waits for it first.
 */
final class QuickUnixTerminal extends UnixTerminal implements WindowBounds.Bounded {
  /**
   * The environment variable in which the launcher passes what {@code stty -g} and
   * {@code stty size} printed for the terminal on standard input, one per line.
   */
  static final String LAUNCHER_STATE = "COACH_TTY";
  /**
   * The keys' settings: no line editing, a key at a time, no echo, Ctrl+C as a key; Ctrl+Z and
   * Ctrl+\\ as keys too (ignored), so neither stops the coach with the screen taken over nor
   * makes the JVM print its threads over it.
   */
  private static final String[] KEY_SETTINGS =
      {"stty", "-icanon", "min", "1", "-echo", "intr", "undef", "susp", "undef", "quit", "undef"};

  // no initialisers: these are set while the superclass constructor takes over the terminal
  private String saved;
  private boolean configured;
  /** The window's size as stty read it while taking over, until the window changes. */
  private volatile TerminalSize sttySize;
  /** The keys' settings being made while the first frame is drawn, or null when they are made. */
  private volatile Thread setting;
  private volatile IOException settingFailed;
  /** Whether the window last found is larger than a session draws (see {@link WindowBounds}). */
  private volatile boolean windowTooLarge;

  /** What the launcher read of the terminal: its settings and size, or null when not usable. */
  record LauncherState(String saved, TerminalSize size) {
    static LauncherState parse(String text) {
      if (text == null) {
        return null;
      }
      String[] lines = text.split("\n");
      String settings = lines[0].trim();
      if (lines.length != 2 || settings.isEmpty() || !settings.matches("[0-9a-fA-F:]+")) {
        return null;
      }
      TerminalSize size = QuickUnixTerminal.size(lines[1]);
      return size == null ? null : new LauncherState(settings, size);
    }
  }

  QuickUnixTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
    super(in, out, charset, CtrlCBehaviour.TRAP);
  }

  /**
   * Exactly the character's UTF-8 (see {@link TerminalBytes}); in ASCII (a non-UTF-8 locale)
   * Lanterna's own translation, whose single-byte encoding has no spare byte.
   */
  @Override
  protected byte[] translateCharacter(char c) {
    return StandardCharsets.UTF_8.equals(getCharset()) ? TerminalBytes.utf8(c)
        : super.translateCharacter(c);
  }

  @Override
  protected void saveTerminalSettings() throws IOException {
    LauncherState known = LauncherState.parse(System.getenv(LAUNCHER_STATE));
    if (known != null) {
      saved = known.saved();
      sttySize = known.size();
      configured = true;
      Thread t = new Thread(this::makeKeySettings, "coach-tty");
      t.setDaemon(true);
      setting = t;
      t.start();
      return;
    }
    // save, read the window's size, then set everything Lanterna would set one call at a time
    String[] out = sh("stty -g && stty size && " + String.join(" ", KEY_SETTINGS))
        .split("\n");
    saved = out[0].trim();
    sttySize = out.length > 1 ? size(out[1]) : null;
    configured = true;
  }

  private void makeKeySettings() {
    try {
      Process p = new ProcessBuilder(KEY_SETTINGS)
          .redirectInput(ProcessBuilder.Redirect.INHERIT)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      int status = p.waitFor();
      if (status != 0) {
        settingFailed = new IOException("stty ended with status " + status);
      }
    } catch (InterruptedException e) {
      settingFailed = new java.io.InterruptedIOException("interrupted");
    } catch (IOException e) {
      settingFailed = e;
    }
  }

  /** Waits until the keys' settings are made; fails when they could not be. */
  private void awaitKeySettings() throws IOException {
    Thread t = setting;
    if (t == null) {
      return;
    }
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while the terminal was set up");
    }
    IOException failed = settingFailed;
    if (failed != null) { // and so again at every read: keys cannot be read one at a time
      throw new IOException("could not set the terminal up for keys: " + failed.getMessage(),
          failed);
    }
    setting = null;
  }

  @Override
  public com.googlecode.lanterna.input.KeyStroke pollInput() throws IOException {
    awaitKeySettings();
    return super.pollInput();
  }

  @Override
  public com.googlecode.lanterna.input.KeyStroke readInput() throws IOException {
    awaitKeySettings();
    return super.readInput();
  }

  /** "ROWS COLUMNS" as {@code stty size} prints it, or null when it says nothing usable. */
  static TerminalSize size(String line) {
    String[] rc = line.trim().split(" ");
    try {
      int rows = Integer.parseInt(rc[0]);
      int cols = rc.length == 2 ? Integer.parseInt(rc[1]) : 0;
      return rows > 0 && cols > 0 ? new TerminalSize(cols, rows) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The size comes from the stty run that took the terminal over until the window changes; from
   * then on from asking the terminal, as Lanterna does: a question and its answer are a
   * round trip the first frame need not wait for.
   */
  @Override
  protected TerminalSize findTerminalSize() throws IOException {
    TerminalSize known = sttySize;
    return bounded(known != null ? known : super.findTerminalSize());
  }

  /**
   * The screen for a window of this size: a window larger than a session draws (stty cols 30000
   * rows 30000) gets a small stand-in that asks for a smaller one, never buffers of its size.
   */
  private TerminalSize bounded(TerminalSize window) {
    windowTooLarge = WindowBounds.tooLarge(window.getColumns(), window.getRows());
    return WindowBounds.screenFor(window);
  }

  @Override
  public boolean windowTooLarge() {
    return windowTooLarge;
  }

  /**
   * The window's size changes (SIGWINCH) straight to the handler: Lanterna reaches the same
   * signal API through a generated proxy class, a few hundredths of a second at start.
   */
  @Override
  protected void registerTerminalResizeListener(Runnable onResize) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), s -> {
        sttySize = null; // asked again from now on
        onResize.run();
      });
    } catch (IllegalArgumentException ignored) {
      // no such signal here: the size is read again at each frame all the same
    }
  }

  @Override
  protected void restoreTerminalSettings() throws IOException {
    Thread t = setting;
    if (t != null) { // given back only once the keys' settings are made, never before
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (saved != null && !saved.isEmpty()) {
      sh("stty " + saved.replaceAll("[^0-9a-fA-F:]", ""));
    }
  }

  @Override
  protected void canonicalMode(boolean enabled) throws IOException {
    if (enabled || !configured) {
      super.canonicalMode(enabled);
    }
  }

  @Override
  protected void keyEchoEnabled(boolean enabled) throws IOException {
    if (enabled || !configured) {
      super.keyEchoEnabled(enabled);
    }
  }

  @Override
  protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
    if (enabled || !configured) {
      super.keyStrokeSignalsEnabled(enabled);
    }
  }

  /** Runs a shell line with the terminal as its input; returns what it printed. */
  private static String sh(String line) throws IOException {
    Process p = new ProcessBuilder("/bin/sh", "-c", line)
        .redirectInput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new String(out, StandardCharsets.US_ASCII);
  }
}
