package coach.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Rating;
import coach.store.SessionRecorder;
import coach.store.SqliteHistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history that is there but cannot be looked at (its folder cannot be entered, or the file
 * cannot be read) is an error naming the file, exit 1, never "no sessions recorded yet": a
 * therapist told there is nothing would be misinformed. Only a history that really is not there
 * is "no history yet".
 */
class UnreadableHistoryTest {
  @TempDir Path tmp;

  private InProcess run(String... args) {
    return InProcess.run(Map.of("USER", "pat", "HOME", tmp.resolve("home").toString(),
        "LANG", "C.UTF-8"), tmp, args);
  }

  /** A real history in this folder: one finished session of patient p1. */
  private Path historyIn(Path dir) throws Exception {
    Path file = SqliteHistoryStore.fileIn(dir);
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      SessionRecorder rec = store.begin("p1", "sciatica", "hash", Map.of());
      rec.apply(new Effect.RecordRating(new Rating(Rating.Kind.BASELINE, null, -1, null, 0, -1,
          "", 3, null)));
      rec.apply(new Effect.SessionEnded(Outcome.COMPLETED));
    }
    return file;
  }

  /** The commands that read the history, each for the data folder {@code dir}. */
  private static List<String[]> readers(Path dir) {
    String d = dir.toString();
    return List.of(
        new String[] {"report", "--data-dir", d, "--patient", "p1"},
        new String[] {"export", "--data-dir", d, "--patient", "p1"},
        new String[] {"history", "--data-dir", d, "--patient", "p1"},
        new String[] {"due", "--data-dir", d, "--patient", "p1"},
        new String[] {"check", "--data-dir", d},
        new String[] {"backup", "--data-dir", d, "--to", "copy.db"},
        new String[] {"migrate", "--from", d, "--to", "postgresql://coach@localhost/rehab"});
  }

  /** Exit 1, nothing on standard output, one line on standard error naming the file. */
  private static void assertRefused(InProcess r, String command, Path file, String why) {
    assertEquals(ExitCodes.INVALID, r.code(), command + ": " + r.out() + r.err());
    assertEquals("", r.out(), command);
    assertEquals(1, r.err().lines().count(), command + ": " + r.err());
    assertTrue(r.err().contains(file.toString()), command + ": " + r.err());
    assertTrue(r.err().contains(why), command + ": " + r.err());
    assertFalse(r.err().contains("Exception"), command + ": " + r.err());
    assertFalse(r.err().contains("no history"), command + ": " + r.err());
  }

  @Test
  void aDataFolderThatIsAFileIsAnErrorNotAnEmptyHistory() throws Exception {
    // the same branch as a folder that cannot be entered (it cannot be told whether the
    // history is there), and it needs no second user
    Path notAFolder = tmp.resolve("data");
    Files.writeString(notAFolder, "a file");
    Path file = notAFolder.resolve("history.db");
    for (String[] args : readers(notAFolder)) {
      assertRefused(run(args), args[0], file, "cannot be reached (" + notAFolder
          + " is a file, not a folder)");
    }
    assertEquals("a file", Files.readString(notAFolder));
    assertFalse(Files.exists(tmp.resolve("copy.db")));
  }

  @Test
  void aDataFolderThatCannotBeEnteredIsAnErrorAndItsHistoryIsLeftAlone() throws Exception {
    Path dir = tmp.resolve("locked");
    Path file = historyIn(dir);
    byte[] before = Files.readAllBytes(file);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isExecutable(dir), "permission bits do not stop this user (root)");
      for (String[] args : readers(dir)) {
        assertRefused(run(args), args[0], file, "cannot be read (permission denied)");
      }
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void aHistoryFileThatCannotBeReadIsNotSaidToBeUncreatable() throws Exception {
    Path dir = tmp.resolve("shut");
    Path file = historyIn(dir);
    byte[] before = Files.readAllBytes(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(file), "permission bits do not stop this user (root)");
      for (String[] args : readers(dir)) {
        InProcess r = run(args);
        assertRefused(r, args[0], file, "cannot be read (permission denied)");
        assertFalse(r.err().contains("create"), r.err());
      }
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void onlyAHistoryThatIsReallyNotThereIsNoHistoryYet() {
    Path none = tmp.resolve("none");
    InProcess r = run("report", "--data-dir", none.toString(), "--patient", "p1");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("No sessions recorded yet (no history in " + none + ").\n", r.out());
    r = run("due", "--data-dir", none.toString(), "--patient", "p1");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("no session done yet"), r.out());
    r = run("check", "--data-dir", none.toString());
    assertEquals(ExitCodes.INVALID, r.code());
    assertTrue(r.err().startsWith("coach check: no history in "), r.err());
    assertFalse(Files.exists(none), "a reading command creates nothing");
  }

  @Test
  void aRoutineBehindAFileIsNotMissing() throws Exception {
    Path notAFolder = tmp.resolve("routines");
    Files.writeString(notAFolder, "a file");
    InProcess r = run("validate", notAFolder.resolve("ok.yaml").toString());
    assertEquals(ExitCodes.INVALID, r.code(), r.out() + r.err());
    String all = r.out() + r.err();
    assertTrue(all.contains("cannot be reached (" + notAFolder + " is a file, not a folder)"),
        all);
    assertFalse(all.contains("no such file"), all);
  }

  @Test
  void aRoutineInAFolderThatCannotBeEnteredIsNotMissing() throws Exception {
    Path dir = tmp.resolve("noperm");
    Files.createDirectories(dir);
    Files.copy(Path.of("routines/sciatica.yaml").toAbsolutePath(), dir.resolve("ok.yaml"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isExecutable(dir), "permission bits do not stop this user (root)");
      InProcess r = run("validate", dir.resolve("ok.yaml").toString());
      assertEquals(ExitCodes.INVALID, r.code(), r.out() + r.err());
      String all = r.out() + r.err();
      assertTrue(all.contains(dir.resolve("ok.yaml") + ": cannot be read (permission denied)"),
          all);
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
