package coach.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world: the standard streams, the environment and the
 * working directory. Commands never read {@code System.*} directly, so tests can run them in-process.
 */
public record CliContext(
    InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Path workDir) {

  public static CliContext system() {
    return new CliContext(
        System.in, System.out, System.err, System.getenv(), Path.of("").toAbsolutePath());
  }

  public String env(String name) {
    return env.get(name);
  }
}
