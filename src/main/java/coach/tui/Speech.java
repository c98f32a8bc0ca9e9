package coach.tui;

import coach.tui.words.Language;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The system's speech (espeak-ng, spd-say, or macOS {@code say}, the first on the PATH) as a
 * {@link Voice}. One worker thread runs one speech command at a time from a small queue; when the
 * queue is full the oldest utterance waiting is dropped (it is stale: the session has moved on),
 * and a command that runs longer than its limit is ended. So a slow or hanging voice never holds
 * up the loop that called {@link #say}, and never speaks about a moment long gone.
 */
public final class Speech implements Voice, AutoCloseable {
  /** The speech commands looked for, in order. */
  public static final List<String> COMMANDS = List.of("espeak-ng", "spd-say", "say");
  /** Utterances that may wait while one is spoken. */
  static final int QUEUE = 2;

  private final List<String> command;
  private final long limitMillis;
  private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread worker;
  private volatile boolean open = true;
  private volatile Process speaking;
  private volatile int dropped;

  /**
   * @param command the speech command and its options; the text is added as its last argument
   * @param limitMillis how long one utterance may take before its command is ended
   */
  Speech(List<String> command, long limitMillis) {
    this.command = List.copyOf(command);
    this.limitMillis = limitMillis;
    worker = new Thread(this::work, "coach-speech");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * The first speech command on the PATH of {@code env}, speaking {@code language}; empty when
   * there is none.
   */
  public static Optional<Speech> find(Map<String, String> env, Language language) {
    String path = env.get("PATH");
    if (path == null || path.isBlank()) {
      return Optional.empty();
    }
    for (String name : COMMANDS) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path p = Path.of(dir, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(new Speech(commandLine(name, p.toString(), language), 20_000));
        }
      }
    }
    return Optional.empty();
  }

  /** How each command is told the language and asked to finish speaking before it exits. */
  static List<String> commandLine(String name, String path, Language language) {
    List<String> c = new ArrayList<>();
    c.add(path);
    switch (name) {
      case "espeak-ng" -> c.addAll(List.of("-v", language.tag()));
      case "spd-say" -> c.addAll(List.of("-w", "-l", language.tag()));
      default -> { } // macOS say: the system voice
    }
    return c;
  }

  /** The command's name, for a notice ("speaking through espeak-ng"). */
  public String name() {
    return Path.of(command.get(0)).getFileName().toString();
  }

  @Override
  public void say(String text) {
    if (!open || text == null || text.isBlank()) {
      return;
    }
    // never read as an option of the command
    String t = text.startsWith("-") ? " " + text : text;
    while (!queue.offer(t)) {
      if (queue.poll() != null) {
        dropped++;
      }
    }
  }

  /** Utterances dropped because newer ones came while they waited. */
  int dropped() {
    return dropped;
  }

  private void work() {
    while (open) {
      String text;
      try {
        text = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      speak(text);
    }
  }

  private void speak(String text) {
    List<String> c = new ArrayList<>(command);
    c.add(text);
    try {
      Process p = new ProcessBuilder(c).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      speaking = p;
      if (!p.waitFor(limitMillis, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.io.IOException | RuntimeException e) {
      // a voice that cannot start is silence, never a broken session
    } finally {
      speaking = null;
    }
  }

  /** Stops the worker and any command still speaking. */
  @Override
  public void close() {
    open = false;
    queue.clear();
    worker.interrupt();
    Process p = speaking;
    if (p != null) {
      p.destroyForcibly();
    }
  }
}
