package coach.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CodeGuessesTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final CodeGuesses guesses = new CodeGuesses(now::get);

  @Test
  void fiveUnknownCodesUnderAKeyMakeEveryScreenUnderItWait() {
    CodeGuesses.Guard first = guesses.guard(List.of("address 192.0.2.1", "login front"));
    CodeGuesses.Guard reconnected = guesses.guard(List.of("address 192.0.2.1", "login other"));
    CodeGuesses.Guard sameLogin = guesses.guard(List.of("address 192.0.2.9", "login front"));
    CodeGuesses.Guard stranger = guesses.guard(List.of("address 192.0.2.9", "login other"));
    for (int i = 0; i < 4; i++) {
      assertEquals(0, first.unknown());
    }
    assertEquals(0, reconnected.waitNanos());
    assertEquals(CodeGuesses.LOCK_NANOS, reconnected.unknown(), "the fifth, from the address");
    assertEquals(CodeGuesses.LOCK_NANOS, first.waitNanos());
    assertEquals(0, sameLogin.waitNanos(), "the login has four: not yet");
    assertEquals(0, stranger.waitNanos());
    now.addAndGet(CodeGuesses.LOCK_NANOS / 2);
    assertEquals(CodeGuesses.LOCK_NANOS / 2, reconnected.waitNanos());
    assertEquals(CodeGuesses.LOCK_NANOS / 2, reconnected.unknown(), "a wait is not lengthened");
    now.addAndGet(CodeGuesses.LOCK_NANOS / 2);
    assertEquals(0, first.waitNanos());
    assertEquals(CodeGuesses.LOCK_NANOS, sameLogin.unknown(), "the login's fifth");
  }

  @Test
  void quietKeysAreForgottenAndTheTableIsBounded() {
    CodeGuesses.Guard g = guesses.guard(List.of("address 192.0.2.1"));
    for (int i = 0; i < 4; i++) {
      g.unknown();
    }
    now.addAndGet(CodeGuesses.FORGET_NANOS);
    assertEquals(0, g.unknown(), "four unknown codes five minutes ago are forgotten");
    for (int i = 0; i < CodeGuesses.MAX_KEYS + 50; i++) {
      guesses.guard(List.of("address 10.0." + (i / 256) + "." + (i % 256))).unknown();
    }
    assertTrue(guesses.size() <= CodeGuesses.MAX_KEYS, "kept: " + guesses.size());
  }
}
