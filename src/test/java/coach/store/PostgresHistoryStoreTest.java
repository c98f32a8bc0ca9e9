package coach.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Reason;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What only the clinic's database needs: going away and coming back, spools, versions, URLs. */
class PostgresHistoryStoreTest {
  @TempDir Path dir;

  private static PostgresHistoryStore open(String url, Path spool) throws StoreException {
    return PostgresHistoryStore.open(PostgresUrl.parse(url, Map.of()), Map.of(), spool);
  }

  private static void waitFor(String what, BooleanSupplier condition) throws Exception {
    long until = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("waited a minute for " + what);
      }
      Thread.sleep(100);
    }
  }

  @Test
  @Timeout(180)
  void theDatabaseStoppedAndRestartedMidSessionLosesAndDoublesNothing() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = dir.resolve("pg");
    EmbeddedPostgres pg = TestPostgres.start(data, port);
    String url = TestPostgres.newDatabase(pg);
    Path spool = dir.resolve("spool");
    String id;
    try (PostgresHistoryStore store = open(url, spool)) {
      SessionRecorder r = store.begin("p1", "sciatica", "h", Map.of("glide", 0));
      id = r.sessionId();
      for (int set = 1; set <= 3; set++) {
        r.apply(new Effect.RecordRating(HistoryStoreContract.rating(set, 2, null)));
      }
      assertEquals(3, store.ratings(id).size());
      assertFalse(store.keptLocally());

      pg.close(); // the database goes away in the middle of the session
      for (int set = 4; set <= 6; set++) {
        r.apply(new Effect.RecordRating(HistoryStoreContract.rating(set, 4, null)));
      }
      r.apply(new Effect.RecordSwitch("glide", 0, 1, new Reason.MorningWorse()));
      assertEquals(8, Spool.read(spool.resolve(id + ".jsonl")).entries().size(),
          "the start, six ratings and the switch are on this computer's disk");
      waitFor("the screen's line to say so", store::keptLocally);

      pg = TestPostgres.start(data, port); // and comes back
      waitFor("the spool to be sent", () -> !store.keptLocally());
      r.apply(new Effect.SessionEnded(Outcome.COMPLETED));
    } finally {
      pg.close();
    }
    pg = TestPostgres.start(data, port);
    try (PostgresHistoryStore store = open(url, dir.resolve("elsewhere"))) {
      List<HistoryStore.RatingRow> ratings = store.ratings(id);
      assertEquals(List.of(1, 2, 3, 4, 5, 6), ratings.stream().map(HistoryStore.RatingRow::seq)
          .toList());
      assertEquals(List.of(2, 2, 2, 4, 4, 4), ratings.stream().map(x -> x.rating().value())
          .toList());
      assertEquals(1, store.events(id).size());
      HistoryStore.SessionRow s = store.sessions("p1", null, null).get(0);
      assertEquals(Outcome.COMPLETED, s.outcome());
      assertEquals(Map.of("glide", 1), s.levels());
      assertEquals(new HistoryStore.Counts(1, 6, 1), store.counts());
      try (var files = Files.list(spool)) {
        assertEquals(List.of(), files.toList(), "a spool sent in full is removed");
      }
    } finally {
      pg.close();
    }
  }

  @Test
  void whatAProcessKilledBeforeSendingKeptIsSentByTheNextOneOnceEvenIfSentTwice()
      throws Exception {
    String url = TestPostgres.newDatabase();
    Path spool = dir.resolve("spool");
    Spool kept = new Spool(spool);
    Spool.Held file = kept.hold("s-killed");
    file.append(new Entry.Begin("s-killed", Instant.now(), "p9", "sciatica", "h", "kiosk-2", 1,
        Map.of("glide", 0)));
    for (int set = 1; set <= 4; set++) {
      file.append(new Entry.RatingEntry("s-killed", Instant.now(), set,
          HistoryStoreContract.rating(set, set, null)));
    }
    file.close(); // the process dies: its lock goes with it, the file stays
    byte[] copy = Files.readAllBytes(spool.resolve("s-killed.jsonl"));
    try (PostgresHistoryStore store = open(url, spool)) {
      assertEquals(4, store.ratings("s-killed").size());
      assertFalse(Files.exists(spool.resolve("s-killed.jsonl")));
    }
    Files.write(spool.resolve("s-killed.jsonl"), copy); // sent again, say after a crash
    try (PostgresHistoryStore store = open(url, spool)) {
      assertEquals(new HistoryStore.Counts(1, 4, 0), store.counts());
      assertEquals(1, store.sessions("p9", null, null).size());
    }
  }

  @Test
  void aDamagedLineInALeftOverFileLosesNothingAfterItAndTheFileIsKeptAside() throws Exception {
    String url = TestPostgres.newDatabase();
    Path spool = Files.createDirectories(dir.resolve("spool"));
    Instant t = Instant.parse("2026-11-26T09:00:00Z");
    String begin = SpoolCodec.line(new Entry.Begin("s-cut", t, "p7", "sciatica", "h", "k", 1,
        Map.of()));
    String rating = SpoolCodec.line(new Entry.RatingEntry("s-cut", t, 1,
        HistoryStoreContract.rating(1, 3, null)));
    String flag = SpoolCodec.line(new Entry.EventEntry("s-cut", t, 1, RecordKind.RED_FLAG, null,
        -1, -1, "bladder"));
    String flag2 = SpoolCodec.line(new Entry.EventEntry("s-cut", t, 2, RecordKind.RED_FLAG, null,
        -1, -1, "saddle"));
    String end = SpoolCodec.line(new Entry.End("s-cut", t, Outcome.RED_FLAG));
    // a write cut off half way, then the retried entry written straight after it
    Files.writeString(spool.resolve("s-cut.jsonl"), begin + "\n" + rating + "\n"
        + flag.substring(0, 30) + flag + "\n" + flag2 + "\n" + end + "\n");
    try (PostgresHistoryStore store = open(url, spool)) {
      assertEquals(List.of("bladder", "saddle"), store.events("s-cut").stream()
          .map(HistoryStore.EventRow::detail).toList());
      assertEquals(Outcome.RED_FLAG, store.sessions("p7", null, null).get(0).outcome());
      assertFalse(Files.exists(spool.resolve("s-cut.jsonl")));
      assertTrue(Files.exists(spool.resolve("s-cut.jsonl.damaged")), "kept for a person");
    }
  }

  @Test
  void aFileHeldByARunningSessionIsNotTakenForALeftOver() throws Exception {
    String url = TestPostgres.newDatabase();
    Path spool = dir.resolve("spool");
    try (PostgresHistoryStore running = open(url, spool)) {
      SessionRecorder r = running.begin("p1", "sciatica", "h", Map.of());
      r.apply(new Effect.RecordRating(HistoryStoreContract.rating(1, 3, null)));
      try (PostgresHistoryStore other = open(url, spool)) {
        other.sessions(null, null, null);
        assertTrue(Files.exists(spool.resolve(r.sessionId() + ".jsonl")),
            "another opening leaves a running session's file alone");
      }
      r.apply(new Effect.RecordRating(HistoryStoreContract.rating(2, 3, null)));
      assertEquals(2, running.ratings(r.sessionId()).size());
    }
  }

  @Test
  void aDatabaseMigratedByANewerCoachIsRefusedUntouched() throws Exception {
    String url = TestPostgres.newDatabase();
    open(url, dir.resolve("spool")).close();
    try (var c = java.sql.DriverManager.getConnection(PostgresUrl.parse(url, Map.of())
        .jdbcUrl(), "postgres", "postgres"); var st = c.createStatement()) {
      st.execute("INSERT INTO coach_schema_history (installed_rank, version, description, type,"
          + " script, checksum, installed_by, execution_time, success) VALUES (99, '99',"
          + " 'later', 'SQL', 'V99__later.sql', 0, 'postgres', 1, true)");
    }
    StoreException e = assertThrows(StoreException.class, () -> open(url, dir.resolve("s")));
    assertTrue(e.getMessage().contains("written by a newer version of the coach (schema 99)"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void anUnreachableDatabaseIsOneLineThatSaysSo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    StoreException e = assertThrows(StoreException.class,
        () -> open("postgresql://coach@127.0.0.1:" + port + "/rehab", dir.resolve("spool")));
    assertTrue(e.getMessage().startsWith("postgresql://coach@127.0.0.1:" + port + "/rehab: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void urlsInEveryFormAndNeverAPassword() {
    Map<String, String> env = Map.of("PGUSER", "clinic");
    PostgresUrl u = PostgresUrl.parse("postgresql://coach@db.example:5433/rehab", env);
    assertEquals("jdbc:postgresql://db.example:5433/rehab", u.jdbcUrl());
    assertEquals("coach", u.user());
    PostgresUrl d = PostgresUrl.parse("postgres://db.example", env);
    assertEquals("jdbc:postgresql://db.example/clinic", d.jdbcUrl());
    assertEquals("postgresql://clinic@db.example/clinic", d.toString());
    PostgresUrl j = PostgresUrl.parse("jdbc:postgresql://db.example/rehab?user=kiosk", env);
    assertEquals("kiosk", j.user());
    assertEquals("jdbc:postgresql://db.example/rehab?user=kiosk", j.jdbcUrl());
    for (String bad : new String[] {"postgresql://coach:secret@db.example/rehab",
        "jdbc:postgresql://db.example/rehab?user=a&password=secret",
        "postgresql://db.example/rehab?password=secret",
        "postgresql://db.example/rehab?sslmode=require&sslpassword=secret"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PostgresUrl.parse(bad, env));
      assertTrue(e.getMessage().contains("PGPASSWORD or ~/.pgpass"), e.getMessage());
      assertFalse(e.getMessage().contains("secret"));
    }
    assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("mysql://x/y", env));
    assertThrows(IllegalArgumentException.class, () -> PostgresUrl.parse("postgresql:///x", env));
    assertEquals("secret", PostgresUrl.parse("postgresql://a@b/c", env)
        .properties(Map.of("PGPASSWORD", "secret")).getProperty("password"));
  }
}
