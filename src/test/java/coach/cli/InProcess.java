package coach.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the command line did when run in-process with the given environment and working folder:
 * its exit status and everything it printed (no terminal, nothing read from standard input).
 */
record InProcess(int code, String out, String err) {
  static InProcess run(Map<String, String> env, Path workDir, String... args) {
    return runAt(java.time.Clock.systemDefaultZone(), env, workDir, args);
  }

  /** As {@link #run}, with the commands reading the time from {@code clock}. */
  static InProcess runAt(java.time.Clock clock, Map<String, String> env, Path workDir,
      String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext ctx = new CliContext(java.io.InputStream.nullInputStream(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env, workDir, clock);
    int code = new Cli(ctx, Commands.all()).run(args);
    return new InProcess(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** {exit status, standard output, standard error}, as the older tests read them. */
  String[] asArray() {
    return new String[] {Integer.toString(code), out, err};
  }
}
