package coach.cli;

import coach.app.DataDir;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The log file {@code coach.log} in the data folder. Details of errors (stack traces) go here and
 * never to the terminal. Writing the log never fails the caller: a log that cannot be written is
 * skipped silently. Never holds pain data.
 */
public final class AppLog {
  public static final String FILE = "coach.log";

  private AppLog() {}

  public static Path file(Path dataDir) {
    return dataDir.resolve(FILE);
  }

  public static String describe(CliContext ctx) {
    return file(DataDir.resolve(null, ctx.env())).toString();
  }

  public static void error(CliContext ctx, String what, Throwable t) {
    error(DataDir.resolve(null, ctx.env()), what, t);
  }

  public static void error(Path dataDir, String what, Throwable t) {
    StringWriter sw = new StringWriter();
    if (t != null) {
      t.printStackTrace(new PrintWriter(sw));
    }
    write(dataDir, "ERROR " + what + System.lineSeparator() + sw);
  }

  public static void info(Path dataDir, String what) {
    write(dataDir, "INFO " + what + System.lineSeparator());
  }

  private static synchronized void write(Path dataDir, String text) {
    try {
      DataDir.ensure(dataDir);
      Files.writeString(
          file(dataDir),
          Instant.now() + " " + text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException ignored) {
      // the log is best effort; the user already got a one-line message
    }
  }
}
