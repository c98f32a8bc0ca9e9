package coach.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.app.CoachSession;
import coach.routine.LoadResult;
import coach.routine.RoutineLoader;
import coach.store.HistoryStore;
import coach.store.SessionRecorder;
import coach.store.SqliteHistoryStore;
import coach.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server in-process, with MINA's client: one session's failure leaves the others alone. */
@Timeout(60)
class CoachServerTest {
  @TempDir Path tmp;

  /**
   * No to each question before a patient's first session: the six signs of a serious cause
   * (the routine is self-started), then the four red flags.
   */
  private static final String NO_TO_THE_QUESTIONS = "n".repeat(6 + 4);

  /** A history that fails for one patient, as a damaged disk or a bug might for one session. */
  private static HistoryStore failingFor(String patient, HistoryStore real) {
    return (HistoryStore) java.lang.reflect.Proxy.newProxyInstance(
        HistoryStore.class.getClassLoader(), new Class<?>[] {HistoryStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("begin") && patient.equals(args[0])) {
            throw new IllegalStateException("injected failure for " + patient);
          }
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private record Shell(ClientSession session, ChannelShell channel, ByteArrayOutputStream out) {}

  private static Shell open(SshClient client, KeyPair key, String user, int port)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChannelShell ch = ServeLoad.shell(client, key, user, port, out);
    return new Shell(ch.getClientSession(), ch, out);
  }

  /** The arrow down key, sent whole (an escape sequence split by a pause reads as Esc). */
  private static final String DOWN = "\u001b[B";

  private static void keys(Shell sh, String keys) throws Exception {
    for (int i = 0; i < keys.length(); ) {
      int n = keys.startsWith(DOWN, i) ? DOWN.length() : 1;
      sh.channel().getInvertedIn().write(keys.substring(i, i + n)
          .getBytes(StandardCharsets.UTF_8));
      sh.channel().getInvertedIn().flush();
      i += n;
      Thread.sleep(30);
    }
  }

  /**
   * Ed25519, OpenSSH's default key type: the authorized_keys line is read and the client's
   * signature checked, with Bouncy Castle's Ed25519 (not net.i2p's eddsa, which MINA would prefer
   * if it were on the class path again).
   */
  @Test
  void ed25519KeysLogInAndOthersAreRefused() throws Exception {
    assertEquals("BouncyCastleEdDSASupport",
        SecurityUtils.getEdDSASupport().orElseThrow().getClass().getSimpleName());
    KeyPair key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    KeyPair stranger = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    String line = PublicKeyEntry.toString(key.getPublic());
    assertTrue(line.startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5"), line);
    Path authorized = tmp.resolve("authorized_keys");
    Files.writeString(authorized, line + " kiosk@clinic\n");
    LoadResult routine = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    CoachServer.Settings settings = settings(authorized, null);
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(tmp));
        CoachServer server = new CoachServer(settings, new CoachServer.Routines(routine,
            Map.of()), CoachSession.forServer(store))) {
      server.start();
      SshClient client = client();
      try {
        Shell in = open(client, key, "alice", server.port());
        assertTrue(in.session().isAuthenticated());
        // what serve prints is the key the client was shown, and stays so on a restart
        assertEquals(KeyUtils.getKeyType(in.session().getServerKey()) + " "
            + KeyUtils.getFingerPrint(in.session().getServerKey()), server.hostKeyFingerprint());
        assertTrue(server.hostKeyFingerprint().matches("ecdsa-sha2-nistp256 SHA256:\\S{43}"),
            server.hostKeyFingerprint());
        in.channel().close(false).await(Duration.ofSeconds(10));
        ClientSession s = client.connect("alice", "127.0.0.1", server.port())
            .verify(Duration.ofSeconds(60)).getSession();
        try {
          s.addPublicKeyIdentity(stranger);
          assertThrows(Exception.class, () -> s.auth().verify(Duration.ofSeconds(30)));
          assertFalse(s.isAuthenticated(), "a key not in authorized_keys is refused");
        } finally {
          s.close(true);
        }
      } finally {
        client.stop();
      }
    }
  }

  /** Whether a login with this key as this user is let in. */
  private static boolean keyLogin(SshClient client, int port, String user, KeyPair key)
      throws Exception {
    ClientSession s = client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(60))
        .getSession();
    try {
      s.addPublicKeyIdentity(key);
      try {
        s.auth().verify(Duration.ofSeconds(30));
      } catch (Exception refused) {
        // refused: the session says so below
      }
      return s.isAuthenticated();
    } finally {
      s.close(true);
    }
  }

  /**
   * The options of an authorized_keys line that limit a key hold: from= (the tests connect from
   * 127.0.0.1) and expiry-time=, for the shared file and a user's own keys alike.
   */
  @Test
  void fromAndExpiryTimeOptionsLimitTheirKeys() throws Exception {
    KeyPair elsewhere = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    KeyPair expired = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    KeyPair here = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    KeyPair own = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    Path authorized = tmp.resolve("authorized_keys");
    Files.writeString(authorized,
        "from=\"10.0.0.0/8\" " + PublicKeyEntry.toString(elsewhere.getPublic()) + " a\n"
        + "expiry-time=\"20200101\" " + PublicKeyEntry.toString(expired.getPublic()) + " b\n"
        + "restrict,from=\"127.0.0.*,!10.*\",expiry-time=\"29991231Z\" "
        + PublicKeyEntry.toString(here.getPublic()) + " c\n");
    Path file = tmp.resolve("patients.yaml");
    Files.writeString(file, "users:\n  - user: alice\n    keys: [\"from=\\\"192.0.2.1\\\" "
        + PublicKeyEntry.toString(own.getPublic()) + "\"]\n  - user: bob\n");
    coach.kiosk.Patients.Loaded patients = coach.kiosk.Patients.load(file);
    assertTrue(patients.ok(), patients.problems().toString());
    LoadResult routine = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(tmp));
        CoachServer server = new CoachServer(settings(authorized, patients.patients()),
            new CoachServer.Routines(routine, Map.of()), CoachSession.forServer(store))) {
      server.start();
      SshClient client = client();
      try {
        assertFalse(keyLogin(client, server.port(), "bob", elsewhere), "from= another network");
        assertFalse(keyLogin(client, server.port(), "bob", expired), "expired");
        assertFalse(keyLogin(client, server.port(), "alice", own), "alice's key: from= elsewhere");
        assertTrue(keyLogin(client, server.port(), "bob", here), "from= here, not expired");
      } finally {
        client.stop();
      }
    }
  }

  /** What the client has been sent so far, as text. */
  private static String screen(Shell sh) {
    return new String(sh.out().toByteArray(), StandardCharsets.UTF_8);
  }

  /**
   * Whether the text was drawn: escape sequences and blanks left out on both sides (a full
   * refresh moves the cursor over blank cells instead of writing them).
   */
  private static boolean drawn(Shell sh, String text) {
    return screen(sh).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replace(" ", "")
        .contains(text.replace(" ", ""));
  }

  private static void waitFor(Shell sh, String text) throws Exception {
    long end = System.currentTimeMillis() + 20_000;
    while (!drawn(sh, text)) {
      assertTrue(System.currentTimeMillis() < end, "no \"" + text + "\" in: " + screen(sh));
      Thread.sleep(20);
    }
  }

  /**
   * A kiosk with a patients file takes a listed code whatever its case, the history under the
   * file's spelling, and refuses any other code: nothing starts a new patient by mistake.
   */
  @Test
  void aKioskTakesListedCodesWhateverTheirCaseAndNoOther() throws Exception {
    KeyPair key = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    Path authorized = tmp.resolve("authorized_keys");
    Files.writeString(authorized, PublicKeyEntry.toString(key.getPublic()) + " kiosk\n");
    Path file = tmp.resolve("patients.yaml");
    Files.writeString(file, "patients:\n  - P-1003\n");
    coach.kiosk.Patients.Loaded patients = coach.kiosk.Patients.load(file);
    assertTrue(patients.ok(), patients.problems().toString());
    LoadResult routine = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    CoachServer.Settings settings = new CoachServer.Settings("127.0.0.1", 0, tmp, authorized,
        patients.patients(), true, false, 10, Duration.ofMinutes(10), Duration.ofHours(2),
        Duration.ofSeconds(30), 6, 100, 1.0, Duration.ofMinutes(1));
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(tmp));
        CoachServer server = new CoachServer(settings, new CoachServer.Routines(routine,
            Map.of()), CoachSession.forServer(store))) {
      server.start();
      SshClient client = client();
      try {
        // any name logs in with a kiosk key: every connection is a kiosk
        Shell kiosk = open(client, key, "front-desk", server.port());
        waitFor(kiosk, "patient code");
        keys(kiosk, "P-1004\r");
        waitFor(kiosk, "not known here");
        keys(kiosk, "p-1003\r");
        waitFor(kiosk, "Press Enter to begin");
        keys(kiosk, "\r" + NO_TO_THE_QUESTIONS + "4" + DOWN + "\rqy\r");
        waitFor(kiosk, "The last session was saved");
        kiosk.channel().close(false).await(Duration.ofSeconds(10));
        assertEquals(1, store.sessions("P-1003", null, null).size(), "the file's spelling");
        assertEquals(0, store.sessions("p-1003", null, null).size());
        assertEquals(0, store.sessions("P-1004", null, null).size());
      } finally {
        client.stop();
      }
    }
  }

  /**
   * Unknown codes count across connections: four on one connection, then a reconnect (another
   * login name, the same address), and the fifth makes the screen wait; a third connection sees
   * the wait at once and cannot start even a listed patient's session.
   */
  @Test
  void aKioskThatReconnectsKeepsItsCountOfUnknownCodes() throws Exception {
    KeyPair key = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    Path authorized = tmp.resolve("authorized_keys");
    Files.writeString(authorized, PublicKeyEntry.toString(key.getPublic()) + " kiosk\n");
    Path file = tmp.resolve("patients.yaml");
    Files.writeString(file, "patients:\n  - P-1003\n");
    coach.kiosk.Patients.Loaded patients = coach.kiosk.Patients.load(file);
    assertTrue(patients.ok(), patients.problems().toString());
    LoadResult routine = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    CoachServer.Settings settings = new CoachServer.Settings("127.0.0.1", 0, tmp, authorized,
        patients.patients(), true, false, 10, Duration.ofMinutes(10), Duration.ofHours(2),
        Duration.ofSeconds(30), 6, 100, 1.0, Duration.ofMinutes(1));
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(tmp));
        CoachServer server = new CoachServer(settings, new CoachServer.Routines(routine,
            Map.of()), CoachSession.forServer(store))) {
      server.start();
      SshClient client = client();
      try {
        Shell first = open(client, key, "kiosk-a", server.port());
        waitFor(first, "patient code");
        for (int i = 0; i < 4; i++) {
          first.out().reset();
          keys(first, "X-" + i + "\r");
          waitFor(first, "not known here");
        }
        first.channel().close(false).await(Duration.ofSeconds(10));
        first.session().close(true);
        Shell second = open(client, key, "kiosk-b", server.port());
        waitFor(second, "patient code");
        keys(second, "X-4\r");
        waitFor(second, "Please wait 30 seconds");
        second.channel().close(false).await(Duration.ofSeconds(10));
        second.session().close(true);
        Shell third = open(client, key, "kiosk-c", server.port());
        waitFor(third, "Please wait");
        keys(third, "P-1003\r");
        Thread.sleep(500);
        assertFalse(screen(third).contains("Press Enter to begin"), screen(third));
        assertEquals(0, store.sessions("P-1003", null, null).size());
      } finally {
        client.stop();
      }
    }
  }

  /**
   * Clients that choose huge windows (at login, or by a window change later) get a small screen
   * that asks for a smaller window, and no buffer of their size; windows at the largest drawn
   * size share the server's allowance of cells, and one past it is asked to get smaller too.
   * An ordinary 100x30 session goes through meanwhile, and no session is cut off.
   */
  @Test
  void hugeWindowsAreAskedToGetSmallerAndAnOrdinarySessionGoesOn() throws Exception {
    KeyPair key = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    Path authorized = tmp.resolve("authorized_keys");
    Files.writeString(authorized, PublicKeyEntry.toString(key.getPublic()) + " test\n");
    LoadResult routine = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    int atLogin = 16;
    int changed = 16;
    int largest = (int) (CellBudget.SHARED / (500 * 200 - CellBudget.FREE)) + 1;
    CoachServer.Settings settings = new CoachServer.Settings("127.0.0.1", 0, tmp, authorized,
        null, false, false, atLogin + changed + largest + 1, Duration.ofMinutes(10),
        Duration.ofHours(2), Duration.ofSeconds(30), 6, 1000, 1.0, Duration.ofMinutes(1));
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(tmp));
        CoachServer server = new CoachServer(settings, new CoachServer.Routines(routine,
            Map.of()), CoachSession.forServer(store))) {
      server.start();
      SshClient client = client();
      try {
        List<Shell> huge = new java.util.ArrayList<>();
        for (int i = 0; i < atLogin; i++) {
          huge.add(sized(client, key, "big" + i, server.port(), 1000, 1000));
        }
        for (int i = 0; i < changed; i++) {
          Shell sh = sized(client, key, "grown" + i, server.port(), 80, 24);
          waitFor(sh, "Press Enter to begin");
          sh.out().reset();
          sh.channel().sendWindowChange(1000, 1000);
          huge.add(sh);
        }
        List<Shell> full = new java.util.ArrayList<>();
        for (int i = 0; i < largest; i++) {
          full.add(sized(client, key, "full" + i, server.port(), 500, 200));
        }
        for (Shell sh : huge) {
          waitFor(sh, "Please make the window smaller");
        }
        for (int i = 0; i < largest - 1; i++) {
          waitFor(full.get(i), "Press Enter to begin");
        }
        waitFor(full.get(largest - 1), "Please make the window smaller");
        assertTrue(server.sharedCellsInUse() <= CellBudget.SHARED, "cells beyond the allowance");

        Shell ok = sized(client, key, "ok", server.port(), 100, 30);
        keys(ok, "\r" + NO_TO_THE_QUESTIONS + "4" + DOWN + "\rqy\r");
        var done = ok.channel().waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
            Duration.ofSeconds(30));
        assertTrue(done.contains(ClientChannelEvent.CLOSED), screen(ok));
        assertEquals(0, ok.channel().getExitStatus());
        assertEquals(4, store.ratings(store.sessions("ok", null, null).get(0).id()).get(0)
            .rating().value());
        for (Shell sh : huge) {
          assertFalse(sh.channel().isClosed() || sh.channel().isClosing(), "cut off");
        }

        // a window made ordinary again is drawn again
        Shell back = huge.get(0);
        back.out().reset();
        back.channel().sendWindowChange(100, 30);
        waitFor(back, "Press Enter to begin");
        // and what a session held goes back when it ends
        for (Shell sh : full) {
          sh.channel().close(false).await(Duration.ofSeconds(10));
        }
        long end = System.currentTimeMillis() + 10_000;
        while (server.sharedCellsInUse() > 0 && System.currentTimeMillis() < end) {
          Thread.sleep(20);
        }
        assertEquals(0, server.sharedCellsInUse());
      } finally {
        client.stop();
      }
    }
  }

  /** A shell with an xterm PTY of this size, its output kept. */
  private static Shell sized(SshClient client, KeyPair key, String user, int port, int columns,
      int rows) throws Exception {
    ChannelShell ch = ServeLoad.unopenedShell(client, key, user, port);
    ch.setPtyColumns(columns);
    ch.setPtyLines(rows);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ch.setOut(out);
    ch.setErr(java.io.OutputStream.nullOutputStream());
    ch.open().verify(Duration.ofSeconds(60));
    return new Shell(ch.getClientSession(), ch, out);
  }

  /** A server on a free loopback port with this test's limits; logins by keys or a patients file. */
  private CoachServer.Settings settings(Path authorized, coach.kiosk.Patients patients) {
    return new CoachServer.Settings("127.0.0.1", 0, tmp, authorized, patients, false, false, 10,
        Duration.ofMinutes(10), Duration.ofHours(2), Duration.ofSeconds(30), 6, 100, 1.0,
        Duration.ofMinutes(1));
  }

  /** MINA's client, started, trusting whatever host key the test server shows. */
  private static SshClient client() {
    SshClient client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
    return client;
  }

  @Test
  void oneSessionFailingLeavesTheOthersRunning() throws Exception {
    KeyPair key = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    Path authorized = tmp.resolve("authorized_keys");
    Files.writeString(authorized, PublicKeyEntry.toString(key.getPublic()) + " test\n");
    LoadResult routine = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    CoachServer.Settings settings = settings(authorized, null);
    try (SqliteHistoryStore real = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(tmp));
        CoachServer server = new CoachServer(settings, new CoachServer.Routines(routine,
            Map.of()), CoachSession.forServer(failingFor("boom", real)))) {
      server.start();
      SshClient client = client();
      try {
        Shell ok = open(client, key, "ok", server.port());
        Shell boom = open(client, key, "boom", server.port());
        var ended = boom.channel().waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
            Duration.ofSeconds(20));
        assertTrue(ended.contains(ClientChannelEvent.CLOSED), "the failing session is closed");
        assertEquals(1, boom.channel().getExitStatus(), "with a failure status");
        // the other session goes on: the first session's questions, screening, a baseline
        // rating, quit
        keys(ok, "\r" + NO_TO_THE_QUESTIONS + "4" + DOWN + "\rqy\r");
        var done = ok.channel().waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
            Duration.ofSeconds(20));
        assertTrue(done.contains(ClientChannelEvent.CLOSED), new String(ok.out().toByteArray(),
            StandardCharsets.UTF_8));
        assertEquals(0, ok.channel().getExitStatus());
        List<HistoryStore.SessionRow> rows = real.sessions("ok", null, null);
        assertEquals(1, rows.size());
        assertEquals(4, real.ratings(rows.get(0).id()).get(0).rating().value());
        long end = System.currentTimeMillis() + 5000;
        while (server.activeSessions() > 0 && System.currentTimeMillis() < end) {
          Thread.sleep(20);
        }
        assertEquals(0, server.activeSessions(), "both places are free again");
      } finally {
        client.stop();
      }
    }
  }

  /**
   * Clients that read nothing, more of them than the server has workers: each fills its small
   * window with the first screen and takes no more. Another patient's session goes through
   * meanwhile; they are not cut off (a worker that waited for a window would have ended its
   * session after 5 s); and one that starts reading gets the rest of its screen.
   */
  @Test
  void clientsThatReadNothingHoldUpOnlyTheirOwnSessions() throws Exception {
    KeyPair key = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    Path authorized = tmp.resolve("authorized_keys");
    Files.writeString(authorized, PublicKeyEntry.toString(key.getPublic()) + " test\n");
    LoadResult routine = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    int stuckCount = Math.min(40, 4 * Runtime.getRuntime().availableProcessors() + 2);
    CoachServer.Settings settings = new CoachServer.Settings("127.0.0.1", 0, tmp, authorized,
        null, false, false, stuckCount + 2, Duration.ofMinutes(10), Duration.ofHours(2),
        Duration.ofSeconds(30), 6, 1000, 1.0, Duration.ofMinutes(1));
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(tmp));
        CoachServer server = new CoachServer(settings, new CoachServer.Routines(routine,
            Map.of()), CoachSession.forServer(store))) {
      server.start();
      SshClient client = client();
      SshClient slow = SshClient.setUpDefaultClient();
      slow.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
      org.apache.sshd.core.CoreModuleProperties.WINDOW_SIZE.set(slow, 512L);
      slow.start();
      try {
        List<ChannelShell> stuck = new java.util.ArrayList<>();
        for (int i = 0; i < stuckCount; i++) {
          ChannelShell ch = ServeLoad.unopenedShell(slow, key, "stuck" + i, server.port());
          ch.setStreaming(org.apache.sshd.client.channel.ClientChannel.Streaming.Sync);
          ch.open().verify(Duration.ofSeconds(60));
          stuck.add(ch); // its output is never read: the window stays full
        }
        long since = System.nanoTime();
        Shell ok = open(client, key, "ok", server.port());
        keys(ok, "\r" + NO_TO_THE_QUESTIONS + "4" + DOWN + "\rqy\r");
        var done = ok.channel().waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
            Duration.ofSeconds(30));
        assertTrue(done.contains(ClientChannelEvent.CLOSED), new String(ok.out().toByteArray(),
            StandardCharsets.UTF_8));
        assertEquals(0, ok.channel().getExitStatus());
        assertEquals(4, store.ratings(store.sessions("ok", null, null).get(0).id()).get(0)
            .rating().value());

        Thread.sleep(Math.max(0, 8000 - (System.nanoTime() - since) / 1_000_000));
        for (ChannelShell ch : stuck) {
          assertFalse(ch.isClosed() || ch.isClosing(), "a client that reads nothing yet is"
              + " not cut off within 8 s");
        }
        assertEquals(stuckCount, server.activeSessions());

        // one reads at last: what waited for it comes, beyond its first window
        java.io.InputStream in = stuck.get(0).getInvertedOut();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        long end = System.currentTimeMillis() + 20_000;
        while (!got.toString(StandardCharsets.UTF_8).contains("Enter")
            && System.currentTimeMillis() < end) {
          int n = in.read(buf);
          if (n < 0) {
            break;
          }
          got.write(buf, 0, n);
        }
        String screen = got.toString(StandardCharsets.UTF_8);
        assertTrue(screen.contains("Enter"), screen);
        assertTrue(got.size() > 512, "more than the first window: " + got.size());
      } finally {
        slow.stop();
        client.stop();
      }
    }
  }

  /** Logs in with one password; whether the server let the session in. */
  private static boolean passwordLogin(SshClient client, int port, String user, String password)
      throws Exception {
    ClientSession s = client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(60))
        .getSession();
    try {
      s.addPasswordIdentity(password);
      try {
        s.auth().verify(Duration.ofSeconds(30));
      } catch (Exception refused) {
        // refused: the session says so below
      }
      return s.isAuthenticated();
    } finally {
      s.close(true);
    }
  }

  /** Passwords are checked off the I/O threads and answered later; MINA's client sees both. */
  @Test
  void passwordsAreAnsweredAfterTheirCheck() throws Exception {
    Path file = tmp.resolve("patients.yaml");
    Files.writeString(file, "users:\n  - user: alice\n    password: \""
        + coach.kiosk.PasswordHash.hash("correct horse".toCharArray()) + "\"\n");
    coach.kiosk.Patients.Loaded patients = coach.kiosk.Patients.load(file);
    assertTrue(patients.ok(), patients.problems().toString());
    LoadResult routine = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    CoachServer.Settings settings = settings(null, patients.patients());
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(tmp));
        CoachServer server = new CoachServer(settings, new CoachServer.Routines(routine,
            Map.of()), CoachSession.forServer(store))) {
      server.start();
      SshClient client = client();
      try {
        assertFalse(passwordLogin(client, server.port(), "alice", "wrong"));
        assertFalse(passwordLogin(client, server.port(), "mallory", "correct horse"));
        assertTrue(passwordLogin(client, server.port(), "alice", "correct horse"));
      } finally {
        client.stop();
      }
    }
  }
}
