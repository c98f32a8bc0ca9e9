package coach.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Drives a real terminal: a tmux server of its own, one pane, keys in, screen text out. */
final class Tmux implements AutoCloseable {
  private final String socket;
  private final String target = "e2e";

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

  /**
   * Walks a session from its first screen to the summary with only the footer's keys: no to
   * every safety question, pain 2 reaching the buttock (1) at every check.
   *
   * @return how many pain checks were answered
   */
  int walkToSummary() throws IOException, InterruptedException {
    int checks = 0;
    for (int step = 0; step < 400; step++) {
      String s = screen();
      if (s.contains("Session summary")) {
        break;
      } else if (s.contains("Safety check")) {
        keys("n");
      } else if (s.contains("does it hurt")) {
        keys("2", "Enter");
        waitFor("do you feel the symptoms", 5000);
        keys("1", "Enter");
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
