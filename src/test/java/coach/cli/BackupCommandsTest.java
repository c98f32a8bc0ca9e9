package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Rating;
import coach.store.RatingWriterMain;
import coach.store.SessionRecorder;
import coach.store.SqliteHistoryStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** coach backup, restore and check on real history files, one of them written to meanwhile. */
class BackupCommandsTest {
  @TempDir Path tmp;

  private InProcess run(String... args) {
    return InProcess.run(Map.of("USER", "pat", "HOME", tmp.toString()), tmp, args);
  }

  /** As {@link #run}, a minute from now: sessions begun by this test count as live no more. */
  private InProcess later(String... args) {
    return InProcess.runAt(Clock.fixed(Instant.now().plus(Duration.ofMinutes(1)),
        ZoneOffset.UTC), Map.of("USER", "pat", "HOME", tmp.toString()), tmp, args);
  }

  private static void assertOneLine(InProcess r, int code, String contains) {
    assertEquals(code, r.code(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(contains), r.err());
  }

  /** A session of the patient with these ratings; ended when {@code end}. */
  private static void session(Path dataDir, String patient, boolean end, int... values)
      throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(
        SqliteHistoryStore.fileIn(dataDir))) {
      SessionRecorder rec = store.begin(patient, "sciatica", "hash", Map.of());
      for (int v : values) {
        rec.apply(new Effect.RecordRating(new Rating(Rating.Kind.SET, "glide", 0, "slider", 1, 0,
            "left leg", v, null)));
      }
      if (end) {
        rec.apply(new Effect.SessionEnded(Outcome.COMPLETED));
      }
    }
  }

  private static long count(Path history, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + history);
        Statement s = c.createStatement(); var r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  @Timeout(120)
  void aBackupTakenWhileASessionWritesRestoresEveryRatingConfirmedBeforeIt() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        RatingWriterMain.class.getName(), data.resolve("history.db").toString())
        .redirectErrorStream(true).start();
    AtomicInteger saved = new AtomicInteger();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("saved ")) {
            saved.set(Integer.parseInt(line.substring(6)));
          }
        }
      } catch (java.io.IOException ignored) {
        // the writer was stopped
      }
    });
    reader.start();
    try {
      while (saved.get() < 40) {
        Thread.sleep(10);
      }
      int confirmedBefore = saved.get();
      InProcess b = run("backup", "--data-dir", data.toString(), "--to", "backup.db");
      assertEquals(0, b.code(), b.err());
      assertTrue(b.out().startsWith("Backed up " + data.resolve("history.db") + " to "
          + tmp.resolve("backup.db")), b.out());
      // the session was not held up by the backup: it goes on writing (a fast backup may
      // finish between two of its ratings, so this waits for the next one)
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (saved.get() <= confirmedBefore && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertTrue(saved.get() > confirmedBefore, "the session wrote on after the backup began");
      writer.destroyForcibly();
      writer.waitFor(10, TimeUnit.SECONDS);

      Path fresh = tmp.resolve("fresh");
      InProcess r = run("restore", "--data-dir", fresh.toString(), "--from", "backup.db");
      assertEquals(0, r.code(), r.err());
      Path restored = fresh.resolve("history.db");
      long kept = count(restored, "SELECT count(*) FROM ratings");
      assertTrue(kept >= confirmedBefore, kept + " ratings, " + confirmedBefore + " confirmed");
      assertEquals(kept, count(restored, "SELECT max(seq) FROM ratings"), "none missing");
      assertEquals(0, run("check", "--data-dir", fresh.toString()).code());
      assertTrue(run("check", "--file", "backup.db").out().endsWith("Sound.\n"));
    } finally {
      writer.destroyForcibly();
      reader.join(10_000);
    }
  }

  @Test
  void aHistoryWithNewerSessionsIsReplacedOnlyWithForceAndIsKeptAside() throws Exception {
    Path data = tmp.resolve("data");
    session(data, "ann", true, 2, 3);
    assertEquals(0, run("backup", "--data-dir", data.toString(), "--to", "b.db").code());
    session(data, "bob", true, 4);

    InProcess refused = run("restore", "--data-dir", data.toString(), "--from", "b.db");
    assertOneLine(refused, ExitCodes.INVALID, "has 1 session(s) started after the backup's"
        + " last one");
    assertTrue(refused.err().endsWith("nothing was changed (--force restores anyway)\n"));
    Path history = data.resolve("history.db");
    assertEquals(2, count(history, "SELECT count(*) FROM sessions"));

    InProcess forced = run("restore", "--data-dir", data.toString(), "--from", "b.db",
        "--force");
    assertEquals(0, forced.code(), forced.err());
    assertEquals(1, count(history, "SELECT count(*) FROM sessions"));
    assertEquals(2, count(history, "SELECT count(*) FROM ratings"));
    List<Path> aside;
    try (var files = Files.list(data)) {
      aside = files.filter(p -> p.getFileName().toString().startsWith(
          "history-before-restore-")).toList();
    }
    assertEquals(1, aside.size());
    assertTrue(forced.out().contains("The history it replaced is in " + aside.get(0)),
        forced.out());
    assertEquals(2, count(aside.get(0), "SELECT count(*) FROM sessions"));
    // an older history (sessions only up to the backup's) is restored without --force
    assertEquals(0, run("restore", "--data-dir", data.toString(), "--from", "b.db").code());
  }

  @Test
  void aRunningSessionRefusesTheRestore() throws Exception {
    Path data = tmp.resolve("data");
    session(data, "ann", true, 2);
    assertEquals(0, run("backup", "--data-dir", data.toString(), "--to", "b.db").code());
    session(data, "bob", false, 5); // not ended, marked live just now
    assertOneLine(run("restore", "--data-dir", data.toString(), "--from", "b.db", "--force"),
        ExitCodes.BUSY, "1 session(s) are running on");
    // a minute later it counts as cut off, not live
    assertEquals(0, later("restore", "--data-dir", data.toString(), "--from", "b.db",
        "--force").code());
  }

  @Test
  void aHistoryInPostgresqlIsLeftToPostgresqlsTools() {
    String url = "postgresql://coach@db.example/rehab";
    assertOneLine(run("backup", "--db", url, "--to", "x.db"), ExitCodes.INVALID, "use pg_dump");
    assertOneLine(run("restore", "--db", url, "--from", "x.db"), ExitCodes.INVALID,
        "use pg_restore");
    assertOneLine(run("check", "--db", url), ExitCodes.INVALID, "use pg_dump");
    InProcess env = InProcess.run(Map.of("USER", "pat", "HOME", tmp.toString(), "COACH_DB", url),
        tmp, "backup", "--to", "x.db");
    assertOneLine(env, ExitCodes.INVALID, "the history is in PostgreSQL");
    assertTrue(Files.notExists(tmp.resolve("x.db")));
  }

  @Test
  void checkSaysWhatItFound() throws Exception {
    Path data = tmp.resolve("data");
    session(data, "ann", true, 2, 3, 4);
    InProcess ok = run("check", "--data-dir", data.toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("schema 5 (this version's)"), ok.out());
    assertTrue(ok.out().contains("integrity  ok"), ok.out());
    assertTrue(ok.out().contains("1 session(s) of 1 patient(s), 3 rating(s)"), ok.out());

    Path history = data.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + history);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = DELETE");
      s.execute("DROP TABLE levels");
    }
    InProcess missing = run("check", "--data-dir", data.toString());
    assertEquals(ExitCodes.INVALID, missing.code());
    assertTrue(missing.out().contains("PROBLEM    not as schema 5 has it: levels is missing"),
        missing.out());
    assertTrue(missing.out().endsWith("1 problem(s) found.\n"), missing.out());

    Files.writeString(tmp.resolve("notes.db"), "not a database at all");
    InProcess foreign = run("check", "--file", "notes.db");
    assertEquals(ExitCodes.INVALID, foreign.code());
    assertTrue(foreign.out().contains("PROBLEM    this is not a Rehab Coach history file"));
  }

  @Test
  void checkFindsADamagedFile() throws Exception {
    Path data = tmp.resolve("data");
    session(data, "ann", true, new int[300]);
    Path history = data.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + history);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = DELETE");
    }
    try (RandomAccessFile f = new RandomAccessFile(history.toFile(), "rw")) {
      byte[] junk = new byte[4096 * 3];
      java.util.Arrays.fill(junk, (byte) 0x7f);
      f.seek(4096);
      f.write(junk);
    }
    InProcess r = run("check", "--data-dir", data.toString());
    assertEquals(ExitCodes.INVALID, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("PROBLEM"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void aHistoryFromANewerVersionIsRefusedByEveryCommandInOneLine() throws Exception {
    Path data = tmp.resolve("data");
    session(data, "ann", true, 2);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(
        "history.db")); Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 6");
    }
    String newer = "this history was written by a newer version of the coach (schema 6);"
        + " please update the coach";
    assertOneLine(run("history", "--patient", "ann", "--data-dir", data.toString()),
        ExitCodes.INVALID, newer);
    assertOneLine(run("backup", "--data-dir", data.toString(), "--to", "b.db"),
        ExitCodes.INVALID, newer);
    InProcess check = run("check", "--data-dir", data.toString());
    assertEquals(ExitCodes.INVALID, check.code());
    assertTrue(check.out().contains("schema 6: written by a newer version of the coach"),
        check.out());
    assertOneLine(run("restore", "--data-dir", tmp.resolve("other").toString(), "--from",
        data.resolve("history.db").toString()), ExitCodes.INVALID, newer);
  }

  @Test
  void usageMistakesAreOneLineWithStatus2() throws Exception {
    assertOneLine(run("backup"), ExitCodes.USAGE, "coach backup: --to FILE is needed");
    assertOneLine(run("restore", "--data-dir", "d"), ExitCodes.USAGE,
        "coach restore: --from FILE is needed");
    assertOneLine(run("check", "extra"), ExitCodes.USAGE, "coach check: takes no arguments");
    assertOneLine(run("backup", "--to", tmp.toString()), ExitCodes.USAGE, "is a folder");
    assertOneLine(run("backup", "--data-dir", "nowhere", "--to", "b.db"), ExitCodes.INVALID,
        "coach backup: no history to back up in");
    assertOneLine(run("restore", "--from", "missing.db"), ExitCodes.INVALID,
        "coach restore: no backup file");
  }

  @Test
  void aBackupNeverReplacesADeviceAPipeALinkOrAnUnrelatedFile() throws Exception {
    Path data = tmp.resolve("data");
    session(data, "pat", true, 2);
    assertOneLine(run("backup", "--data-dir", data.toString(), "--to", "/dev/null"),
        ExitCodes.USAGE, "is not a regular file");
    assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")),
        "the device is still a device");
    Path fifo = tmp.resolve("pipe");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    assertOneLine(run("backup", "--data-dir", data.toString(), "--to", fifo.toString()),
        ExitCodes.USAGE, "is not a regular file");
    Path notes = tmp.resolve("notes.txt");
    Files.writeString(notes, "my notes\n");
    Path link = tmp.resolve("link.db");
    Files.createSymbolicLink(link, notes);
    assertOneLine(run("backup", "--data-dir", data.toString(), "--to", link.toString()),
        ExitCodes.USAGE, "is a link");
    assertOneLine(run("backup", "--data-dir", data.toString(), "--to", notes.toString()),
        ExitCodes.USAGE, "holds something other than a backup");
    assertEquals("my notes\n", Files.readString(notes), "nothing was written over it");
    // an earlier backup is replaced, as before
    assertEquals(0, run("backup", "--data-dir", data.toString(), "--to", "b.db").code());
    assertEquals(0, run("backup", "--data-dir", data.toString(), "--to", "b.db").code());
  }

  @Test
  void aBackupWithATriggerIsNeitherSoundNorRestored() throws Exception {
    Path data = tmp.resolve("data");
    session(data, "pat", true, 2, 3);
    assertEquals(0, run("backup", "--data-dir", data.toString(), "--to", "b.db").code());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("b.db"));
        Statement st = c.createStatement()) {
      st.execute("CREATE TRIGGER wipe AFTER INSERT ON ratings BEGIN"
          + " DELETE FROM ratings WHERE session_id <> NEW.session_id; END");
    }
    InProcess check = run("check", "--file", "b.db");
    assertEquals(ExitCodes.INVALID, check.code(), check.out() + check.err());
    assertTrue(check.out().contains("a trigger \"wipe\" that the coach never makes"),
        check.out());
    Path fresh = tmp.resolve("fresh");
    InProcess r = run("restore", "--data-dir", fresh.toString(), "--from", "b.db");
    assertOneLine(r, ExitCodes.INVALID, "a trigger \"wipe\" that the coach never makes");
    assertTrue(!Files.exists(fresh.resolve("history.db")), "nothing was restored");
  }
}
