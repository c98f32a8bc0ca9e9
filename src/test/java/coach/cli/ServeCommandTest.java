package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5"
      + "C9okWi0dh2l9GKJl kiosk-1";

  @TempDir Path tmp;

  @Test
  void anAuthorizedKeysFileIsCheckedLineByLine() throws Exception {
    Path f = tmp.resolve("authorized_keys");
    Files.writeString(f, "# kiosks\n\n" + KEY + "\nrestrict,pty " + KEY + "\n");
    assertNull(coach.app.serve.ServerAssembly.badKeyLine(f));
    Files.writeString(f, KEY + "\nssh-rsa AAAA-not-base64 x\n");
    String bad = coach.app.serve.ServerAssembly.badKeyLine(f);
    assertTrue(bad.startsWith(f + ":2:1: not an OpenSSH public key"), bad);
    Files.writeString(f, KEY + "\ncommand=\"/bin/sh\" " + KEY + "\n");
    bad = coach.app.serve.ServerAssembly.badKeyLine(f);
    assertTrue(bad.startsWith(f + ":2:1: the option \"command\" cannot be honoured"), bad);
  }

  @Test
  void withNobodyAllowedServeDoesNotStart() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    CliContext ctx = new CliContext(java.io.InputStream.nullInputStream(),
        new java.io.PrintStream(out, true), new java.io.PrintStream(err, true),
        java.util.Map.of(), tmp);
    int rc = new ServeCommand().run(java.util.List.of("--port", "0"), ctx);
    assertEquals(ExitCodes.USAGE, rc);
    assertTrue(err.toString().contains("--authorized-keys FILE and/or --patients FILE"),
        err.toString());
  }
}
