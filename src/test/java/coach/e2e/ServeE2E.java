package coach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code coach serve} against the real OpenSSH client, on 127.0.0.1 only. */
@Tag("e2e")
@Timeout(120)
class ServeE2E {
  private static final Path JAR = Path.of("target/rehab-coach.jar").toAbsolutePath();

  @TempDir Path tmp;
  private Process server;
  private int port;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Runs a command to its end (at most 20 s); "EXIT:output". */
  private String run(String... cmd) throws Exception {
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(out.toFile()).start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not end: "
          + Files.readString(out, StandardCharsets.UTF_8));
    }
    return p.exitValue() + ":" + Files.readString(out, StandardCharsets.UTF_8);
  }

  private void startServer() throws Exception {
    server = new ProcessBuilder("java", "-jar", JAR.toString(), "serve", "--port",
        Integer.toString(port), "--authorized-keys", tmp.resolve("authorized_keys").toString(),
        "--data-dir", tmp.resolve("data").toString()).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("serve.out").toFile()).start();
    long end = System.currentTimeMillis() + 20_000;
    while (!Files.exists(tmp.resolve("serve.out"))
        || !Files.readString(tmp.resolve("serve.out")).contains("Serving")) {
      assertTrue(server.isAlive(), "serve exited: " + Files.readString(tmp.resolve("serve.out")));
      assertTrue(System.currentTimeMillis() < end, "serve did not start");
      Thread.sleep(50);
    }
  }

  private void stopServer() throws Exception {
    if (server != null && server.isAlive()) {
      server.destroy(); // SIGTERM
      assertTrue(server.waitFor(20, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
    }
  }

  private List<String> ssh(String user, String key, String... extra) {
    List<String> cmd = new ArrayList<>(List.of("ssh", "-p", Integer.toString(port), "-i", key,
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o",
        "BatchMode=yes", "-o", "LogLevel=ERROR"));
    cmd.addAll(List.of(extra));
    cmd.add(user + "@127.0.0.1");
    return cmd;
  }

  @BeforeEach
  void keysAndServer() throws Exception {
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", tmp.resolve("key").toString());
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", tmp.resolve("stranger").toString());
    Files.copy(tmp.resolve("key.pub"), tmp.resolve("authorized_keys"));
    port = freePort();
    startServer();
  }

  @AfterEach
  void stop() throws Exception {
    stopServer();
  }

  private int count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:"
        + tmp.resolve("data/history.db"));
        Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }

  @Test
  void aPatientLogsInRatesAndTheRatingIsStored() throws Exception {
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(String.join(" ", ssh("alice", tmp.resolve("key").toString(), "-tt"))
          + "; echo SSH=$?");
      t.waitFor("Press Enter to begin", 20_000);
      t.keys("Enter", "n", "n", "n", "n");
      t.waitFor("does it hurt", 5000);
      t.keys("4", "Enter", "Enter");
      t.waitFor("Cat/Camel series", 5000);
      t.resize(60, 20);
      t.waitFor(s -> s.lines().anyMatch(l -> l.contains("Exercise 1/4") && l.length() <= 60),
          5000, "the session to redraw at 60 columns");
      t.keys("q", "y");
      t.waitFor(s -> s.contains("\nSSH=0"), 10_000, "ssh to end");
    }
    assertEquals(1, count("SELECT count(*) FROM ratings r JOIN sessions s ON s.id = r.session_id"
        + " WHERE s.patient = 'alice' AND r.value = 4"));
    assertEquals(1, count("SELECT count(*) FROM sessions WHERE outcome = 'QUIT'"));
  }

  @Test
  void aDroppedConnectionKeepsEveryConfirmedRating() throws Exception {
    Tmux t = new Tmux(80, 24, tmp);
    t.line(String.join(" ", ssh("bob", tmp.resolve("key").toString(), "-tt")));
    t.waitFor("Press Enter to begin", 20_000);
    t.keys("Enter", "n", "n", "n", "n");
    t.waitFor("does it hurt", 5000);
    t.keys("7", "Enter", "Enter");
    t.waitFor("Cat/Camel series", 5000);
    t.close(); // the kiosk goes away mid-session
    long end = System.currentTimeMillis() + 10_000;
    while (count("SELECT count(*) FROM sessions WHERE outcome = 'INTERRUPTED'") == 0) {
      assertTrue(System.currentTimeMillis() < end, "the dropped session was not saved");
      Thread.sleep(100);
    }
    assertEquals(1, count("SELECT count(*) FROM ratings WHERE value = 7"));
  }

  @Test
  void onlyAnInteractiveShellIsServed() throws Exception {
    String key = tmp.resolve("key").toString();
    List<String> exec = ssh("eve", key);
    exec.add("cat /etc/passwd");
    String r = run(exec.toArray(new String[0]));
    assertNotEquals("0", r.substring(0, r.indexOf(':')), r);
    assertTrue(!r.contains("root:"), r);
    List<String> sftp = ssh("eve", key, "-s");
    sftp.add("sftp");
    r = run(sftp.toArray(new String[0]));
    assertNotEquals("0", r.substring(0, r.indexOf(':')), r);
    List<String> forward = ssh("eve", key, "-N", "-o", "ExitOnForwardFailure=yes", "-R",
        freePort() + ":127.0.0.1:" + port);
    r = run(forward.toArray(new String[0]));
    assertNotEquals("0", r.substring(0, r.indexOf(':')), r);
    r = run(ssh("eve", key, "-T").toArray(new String[0]));
    assertTrue(r.startsWith("1:") && r.contains("needs an interactive terminal"), r);
  }

  @Test
  void aKeyThatIsNotAuthorisedIsRefused() throws Exception {
    String r = run(ssh("mallory", tmp.resolve("stranger").toString(), "-T").toArray(
        new String[0]));
    assertTrue(r.startsWith("255:") && r.contains("Permission denied"), r);
  }

  @Test
  void theHostKeyIsKeptOwnerOnlyAndSurvivesARestart() throws Exception {
    Path hostKey = tmp.resolve("data/ssh_host_key");
    assertTrue(Files.exists(hostKey));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
        hostKey)));
    String before = run("ssh-keyscan", "-p", Integer.toString(port), "127.0.0.1");
    stopServer();
    startServer();
    String after = run("ssh-keyscan", "-p", Integer.toString(port), "127.0.0.1");
    String keyBefore = before.lines().filter(l -> l.startsWith("[127.0.0.1]")).sorted().toList()
        .toString();
    assertTrue(keyBefore.contains("ecdsa"), before);
    assertEquals(keyBefore, after.lines().filter(l -> l.startsWith("[127.0.0.1]")).sorted()
        .toList().toString());
  }
}
