package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database URL with a password in it: refused in one line, the password never shown or kept. */
class DatabaseUrlTest {
  @TempDir
  Path tmp;

  @Test
  void aPasswordInAnyFormOfTheUrlIsRefusedWithoutShowingIt() throws Exception {
    Path data = tmp.resolve("data");
    for (String url : List.of("postgresql://coach:S3cretPw@127.0.0.1:1/rehab",
        "jdbc:postgresql://coach:S3cretPw@127.0.0.1:1/rehab",
        "jdbc:postgresql://127.0.0.1:1/rehab?user=coach&password=S3cretPw")) {
      InProcess r = InProcess.run(Map.of("USER", "pat", "HOME", tmp.toString()), tmp,
          "history", "--data-dir", data.toString(), "--db", url);
      assertEquals(ExitCodes.USAGE, r.code(), url + ": " + r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().contains("a password does not belong in the URL"), r.err());
      assertFalse((r.out() + r.err()).contains("S3cretPw"), r.err());
    }
    Path log = data.resolve("coach.log");
    assertTrue(!Files.exists(log) || !Files.readString(log).contains("S3cretPw"),
        "the password reached the log");
  }
}
