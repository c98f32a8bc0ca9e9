package coach.ssh;

import coach.kiosk.PasswordHash;
import coach.kiosk.Patients;
import java.util.logging.Logger;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Password logins against the hashes in the patients file. Every attempt does the same work: a
 * user name that may not log in, or a user without a password, has the offered password checked
 * against {@link PasswordHash#DUMMY} (same iteration count) and is then refused, so how long a
 * refusal takes does not tell which names exist.
 */
final class PasswordLogins implements PasswordAuthenticator {
  private static final Logger LOG = Logger.getLogger("coach.ssh");

  /** Checks a password against a stored hash: {@link PasswordHash#matches(String, String)}. */
  @FunctionalInterface
  interface Verifier {
    boolean matches(String password, String storedHash);
  }

  private final Patients patients;
  private final Verifier verifier;

  PasswordLogins(Patients patients, Verifier verifier) {
    this.patients = patients;
    this.verifier = verifier;
  }

  @Override
  public boolean authenticate(String user, String password, ServerSession session) {
    boolean ok = check(user, password);
    if (!ok) {
      LOG.info(() -> "password refused: user " + Names.clean(user) + " from "
          + CoachServer.address(session));
    }
    return ok;
  }

  /** The stored hash of a user who may log in with a password; null for any other name. */
  private String hashOf(String user) {
    if (user == null || !Patients.NAME.matcher(user).matches()) {
      return null;
    }
    return patients.user(user).map(Patients.User::passwordHash).orElse(null);
  }

  /** The same derivation for every name; true only for a user's own hash. */
  boolean check(String user, String password) {
    String stored = hashOf(user);
    boolean matches = verifier.matches(password == null ? "" : password,
        stored == null ? PasswordHash.DUMMY : stored);
    return stored != null && matches;
  }
}
