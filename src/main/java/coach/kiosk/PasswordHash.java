package coach.kiosk;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted password hashes for the patients file: PBKDF2 with HMAC-SHA-256, a random 16-byte salt
 * and 600,000 iterations, written {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (Base64). Only the
 * hash is ever stored; checking compares in constant time.
 */
public final class PasswordHash {
  public static final String PREFIX = "pbkdf2-sha256";
  public static final int ITERATIONS = 600_000;
  private static final int MIN_ITERATIONS = 10_000;
  private static final int MAX_ITERATIONS = 10_000_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  /**
   * A well-formed hash at the same iteration count, of a random password nobody kept: checking a
   * password against it costs what checking a real one costs. A login for a user that does not
   * exist, or has no password, is checked against it (and refused whatever the result), so the
   * time taken does not tell which user names exist.
   */
  public static final String DUMMY = PREFIX + "$" + ITERATIONS
      + "$VOh6jHUrMcmRJgSsex0TKw$hYpRaZ1l4GCZbcFSfAd7nFYQWM5n0XmEgaS4GeV08dc";

  private PasswordHash() {}

  /** A new hash of the password with a fresh salt. */
  public static String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    return hash(password, salt, ITERATIONS);
  }

  static String hash(char[] password, byte[] salt, int iterations) {
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
        + b64.encodeToString(derive(password, salt, iterations, HASH_BYTES));
  }

  /** Why the text is not a hash we can check, or null when it is one. */
  public static String problem(String stored) {
    String[] parts = stored.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return "expected a password hash \"" + PREFIX + "$ITERATIONS$SALT$HASH\" as printed by"
          + " 'coach serve --hash-password' (never a plain password)";
    }
    try {
      int n = Integer.parseInt(parts[1]);
      if (n < MIN_ITERATIONS || n > MAX_ITERATIONS) {
        return "the hash's iteration count must be between " + MIN_ITERATIONS + " and "
            + MAX_ITERATIONS;
      }
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] hash = Base64.getDecoder().decode(parts[3]);
      if (salt.length < 8 || hash.length < 16) {
        return "the hash's salt or value is too short";
      }
    } catch (IllegalArgumentException e) {
      return "the hash is damaged (iterations must be a number, salt and hash Base64)";
    }
    return null;
  }

  /** Whether the password matches a stored hash; false for anything that is not a valid hash. */
  public static boolean matches(char[] password, String stored) {
    if (stored == null || problem(stored) != null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    int n = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    byte[] actual = derive(password, salt, n, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  /** For callers that hold the password as a String (the SSH library hands it over so). */
  public static boolean matches(String password, String stored) {
    char[] pw = password.toCharArray();
    try {
      return matches(pw, stored);
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec)
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
    } finally {
      spec.clearPassword();
    }
  }
}
