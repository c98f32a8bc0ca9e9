package coach.ssh;

import coach.kiosk.PasswordHash;
import coach.kiosk.Patients;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Password logins against the hashes in the patients file.
 *
 * <p>Every attempt does the same work: a user name that may not log in, or a user without a
 * password, has the offered password checked against {@link PasswordHash#DUMMY} (same iteration
 * count) and is then refused, so how long a refusal takes does not tell which names exist.
 *
 * <p>Failures in a row slow the account (the name, from one address) down ({@link
 * LoginBackoff}): the check waits, and the answer with it. Nothing waits on the SSH library's I/O threads: the attempt is answered later
 * through {@link AsyncAuthException}, and the check itself (a tenth of a second of PBKDF2) runs on
 * the login threads too, so other sessions' screens keep their pace while logins are checked.
 */
final class PasswordLogins implements PasswordAuthenticator {
  private static final Logger LOG = Logger.getLogger("coach.ssh");

  /** Checks a password against a stored hash: {@link PasswordHash#matches(String, String)}. */
  @FunctionalInterface
  interface Verifier {
    boolean matches(String password, String storedHash);
  }

  /** Runs a task after a wait, off the I/O threads. */
  @FunctionalInterface
  interface Later {
    void run(long waitNanos, Runnable task);
  }

  private final Patients patients;
  private final Verifier verifier;
  private final LoginBackoff backoff;
  private final Later later;

  PasswordLogins(Patients patients, Verifier verifier, LoginBackoff backoff, Later later) {
    this.patients = patients;
    this.verifier = verifier;
    this.backoff = backoff;
    this.later = later;
  }

  /** Always answers later: throws the {@link AsyncAuthException} that carries the answer. */
  @Override
  public boolean authenticate(String user, String password, ServerSession session) {
    String account = LoginBackoff.account(user, CoachServer.host(session));
    long wait = backoff.reserve(account);
    if (wait < 0) {
      int failures = backoff.failures(account);
      LOG.info(() -> "password refused unchecked: user " + Names.clean(user) + " from "
          + CoachServer.address(session) + " (" + failures + " failed in a row; a check of"
          + " this name from this address is already waiting)");
      return false;
    }
    AsyncAuthException answer = new AsyncAuthException();
    try {
      later.run(wait, () -> {
        boolean ok = false;
        try {
          ok = attempt(account, user, password, session);
        } catch (RuntimeException | Error e) {
          LOG.log(Level.WARNING, "the password check of " + Names.clean(user) + " failed", e);
        } finally {
          answer.setAuthed(ok);
        }
      });
    } catch (RuntimeException e) { // the server is stopping
      backoff.abandoned(account);
      throw e;
    }
    throw answer;
  }

  /** Checks one attempt when its wait is over and records how it went. */
  private boolean attempt(String account, String user, String password, ServerSession session) {
    if (session != null && (session.isClosing() || !session.isOpen())) {
      backoff.abandoned(account); // the client left while waiting: nothing to check
      return false;
    }
    boolean ok;
    try {
      ok = check(user, password);
    } catch (RuntimeException | Error e) {
      backoff.abandoned(account);
      throw e;
    }
    if (ok) {
      backoff.succeeded(account);
      return true;
    }
    int failures = backoff.failed(account);
    long next = LoginBackoff.delayAfter(failures);
    LOG.info(() -> "password refused: user " + Names.clean(user) + " from "
        + CoachServer.address(session) + (next == 0 ? "" : " (" + failures
        + " failed in a row; the next check of this name from this address waits "
        + next / LoginBackoff.SECOND + " s)"));
    return false;
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
