package coach.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kiosk.PasswordHash;
import coach.kiosk.Patients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    PasswordLogins logins = new PasswordLogins(patients, r);
    assertFalse(logins.check("mallory", "correct horse"));
    assertEquals(List.of(PasswordHash.DUMMY), r.checkedAgainst);
  }

  @Test
  void aUserWithoutAPasswordOrAnIllFormedNameIsCheckedAgainstTheDummyToo() {
    Recorder r = new Recorder();
    PasswordLogins logins = new PasswordLogins(patients, r);
    assertFalse(logins.check("bob", "anything"));
    assertFalse(logins.check("no such/name", "anything"));
    assertFalse(logins.check(null, "anything"));
    assertEquals(List.of(PasswordHash.DUMMY, PasswordHash.DUMMY, PasswordHash.DUMMY),
        r.checkedAgainst);
  }

  @Test
  void aKnownUserIsCheckedAgainstTheirOwnHashOnce() {
    Recorder r = new Recorder();
    PasswordLogins logins = new PasswordLogins(patients, r);
    assertFalse(logins.check("alice", "wrong"));
    assertTrue(logins.check("alice", "correct horse"));
    assertEquals(List.of(aliceHash, aliceHash), r.checkedAgainst);
  }

  @Test
  void evenTheDummysPasswordWouldNotLogAnUnknownNameIn() {
    // whatever the dummy was made from, a match against it is still a refusal
    PasswordLogins logins = new PasswordLogins(patients, (password, stored) -> true);
    assertFalse(logins.check("mallory", "x"));
    assertFalse(logins.check("bob", "x"));
    assertTrue(logins.check("alice", "x"));
  }
}
