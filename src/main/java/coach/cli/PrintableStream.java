package coach.cli;

import coach.routine.Printable;
import java.io.PrintStream;

/**
 * A terminal's standard stream that what is printed on it cannot steer: every string is passed
 * through {@link Printable#keepingLines} on its way, so an escape sequence, a direction override
 * or a C1 control quoted from a file name, a routine, a setting or a library's message shows as
 * {@code \\u001B} and the like instead of acting. Line breaks and tabs stay. The commands' messages
 * escape what they quote already; this is the net under all of them.
 */
final class PrintableStream extends PrintStream {
  /** Over a terminal's stream, encoding as it does. */
  PrintableStream(PrintStream terminal, java.nio.charset.Charset charset) {
    super(terminal, true, charset);
  }

  /**
   * The encoding of the process's standard stream {@code which} ("stdout" or "stderr"): the
   * terminal's, as the JDK found it, or the default.
   */
  static java.nio.charset.Charset encodingOf(String which) {
    String name = System.getProperty(which + ".encoding",
        System.getProperty("sun." + which + ".encoding"));
    try {
      return name == null ? java.nio.charset.Charset.defaultCharset()
          : java.nio.charset.Charset.forName(name);
    } catch (RuntimeException e) {
      return java.nio.charset.Charset.defaultCharset();
    }
  }

  @Override
  public void print(String s) {
    super.print(Printable.keepingLines(s));
  }

  @Override
  public void print(Object o) {
    print(String.valueOf(o));
  }

  @Override
  public void print(char c) {
    print(String.valueOf(c));
  }

  @Override
  public void print(char[] s) {
    print(new String(s));
  }
}
