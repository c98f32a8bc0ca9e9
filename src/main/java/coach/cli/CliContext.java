package coach.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
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
    this(in, out, err, env, workDir, Clock.systemDefaultZone());
  }

  public static CliContext system() {
    return new CliContext(
        System.in, System.out, System.err, System.getenv(), Path.of("").toAbsolutePath());
  }

  public String env(String name) {
    return env.get(name);
  }

  /** The same streams and environment on another clock (tests: another day). */
  public CliContext at(Clock other) {
    return new CliContext(in, out, err, env, workDir, other);
  }
}
