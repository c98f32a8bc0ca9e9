package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What waits in the spool is patients' ratings: only its owner may read it. */
class SpoolFilesTest {
  @TempDir
  Path tmp;

  @Test
  void spoolFilesAreReadableByTheirOwnerAlone() throws Exception {
    Spool spool = new Spool(tmp.resolve("spool"));
    Path one = spool.single(new Entry.End("s1", Instant.parse("2026-01-10T10:00:00Z"),
        coach.session.Outcome.COMPLETED));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(one)));
    try (Spool.Held held = spool.hold("s2")) {
      for (Path p : spool.files()) {
        assertEquals("rw-------", PosixFilePermissions.toString(
            Files.getPosixFilePermissions(p)), p.toString());
      }
    }
  }

  @Test
  void aLineCutInsideACharacterLosesThatLineAloneAndTheRestIsRead() throws Exception {
    Spool spool = new Spool(tmp.resolve("spool"));
    Path a = spool.single(new Entry.End("s1", Instant.parse("2026-01-10T10:00:00Z"),
        coach.session.Outcome.COMPLETED));
    byte[] whole = Files.readAllBytes(a);
    // a line cut inside "é" (0xC3 0xA9): its first byte alone, then a whole entry
    byte[] cut = {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, '\n'};
    byte[] both = new byte[cut.length + whole.length];
    System.arraycopy(cut, 0, both, 0, cut.length);
    System.arraycopy(whole, 0, both, cut.length, whole.length);
    Files.write(a, both);
    Spool.Read r = Spool.read(a);
    assertEquals(1, r.entries().size(), "the whole entry after it is read");
    assertEquals(1, r.damaged());
  }
}
