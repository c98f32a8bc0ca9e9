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

  private String run(String... cmd) throws Exception {
    return Proc.run(tmp, cmd);
  }

  private void startServer(String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString(), "serve", "--port",
        Integer.toString(port), "--data-dir", tmp.resolve("data").toString()));
    cmd.addAll(extra.length > 0 ? List.of(extra)
        : List.of("--authorized-keys", tmp.resolve("authorized_keys").toString()));
    Files.deleteIfExists(tmp.resolve("serve.out"));
    server = new ProcessBuilder(cmd).redirectErrorStream(true)
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
    return Proc.ssh(port, Path.of(key), user, extra);
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
    return Proc.count(tmp.resolve("data/history.db"), sql);
  }

  @Test
  void aPatientLogsInRatesAndTheRatingIsStored() throws Exception {
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(String.join(" ", ssh("alice", tmp.resolve("key").toString(), "-tt"))
          + "; echo SSH=$?");
      t.waitFor("Press Enter to begin", 20_000);
      t.keys("Enter");
      t.noToStartQuestions();
      t.waitFor("does it hurt", 5000);
      t.keys("4", "Down", "Enter");
      t.waitFor("Cat/Camel series", 5000);
      t.resize(60, 20);
      t.waitFor(s -> s.lines().anyMatch(l -> l.contains("Exercise 1/4") && l.length() <= 60),
          5000, "the session to redraw at 60 columns");
      t.keys("q", "y", "Enter"); // quit, then leave the summary
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
    t.keys("Enter");
    t.noToStartQuestions();
    t.waitFor("does it hurt", 5000);
    t.keys("7", "Down", "Enter"); // above the ceiling: the gentle session, all easiest
    t.gentleSessionAfterHighStart();
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

  @Test
  void ecdsaAndRsaKeysFromOpenSshLogInToo() throws Exception {
    run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f",
        tmp.resolve("ecdsa").toString());
    run("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-N", "", "-f",
        tmp.resolve("rsa").toString());
    Files.writeString(tmp.resolve("authorized_keys"), Files.readString(tmp.resolve("ecdsa.pub"))
        + Files.readString(tmp.resolve("rsa.pub")));
    stopServer();
    startServer();
    for (String key : List.of("ecdsa", "rsa")) {
      // logged in, then refused only for want of a terminal: the key was accepted
      String r = run(ssh("carol", tmp.resolve(key).toString(), "-T").toArray(new String[0]));
      assertTrue(r.startsWith("1:") && r.contains("needs an interactive terminal"), key + ": " + r);
    }
    String r = run(ssh("carol", tmp.resolve("key").toString(), "-T").toArray(new String[0]));
    assertTrue(r.startsWith("255:"), "the ed25519 key is no longer listed: " + r);
  }

  /** The hash of a password, as a clinic makes it: coach serve --hash-password. */
  private String hashOf(String password) throws Exception {
    Process p = new ProcessBuilder("java", "-jar", JAR.toString(), "serve", "--hash-password")
        .redirectErrorStream(true).start();
    p.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    assertTrue(out.startsWith("pbkdf2-sha256$") && !out.contains(password), out);
    return out;
  }

  private String passwordSsh(String user) {
    return "ssh -tt -p " + port + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null"
        + " -o LogLevel=ERROR -o PubkeyAuthentication=no -o PreferredAuthentications=password"
        + " -o NumberOfPasswordPrompts=1 " + user + "@127.0.0.1; echo SSH=$?";
  }

  @Test
  void aKioskLoginAsksForThePatientCodeAndComesBackToIt() throws Exception {
    Files.writeString(tmp.resolve("patients.yaml"), "users:\n"
        + "  - user: waiting-room\n"
        + "    kiosk: true\n"
        + "    password: \"" + hashOf("correct horse") + "\"\n"
        + "patients:\n"
        + "  - P-1001\n");
    stopServer();
    startServer("--patients", tmp.resolve("patients.yaml").toString());
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(passwordSsh("waiting-room"));
      t.waitFor("password:", 20_000);
      t.line("wrong password");
      t.waitFor(s -> s.contains("SSH=255"), 20_000, "a wrong password to be refused");
      t.line("clear; " + passwordSsh("waiting-room"));
      // a new prompt: the refused attempt's lines are gone (clear ran) and a password is asked
      t.waitFor(s -> !s.contains("SSH=255") && s.contains("password:"), 20_000,
          "the second password prompt");
      t.line("correct horse");
      t.waitFor("Please type your patient code", 20_000);
      t.keys("-l", "P-1002");
      t.keys("Enter");
      t.waitFor("not known here", 5000);
      t.keys("-l", "P-1001");
      t.keys("Enter");
      t.waitFor("Press Enter to begin", 5000);
      t.keys("Enter");
      t.noToStartQuestions();
      t.waitFor("does it hurt", 5000);
      t.keys("6", "Down", "Enter"); // above the ceiling: the gentle session, all easiest
      t.gentleSessionAfterHighStart();
      t.waitFor("Cat/Camel series", 5000);
      t.keys("q", "y", "Enter"); // quit, then leave the summary
      String s = t.waitFor("The last session was saved", 5000);
      assertTrue(!s.contains("P-1001"), "the start screen shows nobody's code:\n" + s);
      assertTrue(!s.contains("SSH="), "the kiosk's connection stays open:\n" + s);
    }
    assertEquals(1, count("SELECT count(*) FROM ratings r JOIN sessions s ON s.id = r.session_id"
        + " WHERE s.patient = 'P-1001' AND r.value = 6"));
    assertEquals(0, count("SELECT count(*) FROM sessions WHERE patient <> 'P-1001'"));
  }

  @Test
  void tooManyConnectionsFromOneAddressAreRefused() throws Exception {
    stopServer();
    startServer("--authorized-keys", tmp.resolve("authorized_keys").toString(),
        "--connections-per-minute", "3");
    String key = tmp.resolve("key").toString();
    for (int i = 0; i < 3; i++) {
      String r = run(ssh("dave", key, "-T").toArray(new String[0]));
      assertTrue(r.startsWith("1:"), "connection " + (i + 1) + " is allowed: " + r);
    }
    String r = run(ssh("dave", key, "-T").toArray(new String[0]));
    assertTrue(r.startsWith("255:"), "the fourth in a minute is refused: " + r);
    assertTrue(Files.readString(tmp.resolve("data/serve.log")).contains(
        "too many connections from 127.0.0.1"));
  }

  @Test
  void sigtermSavesEveryOpenSession() throws Exception {
    List<Tmux> kiosks = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Tmux t = new Tmux(80, 24, tmp);
        kiosks.add(t);
        t.line(String.join(" ", ssh("p" + i, tmp.resolve("key").toString(), "-tt"))
            + "; echo SSH=$?");
      }
      for (int i = 0; i < 3; i++) {
        Tmux t = kiosks.get(i);
        t.waitFor("Press Enter to begin", 20_000);
        t.keys("Enter");
        t.noToStartQuestions();
        t.waitFor("does it hurt", 5000);
        t.keys(Integer.toString(i + 1), "Down", "Enter");
        t.waitFor("Cat/Camel series", 5000);
      }
      server.destroy(); // SIGTERM
      assertTrue(server.waitFor(20, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
      assertEquals(0, server.exitValue());
      for (Tmux t : kiosks) {
        t.waitFor(s -> s.contains("SSH="), 10_000, "the client to be let go");
      }
    } finally {
      kiosks.forEach(Tmux::close);
    }
    assertEquals(3, count("SELECT count(*) FROM sessions WHERE outcome = 'INTERRUPTED'"));
    for (int i = 0; i < 3; i++) {
      assertEquals(1, count("SELECT count(*) FROM ratings r JOIN sessions s ON s.id ="
          + " r.session_id WHERE s.patient = 'p" + i + "' AND r.value = " + (i + 1)));
    }
    assertTrue(Files.readString(tmp.resolve("data/serve.log")).contains("stopping: saving 3"));
  }

  @Test
  @Timeout(480) // fifty real logins and sessions; on a loaded machine they take minutes
  void fiftyConcurrentSessionsEachKeepTheirOwnRatings() throws Exception {
    stopServer();
    // timers 25 times faster, but no session may time out while the test, under load, is busy
    // with the others: the idle and length limits run on the same fast clock
    startServer("--authorized-keys", tmp.resolve("authorized_keys").toString(),
        "--connections-per-minute", "100", "--pace", "25", "--idle-timeout", "36000",
        "--max-session-length", "86400");
    int n = 50;
    List<Tmux> kiosks = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        Tmux t = new Tmux(80, 24, tmp);
        kiosks.add(t);
        t.line(String.join(" ", ssh(String.format("load%02d", i), tmp.resolve("key").toString(),
            "-tt")) + "; echo SSH=$?");
      }
      for (Tmux t : kiosks) {
        t.waitFor("Press Enter to begin", 60_000);
        t.keys("Enter");
      }
      for (Tmux t : kiosks) {
        t.noToStartQuestions();
      }
      for (int i = 0; i < n; i++) {
        Tmux t = kiosks.get(i);
        t.waitFor("does it hurt", 10_000);
        t.keys(Integer.toString(i % 4), "Down", "Enter");
      }
      for (Tmux t : kiosks) {
        t.waitFor("Cat/Camel series", 10_000);
        t.keys("Enter"); // the first set runs on its own, every session at once
      }
      for (int i = 0; i < n; i++) {
        Tmux t = kiosks.get(i);
        t.waitFor(s -> s.contains("How much does it hurt right now?"), 60_000, "pain check");
        t.keys(Integer.toString(i % 4 + 2), "Enter");
      }
      for (Tmux t : kiosks) {
        // a rise of 2 above 3 (2 -> 4, 3 -> 5) switches; otherwise the next round (middle back)
        // comes
        t.waitFor(s -> s.contains("Middle back") || s.contains("make this easier"),
            20_000, "what follows the set");
        t.keys("q", "y", "Enter"); // quit, then leave the summary
      }
      for (Tmux t : kiosks) {
        t.waitFor(s -> s.contains("SSH=0"), 20_000, "ssh to end");
      }
    } finally {
      kiosks.forEach(Tmux::close);
    }
    assertEquals(n, count("SELECT count(*) FROM sessions WHERE outcome = 'QUIT'"));
    for (int i = 0; i < n; i++) {
      String who = String.format("load%02d", i);
      assertEquals(2, count("SELECT count(*) FROM ratings r JOIN sessions s ON s.id ="
          + " r.session_id WHERE s.patient = '" + who + "'"), who);
      assertEquals(1, count("SELECT count(*) FROM ratings r JOIN sessions s ON s.id ="
          + " r.session_id WHERE s.patient = '" + who + "' AND r.value = " + (i % 4 + 2)), who);
    }
  }

  @Test
  void loginsAreLimitedInAttemptsAndTime() throws Exception {
    String key = tmp.resolve("key").toString();
    String stranger = tmp.resolve("stranger").toString();
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", tmp.resolve("other").toString());
    String other = tmp.resolve("other").toString();
    // the default allows a kiosk whose right key comes third
    String r = run(ssh("frank", stranger, "-T", "-i", other, "-i", key).toArray(new String[0]));
    assertTrue(r.startsWith("1:") && r.contains("needs an interactive terminal"), r);
    stopServer();
    startServer("--authorized-keys", tmp.resolve("authorized_keys").toString(),
        "--max-auth-attempts", "2", "--auth-timeout", "2");
    r = run(ssh("frank", stranger, "-T", "-i", other, "-i", key).toArray(new String[0]));
    assertTrue(r.startsWith("255:"), "a third try is not allowed: " + r);
    r = run(ssh("frank", key, "-T").toArray(new String[0]));
    assertTrue(r.startsWith("1:"), "the right key first is: " + r);
    try (java.net.Socket idle = new java.net.Socket("127.0.0.1", port)) {
      idle.setSoTimeout(10_000);
      long start = System.nanoTime();
      java.io.InputStream in = idle.getInputStream();
      while (in.read() >= 0) {
        // the server's greeting, then nothing until it gives up on this silent client
      }
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertTrue(waited >= 1500 && waited < 9000, "closed after " + waited + " ms");
    }
  }

  @Test
  void noColorFromTheClientTurnsTheAccentColourOff() throws Exception {
    String blue = "\u001b[44m";
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line(String.join(" ", ssh("gina", tmp.resolve("key").toString(), "-tt")));
      t.waitFor("Press Enter to begin", 20_000);
      assertTrue(t.run("capture-pane", "-p", "-e", "-t", "e2e").contains(blue),
          "the header in the accent colour");
    }
    try (Tmux t = new Tmux(80, 24, tmp)) {
      t.line("NO_COLOR=1 " + String.join(" ", ssh("gina", tmp.resolve("key").toString(), "-tt",
          "-o", "SendEnv=NO_COLOR")));
      t.waitFor("Press Enter to begin", 20_000);
      String s = t.run("capture-pane", "-p", "-e", "-t", "e2e");
      assertTrue(!s.contains(blue) && s.contains("\u001b[7m"), "reverse video instead: " + s);
    }
  }
}
