package coach.tui;

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
 */
final class QuickUnixTerminal extends UnixTerminal {
  // no initialisers: these are set while the superclass constructor takes over the terminal
  private String saved;
  private boolean configured;

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
    // save, then set everything Lanterna would set one call at a time
    String out = sh("stty -g && stty -icanon min 1 -echo intr undef");
    saved = out.trim();
    configured = true;
  }

  /**
   * The window's size changes (SIGWINCH) straight to the handler: Lanterna reaches the same
   * signal API through a generated proxy class, a few hundredths of a second at start.
   */
  @Override
  protected void registerTerminalResizeListener(Runnable onResize) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("WINCH"), s -> onResize.run());
    } catch (IllegalArgumentException ignored) {
      // no such signal here: the size is read again at each frame all the same
    }
  }

  @Override
  protected void restoreTerminalSettings() throws IOException {
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
