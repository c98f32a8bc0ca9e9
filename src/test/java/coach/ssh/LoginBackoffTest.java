package coach.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-account back-off on a manual clock: time is moved, never waited for. */
class LoginBackoffTest {
  private static final long S = LoginBackoff.SECOND;
  private final AtomicLong now = new AtomicLong(123 * S);
  private final LoginBackoff backoff = new LoginBackoff(now::get);

  /** Fails an account n times, each check taken as soon as it may be; returns the waits. */
  private List<Long> failInARow(String account, int n) {
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long wait = backoff.reserve(account);
      waits.add(wait / S);
      now.addAndGet(wait);
      backoff.failed(account);
    }
    return waits;
  }

  @Test
  void threeFreeTriesThenOneTwoFourSecondsUpToThirty() {
    assertEquals(List.of(0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L),
        failInARow("alice", 11));
    assertEquals(0, LoginBackoff.delayAfter(2));
    assertEquals(1 * S, LoginBackoff.delayAfter(3));
    assertEquals(30 * S, LoginBackoff.delayAfter(Integer.MAX_VALUE));
  }

  @Test
  void theWaitCountsFromTheLastCheckNotFromTheNextAttempt() {
    failInARow("alice", 5); // the next check may come 4 s after the fifth
    now.addAndGet(3 * S);
    assertEquals(1 * S, backoff.reserve("alice"));
  }

  @Test
  void aSuccessStartsAgainFromNothing() {
    failInARow("alice", 6);
    now.addAndGet(backoff.reserve("alice"));
    backoff.succeeded("alice");
    assertEquals(List.of(0L, 0L, 0L, 1L), failInARow("alice", 4));
  }

  @Test
  void eachNameFromEachAddressIsItsOwnAccountAndIllFormedNamesShareOne() {
    failInARow("alice", 8);
    assertEquals(0, backoff.reserve("bob"), "another user is not slowed by alice's failures");
    String ip = "192.0.2.7";
    assertEquals(ip + " ", LoginBackoff.account("../etc", ip));
    assertEquals(ip + " ", LoginBackoff.account("x".repeat(40), ip));
    assertEquals(ip + " ", LoginBackoff.account(null, ip));
    assertEquals(ip + " mallory", LoginBackoff.account("mallory", ip));
    assertEquals("192.0.2.8 mallory", LoginBackoff.account("mallory", "192.0.2.8"));
  }

  @Test
  void parallelAttemptsAreCheckedOneAfterTheOtherAndAtMostTwoWait() {
    failInARow("alice", 8); // next delay: 30 s
    now.addAndGet(60 * S);
    assertEquals(0, backoff.reserve("alice"), "the first goes ahead");
    assertEquals(30 * S, backoff.reserve("alice"), "the second waits for the first's delay");
    assertEquals(-1, backoff.reserve("alice"), "a third would wait over 30 s: refused");
    backoff.failed("alice");
    now.addAndGet(30 * S);
    backoff.failed("alice");
    assertEquals(30 * S, backoff.reserve("alice"));
  }

  @Test
  void parallelAttemptsDoNotGetMoreThanThreeFreeTries() {
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waits.add(backoff.reserve("alice") / S); // all at once, none answered yet
    }
    assertEquals(List.of(0L, 0L, 0L, 1L, 3L), waits);
  }

  @Test
  void anAbandonedAttemptCountsNoFailure() {
    failInARow("alice", 2);
    backoff.reserve("alice");
    backoff.abandoned("alice");
    assertEquals(2, backoff.failures("alice"));
  }

  @Test
  void quietAccountsAreForgottenAndTheTableIsBounded() {
    failInARow("alice", 5);
    now.addAndGet(LoginBackoff.FORGET_AFTER + 1);
    assertEquals(0, backoff.reserve("bob"));
    assertEquals(1, backoff.size(), "alice, quiet for an hour, is forgotten");
    backoff.abandoned("bob");
    for (int i = 0; i < LoginBackoff.MAX_ACCOUNTS + 50; i++) {
      now.addAndGet(1);
      backoff.reserve("user" + i);
      backoff.failed("user" + i);
    }
    assertTrue(backoff.size() <= LoginBackoff.MAX_ACCOUNTS, "size " + backoff.size());
    assertEquals(1, backoff.failures("user" + (LoginBackoff.MAX_ACCOUNTS + 49)),
        "the newest are kept");
  }
}
