package coach.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kiosk.PasswordHash;
import coach.kiosk.Patients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password logins do the same work for every name: the verification seam records each hash a
 * password is checked against, so the tests see the derivation happen without timing anything.
 */
class PasswordLoginsTest {
  private static String aliceHash;
  private static Patients patients;

  @BeforeAll
  static void patientsFile(@TempDir Path tmp) throws Exception {
    aliceHash = PasswordHash.hash("correct horse".toCharArray());
    Path f = tmp.resolve("patients.yaml");
    Files.writeString(f, "users:\n"
        + "  - user: alice\n"
        + "    password: \"" + aliceHash + "\"\n"
        + "  - user: bob\n" // keys only: no password to check
        + "    keys: []\n");
    Patients.Loaded loaded = Patients.load(f);
    assertTrue(loaded.ok(), loaded.problems().toString());
    patients = loaded.patients();
  }

  /** Each hash a password was checked against, through the real PBKDF2. */
  private static final class Recorder implements PasswordLogins.Verifier {
    final List<String> checkedAgainst = new ArrayList<>();

    @Override
    public boolean matches(String password, String storedHash) {
      checkedAgainst.add(storedHash);
      return PasswordHash.matches(password, storedHash);
    }
  }

  /** Tasks handed to the login threads, with their waits: the test runs them itself. */
  private static final class Queue implements PasswordLogins.Later {
    final List<Long> waits = new ArrayList<>();
    final List<Runnable> tasks = new ArrayList<>();

    @Override
    public void run(long waitNanos, Runnable task) {
      waits.add(waitNanos);
      tasks.add(task);
    }
  }

  private static PasswordLogins logins(PasswordLogins.Verifier v) {
    return new PasswordLogins(patients, v, new LoginBackoff(() -> 0L), (wait, task) -> {
      throw new AssertionError("check() is called directly here");
    });
  }

  /**
   * One attempt through the SSH library's entry point: it is always answered later, through an
   * AsyncAuthException; returns the wait it was given and, once its task has run, the answer.
   */
  private static long[] attempt(PasswordLogins logins, Queue q, String user, String password) {
    AsyncAuthException answer = assertThrows(AsyncAuthException.class,
        () -> logins.authenticate(user, password, null));
    long[] result = {q.waits.get(q.waits.size() - 1), -1};
    answer.addListener(ok -> result[1] = ok ? 1 : 0);
    assertEquals(-1, result[1], "no answer before the check has run");
    q.tasks.get(q.tasks.size() - 1).run();
    return result;
  }

  private static int iterations(String hash) {
    return Integer.parseInt(hash.split("\\$")[1]);
  }

  @Test
  void theDummyIsAHashAtTheSameIterationCount() {
    assertNull(PasswordHash.problem(PasswordHash.DUMMY));
    assertEquals(PasswordHash.ITERATIONS, iterations(PasswordHash.DUMMY));
    assertEquals(iterations(aliceHash), iterations(PasswordHash.DUMMY));
  }

  @Test
  void anUnknownNameIsCheckedAgainstTheDummyAndRefused() {
    Recorder r = new Recorder();
    PasswordLogins logins = logins(r);
    assertFalse(logins.check("mallory", "correct horse"));
    assertEquals(List.of(PasswordHash.DUMMY), r.checkedAgainst);
  }

  @Test
  void aUserWithoutAPasswordOrAnIllFormedNameIsCheckedAgainstTheDummyToo() {
    Recorder r = new Recorder();
    PasswordLogins logins = logins(r);
    assertFalse(logins.check("bob", "anything"));
    assertFalse(logins.check("no such/name", "anything"));
    assertFalse(logins.check(null, "anything"));
    assertEquals(List.of(PasswordHash.DUMMY, PasswordHash.DUMMY, PasswordHash.DUMMY),
        r.checkedAgainst);
  }

  @Test
  void aKnownUserIsCheckedAgainstTheirOwnHashOnce() {
    Recorder r = new Recorder();
    PasswordLogins logins = logins(r);
    assertFalse(logins.check("alice", "wrong"));
    assertTrue(logins.check("alice", "correct horse"));
    assertEquals(List.of(aliceHash, aliceHash), r.checkedAgainst);
  }

  @Test
  void evenTheDummysPasswordWouldNotLogAnUnknownNameIn() {
    // whatever the dummy was made from, a match against it is still a refusal
    PasswordLogins logins = logins((password, stored) -> true);
    assertFalse(logins.check("mallory", "x"));
    assertFalse(logins.check("bob", "x"));
    assertTrue(logins.check("alice", "x"));
  }

  @Test
  void failuresInARowMakeTheNextCheckOfThatNameWaitLongerAndASuccessResetsIt() {
    AtomicLong now = new AtomicLong();
    Queue q = new Queue();
    Recorder r = new Recorder();
    PasswordLogins logins = new PasswordLogins(patients, r, new LoginBackoff(now::get), q);
    long s = LoginBackoff.SECOND;
    for (int i = 0; i < 3; i++) {
      assertEquals(0, attempt(logins, q, "alice", "guess" + i)[0], "three tries cost nothing");
    }
    long[] fourth = attempt(logins, q, "alice", "guess3");
    assertEquals(1 * s, fourth[0]);
    assertEquals(0, fourth[1]);
    now.addAndGet(1 * s);
    assertEquals(2 * s, attempt(logins, q, "alice", "guess4")[0]);
    now.addAndGet(2 * s);
    long[] right = attempt(logins, q, "alice", "correct horse");
    assertEquals(4 * s, right[0], "the right password waits its turn too");
    assertEquals(1, right[1]);
    now.addAndGet(4 * s);
    assertEquals(0, attempt(logins, q, "alice", "typo")[0], "a success starts again");
    assertEquals(7, r.checkedAgainst.size(), "every attempt was checked once");
  }

  @Test
  void anUnknownNameIsSlowedDownLikeAKnownOne() {
    AtomicLong now = new AtomicLong();
    Queue q = new Queue();
    PasswordLogins logins = new PasswordLogins(patients, new Recorder(),
        new LoginBackoff(now::get), q);
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long[] a = attempt(logins, q, "mallory", "guess" + i);
      assertEquals(0, a[1]);
      waits.add(a[0] / LoginBackoff.SECOND);
      now.addAndGet(a[0]);
    }
    assertEquals(List.of(0L, 0L, 0L, 1L, 2L, 4L), waits);
  }

  /** A session open from this address (as MINA's server session tells it). */
  private static org.apache.sshd.server.session.ServerSession from(String ip) {
    return (org.apache.sshd.server.session.ServerSession) java.lang.reflect.Proxy
        .newProxyInstance(PasswordLoginsTest.class.getClassLoader(),
            new Class<?>[] {org.apache.sshd.server.session.ServerSession.class},
            (proxy, method, args) -> switch (method.getName()) {
              case "isOpen" -> true;
              case "isClosing" -> false;
              case "getClientAddress" -> new java.net.InetSocketAddress(ip, 40000);
              case "toString" -> "session from " + ip;
              default -> throw new UnsupportedOperationException(method.getName());
            });
  }

  /**
   * Someone who knows alice's name keeps wrong tries in flight from their own address, more than
   * the back-off lets wait; alice's right password from her kiosk is checked at once all the same.
   */
  @Test
  void wrongTriesFromOneAddressDoNotKeepTheUserOutFromAnother() {
    Queue q = new Queue();
    Recorder r = new Recorder();
    PasswordLogins logins = new PasswordLogins(patients, r, new LoginBackoff(() -> 0L), q);
    org.apache.sshd.server.session.ServerSession attacker = from("198.51.100.9");
    for (int i = 0; i < 8; i++) {
      String guess = "guess" + i;
      try {
        logins.authenticate("alice", guess, attacker);
      } catch (AsyncAuthException inFlight) {
        // waits for its check, which the test never runs: the tries stay in flight
      }
    }
    assertTrue(q.tasks.size() < 8, "some of the attacker's tries are refused unchecked");
    int queued = q.tasks.size();
    AsyncAuthException answer = assertThrows(AsyncAuthException.class,
        () -> logins.authenticate("alice", "correct horse", from("192.0.2.5")),
        "alice's own try is not refused unchecked");
    assertEquals(queued + 1, q.tasks.size());
    assertEquals(0L, q.waits.get(queued), "and does not wait for the attacker's tries");
    boolean[] in = {false};
    answer.addListener(ok -> in[0] = ok);
    q.tasks.get(queued).run();
    assertTrue(in[0], "alice is let in");
    assertEquals(List.of(aliceHash), r.checkedAgainst);
  }

  @Test
  void aClientThatLeftWhileWaitingIsNotChecked() throws Exception {
    Queue q = new Queue();
    Recorder r = new Recorder();
    LoginBackoff backoff = new LoginBackoff(() -> 0L);
    PasswordLogins logins = new PasswordLogins(patients, r, backoff, q);
    org.apache.sshd.server.session.ServerSession gone = (org.apache.sshd.server.session
        .ServerSession) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {org.apache.sshd.server.session.ServerSession.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "isOpen" -> false;
          case "isClosing" -> true;
          case "getClientAddress" -> null;
          case "toString" -> "closed session";
          default -> throw new UnsupportedOperationException(method.getName());
        });
    AsyncAuthException answer = assertThrows(AsyncAuthException.class,
        () -> logins.authenticate("alice", "correct horse", gone));
    boolean[] refused = {false};
    answer.addListener(ok -> refused[0] = !ok);
    q.tasks.get(0).run();
    assertTrue(refused[0]);
    assertTrue(r.checkedAgainst.isEmpty(), "no PBKDF2 for a client that left");
    assertEquals(0, backoff.failures(LoginBackoff.account("alice", null)),
        "and no failure counted");
  }
}
