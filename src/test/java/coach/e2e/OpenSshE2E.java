package coach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coach run by OpenSSH's sshd for each connection, with the sshd_config block from the
 * README (taken from it, so the README's snippet is what is tested). sshd must run as root;
 * scripts/test installs it.
 */
@Tag("e2e")
@Timeout(120)
class OpenSshE2E {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path SSHD = Path.of("/usr/sbin/sshd");

  @TempDir Path tmp;
  private Process sshd;
  private int port;

  /**
   * The kiosk page's block (src/docs/KIOSKS.md, which the README links), for the user "root"
   * here and with this checkout's paths: the installed
   * launcher is this checkout's (the same arguments reach the same coach).
   */
  static String readmeBlock(Path dataDir) throws Exception {
    String readme = Files.readString(ROOT.resolve("src/docs/KIOSKS.md"));
    Matcher m = Pattern.compile("(?s)```\\n(Match User kiosk\\n.*?)```").matcher(readme);
    assertTrue(m.find(), "src/docs/KIOSKS.md has the sshd_config block");
    Files.createDirectories(dataDir);
    Files.writeString(dataDir.resolve("patients.yaml"), "patients:\n  - P-2001\n");
    return m.group(1).replace("Match User kiosk", "Match User root")
        .replace("/opt/rehab-coach/bin/coach", ROOT.resolve("scripts/coach").toString())
        .replace("/var/lib/rehab-coach-kiosk", dataDir.toString());
  }

  private String run(String... cmd) throws Exception {
    return Proc.run(tmp, cmd);
  }

  @BeforeEach
  void startSshd() throws Exception {
    assumeTrue(Files.isExecutable(SSHD), "sshd is not installed");
    assumeTrue("root".equals(System.getProperty("user.name")), "sshd needs root");
    Files.createDirectories(Path.of("/run/sshd"));
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", tmp.resolve("host_key").toString());
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", tmp.resolve("key").toString());
    Files.copy(tmp.resolve("key.pub"), tmp.resolve("authorized_keys"));
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.writeString(tmp.resolve("sshd_config"), "Port " + port + "\n"
        + "ListenAddress 127.0.0.1\n"
        + "HostKey " + tmp.resolve("host_key") + "\n"
        + "PidFile " + tmp.resolve("sshd.pid") + "\n"
        + "AuthorizedKeysFile " + tmp.resolve("authorized_keys") + "\n"
        + "StrictModes no\nUsePAM no\nPasswordAuthentication no\n"
        + "KbdInteractiveAuthentication no\n\n" + readmeBlock(tmp.resolve("data")));
    String check = run(SSHD.toString(), "-t", "-f", tmp.resolve("sshd_config").toString());
    assertTrue(check.startsWith("0:"), "sshd accepts the README's block: " + check);
    sshd = new ProcessBuilder(SSHD.toString(), "-D", "-f", tmp.resolve("sshd_config").toString(),
        "-E", tmp.resolve("sshd.log").toString()).redirectErrorStream(true).start();
    long end = System.currentTimeMillis() + 10_000;
    while (true) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        break;
      } catch (java.io.IOException e) {
        assertTrue(System.currentTimeMillis() < end, "sshd did not start");
        Thread.sleep(50);
      }
    }
  }

  @AfterEach
  void stopSshd() throws Exception {
    if (sshd != null) {
      sshd.destroy();
      sshd.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private List<String> ssh(String... extra) {
    return Proc.ssh(port, tmp.resolve("key"), "root", extra);
  }

  private int count(String sql) throws Exception {
    return Proc.count(tmp.resolve("data/history.db"), sql);
  }

  private boolean coachRunning() throws Exception {
    return run("pgrep", "-f", "rehab-coach.jar.*" + tmp).startsWith("0:");
  }

  @Test
  void aKioskSessionUnderSshdResizesAndADroppedLinkSavesIt() throws Exception {
    Tmux t = new Tmux(80, 24, tmp);
    try {
      t.line(String.join(" ", ssh("-tt")) + "; echo SSH=$?");
      t.waitFor("Please type your patient code", 30_000);
      t.keys("-l", "P-2002");
      t.keys("Enter");
      t.waitFor("not known here", 5000); // only the codes of the block's patients file
      t.keys("-l", "p-2001");
      t.keys("Enter");
      t.waitFor("Press Enter to begin", 5000);
      t.keys("Enter");
      t.noToStartQuestions();
      t.waitFor("does it hurt", 5000);
      t.keys("5", "Down", "Enter");
      t.waitFor("Cat/Camel series", 5000);
      t.resize(60, 20);
      t.waitFor(s -> s.lines().anyMatch(l -> l.contains("Exercise 1/4") && l.length() <= 60),
          5000, "the session to redraw at 60 columns");
      assertTrue(coachRunning());
    } finally {
      t.close(); // the kiosk's link drops mid-session
    }
    long end = System.currentTimeMillis() + 15_000;
    while (coachRunning() || count("SELECT count(*) FROM sessions WHERE outcome ="
        + " 'INTERRUPTED'") == 0) {
      assertTrue(System.currentTimeMillis() < end, "the coach did not save and exit on SIGHUP");
      Thread.sleep(100);
    }
    assertEquals(1, count("SELECT count(*) FROM ratings r JOIN sessions s ON s.id ="
        + " r.session_id WHERE s.patient = 'P-2001' AND r.value = 5"));
  }

  @Test
  void noTerminalNoCommandNoForwarding() throws Exception {
    String r = run(ssh("-T").toArray(new String[0]));
    assertTrue(r.startsWith("3:") && r.contains("connect with ssh -t"), r);
    List<String> exec = ssh();
    exec.add("cat /etc/passwd");
    r = run(exec.toArray(new String[0]));
    assertTrue(r.startsWith("3:") && !r.contains("root:"), r);
    List<String> sftp = ssh("-s");
    sftp.add("sftp");
    r = run(sftp.toArray(new String[0]));
    assertTrue(!r.startsWith("0:") && !r.contains("root:"), r);
    int free;
    try (ServerSocket s = new ServerSocket(0)) {
      free = s.getLocalPort();
    }
    r = run(ssh("-N", "-o", "ExitOnForwardFailure=yes", "-L", free + ":127.0.0.1:" + port,
        "-R", "0:127.0.0.1:" + port).toArray(new String[0]));
    assertTrue(r.startsWith("255:"), "forwarding refused: " + r);
  }
}
