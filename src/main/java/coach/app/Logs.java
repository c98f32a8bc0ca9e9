package coach.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The process's logging, set up here and nowhere else. Libraries log through java.util.logging,
 * whose default writes to the terminal, where only the coach may write; so nothing they log is
 * kept until the server names its file. What a person is not shown goes to a file in the data
 * folder, one entry per event and never pain data: {@value #COACH} for sessions and commands (the
 * details of an error, a notice about the history), {@value #SERVE} for the SSH server (who
 * connected, from where and when, its load, the library's warnings). Writing a log never fails
 * its caller: an entry that cannot be written is skipped.
 */
public final class Logs {
  public static final String COACH = "coach.log";
  public static final String SERVE = "serve.log";

  /**
   * Held so the level set on it lasts (java.util.logging keeps its loggers weakly); taken only in
   * {@link #serveTo}, as taking a logger starts java.util.logging, which {@link #quiet} must
   * precede.
   */
  private static Logger sshLibrary;

  /**
   * The configuration java.util.logging reads, once {@link #quiet} named this class: no handler,
   * nothing logged. Public only for java.util.logging.
   */
  public Logs() {
    Logger.getLogger("").setLevel(Level.OFF);
  }

  /**
   * Names this class as the configuration of java.util.logging, unless the person gave one. It is
   * read only if something logs, so a start that logs nothing pays nothing for it.
   */
  public static void quiet() {
    if (System.getProperty("java.util.logging.config.class") == null
        && System.getProperty("java.util.logging.config.file") == null) {
      System.setProperty("java.util.logging.config.class", Logs.class.getName());
    }
  }

  /**
   * From now on, what is logged at INFO and above (the SSH library's only from WARNING) is
   * appended to DATA_DIR/{@value #SERVE}, and nothing to the terminal.
   *
   * @throws IOException when that file cannot be written
   */
  public static synchronized void serveTo(Path dataDir) throws IOException {
    Path file = dataDir.resolve(SERVE);
    createPrivate(file);
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    Handler handler = new ToFile(file);
    handler.setFormatter(new Entry());
    root.addHandler(handler);
    root.setLevel(Level.INFO);
    sshLibrary = Logger.getLogger("org.apache.sshd");
    sshLibrary.setLevel(Level.WARNING);
  }

  /**
   * From now on, what the libraries and the history's sender log at WARNING and above (a clinic
   * database that cannot be reached, say) is appended to DATA_DIR/{@value #COACH}, and nothing
   * to the terminal. For a session that keeps its history in a database.
   */
  public static synchronized void warningsTo(Path dataDir) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    Handler handler = new ToFile(file(dataDir));
    handler.setFormatter(new Entry());
    root.addHandler(handler);
    root.setLevel(Level.WARNING);
  }

  /** DATA_DIR/{@value #COACH}, where sessions and commands log. */
  public static Path file(Path dataDir) {
    return dataDir.resolve(COACH);
  }

  /** Logs an error of a session or command, with its stack trace, to {@value #COACH}. */
  public static void error(Path dataDir, String what, Throwable t) {
    append(dataDir, file(dataDir), entry(Instant.now(), Level.SEVERE, what, t));
  }

  /** Logs something worth knowing later to {@value #COACH}. */
  public static void info(Path dataDir, String what) {
    append(dataDir, file(dataDir), entry(Instant.now(), Level.INFO, what, null));
  }

  /**
   * One entry: the time, the level, what happened and, for an error, its stack trace. What
   * happened is one line, whoever wrote it: a message (the SSH library's included, which quote
   * what a client sent, such as a command or a subsystem's name) has its controls, line breaks
   * and invisible characters escaped and is cut at {@value #MAX_LINE} characters, and so has each
   * exception's message in the trace, so nothing a client sends can forge an entry or reach a
   * terminal that shows the log.
   */
  static String entry(Instant at, Level level, String what, Throwable t) {
    StringBuilder trace = new StringBuilder();
    if (t != null) {
      trace(t, "", "", trace, java.util.Collections.newSetFromMap(
          new java.util.IdentityHashMap<>()));
    }
    return at + " " + (level == Level.SEVERE ? "ERROR" : level.getName()) + " " + line(what)
        + System.lineSeparator() + trace;
  }

  /** The longest message kept in an entry; the rest is cut. */
  static final int MAX_LINE = 2000;
  /** Frames kept of one exception's stack, and exceptions of one trace (causes and suppressed). */
  private static final int MAX_FRAMES = 100;
  private static final int MAX_THROWABLES = 20;

  /** A message as one printable line of at most {@link #MAX_LINE} characters. */
  static String line(String s) {
    if (s == null) {
      return "null";
    }
    if (s.length() <= MAX_LINE) {
      return coach.routine.Printable.of(s);
    }
    int cut = Character.isLowSurrogate(s.charAt(MAX_LINE)) ? MAX_LINE - 1 : MAX_LINE;
    return coach.routine.Printable.of(s.substring(0, cut)) + "... (" + s.length()
        + " characters)";
  }

  /** As printStackTrace writes it, but with every exception's text made one printable line. */
  private static void trace(Throwable t, String indent, String caption, StringBuilder b,
      java.util.Set<Throwable> seen) {
    String nl = System.lineSeparator();
    if (!seen.add(t)) {
      b.append(indent).append(caption).append("[circular reference: ").append(line(t.toString()))
          .append(']').append(nl);
      return;
    }
    if (seen.size() > MAX_THROWABLES) {
      return;
    }
    b.append(indent).append(caption).append(line(t.toString())).append(nl);
    StackTraceElement[] frames = t.getStackTrace();
    for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
      b.append(indent).append("\tat ").append(line(frames[i].toString())).append(nl);
    }
    if (frames.length > MAX_FRAMES) {
      b.append(indent).append("\t... ").append(frames.length - MAX_FRAMES).append(" more")
          .append(nl);
    }
    for (Throwable s : t.getSuppressed()) {
      trace(s, indent + "\t", "Suppressed: ", b, seen);
    }
    if (t.getCause() != null) {
      trace(t.getCause(), indent, "Caused by: ", b, seen);
    }
  }

  /** A log grows to this size, then is kept as FILE.1 (and FILE.1 as FILE.2 ...). */
  static final long MAX_BYTES = 5L * 1024 * 1024;
  /** How many earlier logs are kept beside the current one. */
  static final int KEPT = 3;

  private static synchronized void append(Path dataDir, Path file, String text) {
    try {
      DataDir.ensure(dataDir);
      rotate(file);
      createPrivate(file);
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException ignored) {
      // the log is best effort; the person already got a one-line message
    }
  }

  /**
   * Creates a log readable by its owner alone (it may name patients and hosts); one that is
   * there already keeps its mode.
   */
  static void createPrivate(Path file) throws IOException {
    try {
      Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // kept as it is
    } catch (UnsupportedOperationException e) {
      Files.writeString(file, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  /** A log past {@link #MAX_BYTES} becomes FILE.1, the earlier ones move up, the oldest goes. */
  static void rotate(Path file) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) < MAX_BYTES) {
      return;
    }
    String name = file.getFileName().toString();
    Files.deleteIfExists(file.resolveSibling(name + "." + KEPT));
    for (int i = KEPT - 1; i >= 1; i--) {
      Path from = file.resolveSibling(name + "." + i);
      if (Files.exists(from)) {
        Files.move(from, file.resolveSibling(name + "." + (i + 1)));
      }
    }
    Files.move(file, file.resolveSibling(name + ".1"));
  }

  /** A record from java.util.logging as an entry, naming the logger it came from. */
  private static final class Entry extends Formatter {
    @Override
    public String format(LogRecord r) {
      return entry(r.getInstant(), r.getLevel(), r.getLoggerName() + ": " + formatMessage(r),
          r.getThrown());
    }
  }

  /** Appends each record to one file, opened only for that record. */
  private static final class ToFile extends Handler {
    private final Path file;

    ToFile(Path file) {
      this.file = file;
    }

    @Override
    public void publish(LogRecord r) {
      if (isLoggable(r)) {
        append(file.getParent(), file, getFormatter().format(r));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
