package coach.app.serve;

import coach.kiosk.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code coach serve --hash-password}: reads a password (without echo on a terminal, twice) and
 * prints its salted hash for the patients file; never the password.
 */
public final class PasswordPrompt {
  private PasswordPrompt() {}

  /** Prints the hash on {@code out}; false (after one line on {@code err}) when none is. */
  public static boolean hash(InputStream in, PrintStream out, PrintStream err) {
    char[] pw;
    Console console = System.console();
    if (console != null) {
      // the rule first, so nobody types a short password twice to learn it
      pw = console.readPassword("Password (at least 8 characters): ");
      if (pw != null && pw.length < 8) {
        err.println("coach serve: a password needs at least 8 characters");
        return false;
      }
      char[] again = pw == null ? null : console.readPassword("Again: ");
      if (pw == null || again == null || !Arrays.equals(pw, again)) {
        err.println("coach serve: the two passwords differ; nothing printed");
        return false;
      }
      Arrays.fill(again, '\0');
    } else {
      try {
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
            .readLine();
        pw = line == null ? null : line.toCharArray();
      } catch (IOException e) {
        pw = null;
      }
    }
    if (pw == null || pw.length < 8) {
      err.println("coach serve: a password needs at least 8 characters");
      return false;
    }
    out.println(PasswordHash.hash(pw));
    Arrays.fill(pw, '\0');
    return true;
  }
}
