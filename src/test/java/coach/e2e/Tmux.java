package coach.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drives a real terminal: a tmux server of its own, one pane, keys in, screen text out. */
final class Tmux implements AutoCloseable {
  private final String socket;
  private final String target = "e2e";

  /**
   * The title of a yes/no question asked before the first exercise, with its counter: the signs
   * of a serious cause before a first session, then the safety check (English or Spanish).
   */
  private static final Pattern START_QUESTION = Pattern.compile("(?:Before your first session"
      + "|Safety check|Antes de su primera sesi\u00f3n|Preguntas de seguridad)"
      + " \\(\\d+ (?:of|de) \\d+\\)");

  Tmux(int cols, int rows, Path workDir) throws IOException, InterruptedException {
    this(cols, rows, workDir, System.getenv("PATH"));
  }

  /** A pane whose shell finds programs on this PATH only. */
  Tmux(int cols, int rows, Path workDir, String path) throws IOException, InterruptedException {
    socket = "coach-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    run("new-session", "-d", "-s", target, "-x", Integer.toString(cols), "-y",
        Integer.toString(rows), "-c", workDir.toString(), "env -i PATH=" + path
            + " HOME=" + System.getProperty("user.home") + " TERM=xterm-256color LANG=C.UTF-8"
            + " PS1='$ ' bash --norc --noprofile");
  }

  String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
    }
    return out;
  }

  /** Types a line of shell. */
  void line(String text) throws IOException, InterruptedException {
    run("send-keys", "-t", target, "-l", text);
    run("send-keys", "-t", target, "Enter");
  }

  /** Sends tmux key names (Enter, Space, C-c, Escape) or literal characters. */
  void keys(String... keys) throws IOException, InterruptedException {
    for (String k : keys) {
      run("send-keys", "-t", target, k);
    }
  }

  String screen() throws IOException, InterruptedException {
    return run("capture-pane", "-p", "-J", "-t", target);
  }

  String waitFor(Predicate<String> ok, long millis, String what)
      throws IOException, InterruptedException {
    long end = System.currentTimeMillis() + millis;
    String s = screen();
    while (!ok.test(s)) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("timed out waiting for " + what + "; screen:\n" + s);
      }
      Thread.sleep(50);
      s = screen();
    }
    return s;
  }

  String waitFor(String text, long millis) throws IOException, InterruptedException {
    return waitFor(s -> s.contains(text), millis, "\"" + text + "\"");
  }

  /** The start question on this screen, title and counter ("Safety check (2 of 4)"); or "". */
  static String startQuestion(String screen) {
    Matcher m = START_QUESTION.matcher(screen);
    return m.find() ? m.group() : "";
  }

  /**
   * After the welcome's Enter: no to every question before the first exercise, each typed once
   * the screen shows a question it did not show before (its counter changed), until a screen
   * with no such question (nor the welcome, nor a yes/no footer) comes.
   *
   * @return that screen
   */
  String noToStartQuestions() throws IOException, InterruptedException {
    return noToStartQuestionsUntil(s -> startQuestion(s).isEmpty()
        && !s.contains("Press Enter to begin") && !(s.contains("y yes") && s.contains("n no")),
        "the questions to end");
  }

  /** As {@link #noToStartQuestions()}, stopping (without answering) once this text shows. */
  String noToStartQuestionsUntil(String text) throws IOException, InterruptedException {
    return noToStartQuestionsUntil(s -> s.contains(text), "\"" + text + "\"");
  }

  private String noToStartQuestionsUntil(Predicate<String> done, String what)
      throws IOException, InterruptedException {
    String answered = "";
    while (true) {
      String last = answered;
      String s = waitFor(x -> done.test(x) || !startQuestion(x).isEmpty()
          && !startQuestion(x).equals(last), 20_000, what + " or a question after \""
          + (last.isEmpty() ? "the welcome" : last) + "\"");
      if (done.test(s)) {
        return s;
      }
      answered = startQuestion(s);
      keys("n");
    }
  }

  /**
   * At the screen that a starting rating above the ceiling brings ("End for today" marked): the
   * other choice, a gentle session with every exercise at its easiest level.
   */
  void gentleSessionAfterHighStart() throws IOException, InterruptedException {
    waitFor("Your pain is high before starting", 5000);
    keys("Up");
    waitFor("> A short, gentle session", 5000);
    keys("Enter");
  }

  /**
   * Walks a session from its first screen to the summary with only the footer's keys: no to
   * every question before the first exercise, pain 2 reaching the back (1) at every check.
   *
   * @return how many pain checks were answered
   */
  int walkToSummary() throws IOException, InterruptedException {
    int checks = 0;
    for (int step = 0; step < 400; step++) {
      String s = screen();
      if (s.contains("Session summary")) {
        break;
      } else if (!startQuestion(s).isEmpty()) {
        noToStartQuestions(); // waits for each next question itself
        continue;
      } else if (s.contains("does it hurt")) {
        // one screen: the number, then where (the back) when no answer is marked yet
        keys("2");
        String typed = waitFor(x -> x.contains("[2]"), 5000, "the number to be marked");
        if (typed.contains("not chosen yet") || typed.contains("Now choose where")) {
          keys("Down", "Down");
          waitFor(x -> x.contains("> Back") || x.contains("reach: Back"), 5000, "the back");
        }
        keys("Enter");
        checks++;
      } else if (s.contains("Enter start") || s.contains("Enter continue")) {
        keys("Enter");
      }
      Thread.sleep(60);
      waitFor(x -> !x.equals(s) || x.contains("Rep ") || x.contains("Rest")
          || x.contains("Get ready"), 5000, "the screen to move on");
    }
    return checks;
  }

  void resize(int cols, int rows) throws IOException, InterruptedException {
    run("resize-window", "-t", target, "-x", Integer.toString(cols), "-y",
        Integer.toString(rows));
  }

  @Override
  public void close() {
    try {
      run("kill-server");
    } catch (IOException | InterruptedException ignored) {
      // already gone
    }
  }
}
