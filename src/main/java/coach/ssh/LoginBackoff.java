package coach.ssh;

import coach.kiosk.Patients;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How long the next password check of an account must wait, from its failures in a row: three
 * tries cost nothing, then the next check waits 1 s after the last, then 2 s, 4 s and so on up to
 * 30 s; a success starts again from nothing. An account is a user name together with the address
 * the attempt comes from, names that do not exist included (so probing for names costs what
 * guessing does); every ill-formed name shares one account per address, as none of them can log
 * in. Keyed by the name alone, anyone who knew a name could keep its user out: a few wrong tries
 * kept in flight made the user's own right password wait, or be refused unchecked. Guesses from
 * many addresses at one name are each slowed on their own; they are bounded by the connections
 * an address may make and by the few threads that check passwords.
 *
 * <p>An attempt reserves its check's time as if every check before it fails, so attempts arriving
 * in parallel (many connections, one account) are checked one after the other rather than all at
 * once. An attempt that would wait longer than the longest delay is refused without a check: at
 * most two are ever waiting per account. Accounts quiet for an hour are forgotten, and at most
 * {@link #MAX_ACCOUNTS} are kept (the quietest go first), so the table stays small whatever
 * names are tried.
 */
final class LoginBackoff {
  static final int FREE_TRIES = 3;
  static final long SECOND = 1_000_000_000L;
  static final long MAX_DELAY = 30 * SECOND;
  static final long FORGET_AFTER = 3600 * SECOND;
  static final int MAX_ACCOUNTS = 10_000;
  private static final long SWEEP_EVERY = 60 * SECOND;

  private static final class Account {
    int failures;
    int pending;
    long nextCheck;
    long lastSeen;
  }

  private final LongSupplier clock;
  private final Map<String, Account> accounts = new HashMap<>();
  private long lastSweep;

  LoginBackoff(LongSupplier clock) {
    this.clock = clock;
    this.lastSweep = clock.getAsLong();
  }

  /** The account a user name tried from an address (without its port) counts against. */
  static String account(String user, String address) {
    return (address == null ? "" : address) + " "
        + (user != null && Patients.NAME.matcher(user).matches() ? user : "");
  }

  /** The wait before the check that follows this many failures in a row. */
  static long delayAfter(int failures) {
    if (failures < FREE_TRIES) {
      return 0;
    }
    int doublings = failures - FREE_TRIES;
    return doublings >= 5 ? MAX_DELAY : Math.min(MAX_DELAY, SECOND << doublings);
  }

  /**
   * Reserves the next check of an account: the nanoseconds to wait before checking, or -1 when
   * the wait would be longer than {@link #MAX_DELAY} (refuse without checking). Each reservation
   * must be ended by {@link #failed}, {@link #succeeded} or {@link #abandoned}.
   */
  synchronized long reserve(String account) {
    long now = clock.getAsLong();
    sweep(now);
    Account a = accounts.get(account);
    if (a == null) {
      makeRoom();
      a = new Account();
      a.nextCheck = now;
      accounts.put(account, a);
    }
    a.lastSeen = now;
    long at = Math.max(now, a.nextCheck);
    if (at - now > MAX_DELAY) {
      return -1;
    }
    a.nextCheck = at + delayAfter(a.failures + a.pending + 1);
    a.pending++;
    return at - now;
  }

  /** The check failed; returns the account's failures in a row. */
  synchronized int failed(String account) {
    Account a = end(account);
    a.failures = Math.min(a.failures + 1, 1_000_000);
    return a.failures;
  }

  /** The check succeeded: the account starts again from nothing. */
  synchronized void succeeded(String account) {
    Account a = end(account);
    a.failures = 0;
    a.nextCheck = clock.getAsLong();
  }

  /** The connection went away before its check: nothing was tried. */
  synchronized void abandoned(String account) {
    end(account);
  }

  /** Failures in a row so far (for the log). */
  synchronized int failures(String account) {
    Account a = accounts.get(account);
    return a == null ? 0 : a.failures;
  }

  synchronized int size() {
    return accounts.size();
  }

  private Account end(String account) {
    Account a = accounts.computeIfAbsent(account, k -> new Account());
    a.pending = Math.max(0, a.pending - 1);
    a.lastSeen = clock.getAsLong();
    return a;
  }

  private void sweep(long now) {
    if (now - lastSweep < SWEEP_EVERY) {
      return;
    }
    lastSweep = now;
    accounts.values().removeIf(a -> a.pending == 0 && now - a.lastSeen >= FORGET_AFTER);
  }

  /** At the limit, forgets the account quiet the longest (none with a check under way). */
  private void makeRoom() {
    if (accounts.size() < MAX_ACCOUNTS) {
      return;
    }
    String quietest = null;
    long oldest = 0;
    for (Map.Entry<String, Account> e : accounts.entrySet()) {
      Account a = e.getValue();
      if (a.pending == 0 && (quietest == null || a.lastSeen - oldest < 0)) {
        oldest = a.lastSeen;
        quietest = e.getKey();
      }
    }
    if (quietest != null) {
      accounts.remove(quietest);
    }
  }
}
