package coach.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a command may touch of the outside world: the standard streams, the environment, the
 * working directory and the time. Commands never read {@code System.*} or the system clock
 * directly, so tests can run them in-process, on any day.
 */
public record CliContext(
    InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path workDir,
    Clock clock) {

  /** On the system's clock, in its time zone. */
  public CliContext(InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
      Path workDir) {
    this(in, out, err, env, workDir, new SystemClock());
  }

  /**
   * The system's clock in its time zone, found only when a command asks for the zone: finding it
   * reads the JDK's time-zone database, tens of milliseconds that a session's first frame does not
   * need.
   */
  static final class SystemClock extends Clock {
    private volatile ZoneId zone;

    @Override
    public ZoneId getZone() {
      ZoneId z = zone;
      if (z == null) {
        z = ZoneId.systemDefault();
        zone = z;
      }
      return z;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return Clock.system(other);
    }

    @Override
    public Instant instant() {
      return Instant.now();
    }

    @Override
    public long millis() {
      return System.currentTimeMillis();
    }
  }

  /**
   * The process's own streams. What the commands print cannot steer the terminal: the error
   * stream always, and the output when it is a terminal (redirected, it carries data such as an
   * export exactly); see {@link PrintableStream}.
   */
  public static CliContext system() {
    PrintStream out = System.console() == null ? System.out
        : new PrintableStream(System.out, PrintableStream.encodingOf("stdout"));
    PrintStream err = new PrintableStream(System.err, PrintableStream.encodingOf("stderr"));
    return new CliContext(System.in, out, err, System.getenv(), Path.of("").toAbsolutePath());
  }

  public String env(String name) {
    return env.get(name);
  }

  /** The same streams and environment on another clock (tests: another day). */
  public CliContext at(Clock other) {
    return new CliContext(in, out, err, env, workDir, other);
  }
}
