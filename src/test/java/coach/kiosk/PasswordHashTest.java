package coach.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
  @Test
  void aHashChecksItsOwnPasswordAndNoOther() {
    String h = PasswordHash.hash("correct horse".toCharArray());
    assertTrue(h.startsWith("pbkdf2-sha256$600000$"), h);
    assertNull(PasswordHash.problem(h));
    assertTrue(PasswordHash.matches("correct horse", h));
    assertFalse(PasswordHash.matches("correct hors", h));
    assertFalse(PasswordHash.matches("", h));
    assertNotEquals(h, PasswordHash.hash("correct horse".toCharArray()), "a fresh salt each time");
  }

  @Test
  void knownAnswerOfPbkdf2HmacSha256() {
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, dkLen=64; first 32
    byte[] salt = "salt".getBytes();
    String h = PasswordHash.hash("passwd".toCharArray(), salt, 1);
    byte[] dk = java.util.Base64.getDecoder().decode(h.split("\\$")[3]);
    assertEquals("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc",
        HexFormat.of().formatHex(dk));
  }

  @Test
  void plainOrDamagedValuesAreNotHashes() {
    assertTrue(PasswordHash.problem("hunter2").contains("never a plain password"));
    assertTrue(PasswordHash.problem("pbkdf2-sha256$x$AAAA$AAAA").contains("damaged"));
    assertTrue(PasswordHash.problem("pbkdf2-sha256$100$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")
        .contains("iteration"));
    assertFalse(PasswordHash.matches("hunter2", "hunter2"), "a plain value never matches");
  }
}
