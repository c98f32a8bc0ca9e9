package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Reason;
import coach.session.Rise;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SqliteHistoryStoreTest {
  @TempDir Path dir;

  private static Rating rating(int set, int value, String region) {
    return new Rating(Rating.Kind.SET, "glide", 1, "slider", set, 0, "left leg", value, region);
  }

  @Test
  void theFileIsOwnerOnlyAndInWalModeWithFullSync() throws Exception {
    Path file = dir.resolve("sub/history.db");
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      store.begin("p", "r", "h", Map.of());
    }
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      var r = s.executeQuery("PRAGMA journal_mode");
      r.next();
      assertEquals("wal", r.getString(1));
    }
  }

  @Test
  void aFileThatIsNotOursIsRefusedAndLeftUnchanged() throws Exception {
    Path file = dir.resolve("notes.db");
    Files.writeString(file, "my shopping list\n");
    StoreException e = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(file));
    assertTrue(e.getMessage().contains("not a Rehab Coach history file"), e.getMessage());
    assertEquals("my shopping list\n", Files.readString(file));
  }

  @Test
  void aHistoryThatCannotBeLookedForIsRefusedNotCreated() throws Exception {
    // whether it is there cannot be told: creating one, or saying it cannot be created, is wrong
    Path notAFolder = dir.resolve("data");
    Files.writeString(notAFolder, "a file");
    Path file = SqliteHistoryStore.fileIn(notAFolder);
    StoreException e = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(file));
    assertEquals(file + ": cannot be reached (" + notAFolder + " is a file, not a folder)",
        e.getMessage());
    assertEquals("a file", Files.readString(notAFolder));
  }

  @Test
  void aHistoryThatCannotBeReadIsSaidSo() throws Exception {
    Path file = dir.resolve("shut.db");
    SqliteHistoryStore.open(file).close();
    byte[] before = Files.readAllBytes(file);
    Files.setPosixFilePermissions(file,
        java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file),
          "permission bits do not stop this user (root)");
      StoreException e = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(file));
      assertEquals(file + ": cannot be read (permission denied)", e.getMessage());
    } finally {
      Files.setPosixFilePermissions(file,
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
  }

  @Test
  void anotherProgramsDatabaseIsRefused() throws Exception {
    Path file = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE invoices(id INTEGER)");
    }
    byte[] before = Files.readAllBytes(file);
    StoreException e = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(file));
    assertTrue(e.getMessage().contains("belongs to another program"), e.getMessage());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
  }

  @Test
  void aHistoryFromANewerVersionIsRefused() throws Exception {
    Path file = dir.resolve("history.db");
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      store.begin("p", "r", "h", Map.of());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 99");
    }
    StoreException e = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(file));
    assertTrue(e.getMessage().contains("newer version"), e.getMessage());
  }

  @Test
  void aDamagedFileIsRefused() throws Exception {
    Path file = dir.resolve("history.db");
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      SessionRecorder r = store.begin("p", "r", "h", Map.of());
      for (int i = 0; i < 200; i++) {
        r.apply(new Effect.RecordRating(rating(i, 3, null)));
      }
    }
    // checkpoint the WAL so the pages live in the main file, then scribble over them
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      s.execute("PRAGMA journal_mode = DELETE");
    }
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 4096; i < bytes.length; i++) {
      bytes[i] = (byte) 0x5a;
    }
    Files.write(file, bytes);
    StoreException e = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(file));
    assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("not a Rehab"),
        e.getMessage());
  }

  @Test
  void aFolderInsteadOfAFileIsRefused() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("history.db"));
    StoreException e = assertThrows(StoreException.class, () -> SqliteHistoryStore.open(folder));
    assertTrue(e.getMessage().contains("folder"), e.getMessage());
  }

  @Test
  @Timeout(60)
  void twentyConcurrentSessionsWriteEveryRow() throws Exception {
    Path file = dir.resolve("history.db");
    SqliteHistoryStore.open(file).close();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<String>> ids = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      final int n = t;
      ids.add(pool.submit(() -> {
        // half share nothing (own connection, as separate processes would), half share one store
        try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
          SessionRecorder r = store.begin("kiosk" + n, "sciatica", "h", Map.of("glide", 0));
          for (int i = 1; i <= 25; i++) {
            r.apply(new Effect.RecordRating(rating(i, i % 11, null)));
          }
          r.apply(new Effect.SessionEnded(Outcome.COMPLETED));
          return r.sessionId();
        }
      }));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(50, TimeUnit.SECONDS));
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      for (Future<String> f : ids) {
        assertEquals(25, store.ratings(f.get()).size());
      }
      assertEquals(20, store.patients().size());
      assertEquals("ok", store.integrityCheck());
    }
  }

  @Test
  @Timeout(120)
  void killMinusNineAtRandomMomentsLosesNoSavedRating() throws Exception {
    Random random = new Random(42);
    Path file = dir.resolve("history.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int round = 0; round < 5; round++) {
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          RatingWriterMain.class.getName(), file.toString())
          .redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String session = out.readLine();
      assertTrue(session != null && session.startsWith("session "), String.valueOf(session));
      int stopAfter = 5 + random.nextInt(80);
      int lastSaved = 0;
      String line;
      while ((line = out.readLine()) != null && line.startsWith("saved ")) {
        lastSaved = Integer.parseInt(line.substring(6));
        if (lastSaved >= stopAfter) {
          break;
        }
      }
      p.destroyForcibly(); // SIGKILL
      p.waitFor(10, TimeUnit.SECONDS);
      try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
        assertEquals("ok", store.integrityCheck());
        List<HistoryStore.RatingRow> kept = store.ratings(session.substring(8));
        assertTrue(kept.size() >= lastSaved,
            "saved " + lastSaved + " but the store has " + kept.size());
        HistoryStore.SessionRow row = store.sessions("crash", null, null).get(round);
        assertNull(row.outcome()); // never ended: the next start sees it as interrupted
        assertFalse(row.settled());
      }
    }
  }

  @Test
  void anEmptyHistoryFileIsStartedAfreshAndSaidSo() throws Exception {
    Path file = java.nio.file.Files.createFile(dir.resolve("history.db"));
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      assertTrue(store.notice().contains("was empty (0 bytes)"), store.notice());
    }
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      assertEquals(null, store.notice());
    }
  }

  @Test
  void aHistoryOfTheFirstSchemaOpensWithItsSessions() throws Exception {
    Path file = dir.resolve("history.db");
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var st = c.createStatement()) {
      for (String q : Migrations.SQLITE.statementsUpTo(1)) {
        st.execute(q);
      }
      st.execute("PRAGMA application_id = " + SqliteHistoryStore.APPLICATION_ID);
      st.execute("PRAGMA user_version = 1");
      st.execute("INSERT INTO sessions(id, patient, routine_id, routine_hash, started_at)"
          + " VALUES ('old', 'p1', 'sciatica', 'h', '2026-01-01T10:00:00Z')");
      for (String kind : new String[] {"NEXT_MORNING", "RED_FLAG"}) {
        st.execute("INSERT INTO events(session_id, at, kind, detail) VALUES ('old',"
            + " '2026-01-01T10:01:00Z', '" + kind + "', 'x')");
      }
    }
    try (SqliteHistoryStore store = SqliteHistoryStore.open(file)) {
      assertEquals(1, store.sessions("p1", null, null).size());
      // its events are numbered within it, in the order they were written (schema 3)
      assertEquals(List.of(1, 2), store.events("old").stream().map(HistoryStore.EventRow::seq)
          .toList());
      assertEquals(List.of(RecordKind.NEXT_MORNING, RecordKind.RED_FLAG), store.events("old")
          .stream().map(HistoryStore.EventRow::kind).toList());
      assertTrue(store.live("p1").isEmpty(), "an old open session is not live");
      store.begin("p1", "sciatica", "h", Map.of());
      assertTrue(store.live("p1").isPresent());
    }
  }

  private static void sql(Path file, String statement) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        var st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 5000");
      st.execute(statement);
    }
  }
}
