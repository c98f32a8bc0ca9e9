package coach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.store.PostgresUrl;
import coach.store.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code coach serve} processes on one PostgreSQL history, reached by the real OpenSSH
 * client: a clinic group's sites. The database is a real server the test starts.
 */
@Tag("e2e")
@Timeout(300)
class SharedHistoryE2E {
  private static final Path JAR = Path.of("target/rehab-coach.jar").toAbsolutePath();

  @TempDir Path tmp;
  private final List<Process> servers = new ArrayList<>();

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts a server of its own data folder on the database; returns its port. */
  private int serve(String site, String url) throws Exception {
    int port = freePort();
    Path out = tmp.resolve(site + ".out");
    Process p = new ProcessBuilder("java", "-jar", JAR.toString(), "serve", "--port",
        Integer.toString(port), "--data-dir", tmp.resolve(site).toString(), "--authorized-keys",
        tmp.resolve("key.pub").toString(), "--pace", "50", "--db", url)
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    servers.add(p);
    long end = System.currentTimeMillis() + 60_000;
    while (!Files.exists(out) || !Files.readString(out).contains("Serving")) {
      assertTrue(p.isAlive(), site + " exited: " + Files.readString(out));
      assertTrue(System.currentTimeMillis() < end, site + " did not start");
      Thread.sleep(50);
    }
    return port;
  }

  @BeforeEach
  void key() throws Exception {
    Proc.run(tmp, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
        tmp.resolve("key").toString());
  }

  @AfterEach
  void stop() throws Exception {
    for (Process p : servers) {
      if (p.isAlive()) {
        p.destroy();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
      }
    }
  }

  private String ssh(int port, String user) {
    return String.join(" ", Proc.ssh(port, tmp.resolve("key"), user, "-tt"));
  }

  private static int count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(PostgresUrl.parse(url, Map.of()).jdbcUrl(),
        "postgres", "postgres"); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }

  private static void waitFor(String what, java.util.concurrent.Callable<Boolean> ok)
      throws Exception {
    long end = System.currentTimeMillis() + 30_000;
    while (!ok.call()) {
      assertTrue(System.currentTimeMillis() < end, "waited 30 s for " + what);
      Thread.sleep(100);
    }
  }

  private static void toFirstExercise(Tmux t) throws Exception {
    t.waitFor("Press Enter to begin", 20_000);
    t.keys("Enter");
    t.noToStartQuestions();
    t.waitFor("does it hurt", 5000);
    t.keys("3", "Down", "Enter");
    t.waitFor("Cat/Camel series", 5000);
  }

  @Test
  void aSessionCutOffAtOneSiteIsOfferedAtTheOtherAndNeverRunsAtBoth() throws Exception {
    String url = TestPostgres.newDatabase();
    int siteA = serve("site-a", url);
    int siteB = serve("site-b", url);
    try (Tmux a = new Tmux(80, 24, tmp); Tmux b = new Tmux(80, 24, tmp)) {
      a.line(ssh(siteA, "carol"));
      toFirstExercise(a);
      // the same patient at the other site while the first session runs: told where it is
      b.line(ssh(siteB, "carol") + "; echo SSH=$?");
      String told = b.waitFor(s -> s.contains("\nSSH="), 20_000, "the second login to end");
      assertTrue(told.contains("coach: a session for patient carol is already running on "),
          told);
      assertTrue(told.contains("\nSSH=4"), told);
      // an exercise begun (only such a session is offered for resuming): its first round rated
      a.keys("Enter");
      a.waitFor("How much does it hurt right now", 20_000);
      a.keys("2", "Enter");
      a.waitFor("Middle back", 20_000);
      a.close(); // the first site's kiosk goes away mid-session
      waitFor("site A to save the session as interrupted", () -> count(url,
          "SELECT count(*) FROM sessions WHERE patient = 'carol' AND outcome = 'INTERRUPTED'")
          == 1);
      b.line("clear; " + ssh(siteB, "carol") + "; echo SSH=$?");
      b.waitFor("Press Enter to begin", 20_000);
      b.keys("Enter");
      String s = b.waitFor("Welcome back", 10_000);
      assertTrue(s.contains("Continue at Cat/Camel series, set 1 of 3"), s);
      b.keys("y");
      b.waitFor("Safety check", 5000); // asked again in every session
      b.noToStartQuestions();
      b.keys("q", "y", "Enter"); // quit, then leave the summary
      // the screen was cleared before this login: its status is the only one on it
      b.waitFor(x -> x.contains("SSH=0"), 20_000, "ssh to end");
    }
    // one resumed at site B: the one cut off at A is settled, the baseline kept once
    waitFor("both sessions in the database", () -> count(url,
        "SELECT count(*) FROM sessions WHERE patient = 'carol'") == 2);
    assertEquals(1, count(url, "SELECT count(*) FROM sessions WHERE settled = 1"));
    assertEquals(1, count(url, "SELECT count(*) FROM ratings WHERE value = 3"));
    assertEquals(1, count(url, "SELECT count(*) FROM ratings WHERE value = 2"));
    assertEquals(1, count(url, "SELECT count(*) FROM events WHERE kind = 'RESUME'"
        + " AND detail = 'continued'"));
  }

  @Test
  void theDatabaseGoingAwayMidSessionIsSaidOnTheScreenAndLosesNothing() throws Exception {
    int port = freePort();
    Path data = tmp.resolve("pg");
    EmbeddedPostgres pg = TestPostgres.start(data, port);
    try {
      String url = TestPostgres.newDatabase(pg);
      int site = serve("site", url);
      try (Tmux t = new Tmux(80, 24, tmp)) {
        t.line(ssh(site, "dan") + "; echo SSH=$?");
        toFirstExercise(t);
        pg.close(); // the clinic's database goes away
        t.keys("Enter");
        t.waitFor("How much does it hurt right now", 20_000);
        t.keys("4", "Enter");
        t.waitFor("Saved on this computer", 20_000);
        pg = TestPostgres.start(data, port); // and comes back
        t.waitFor(s -> !s.contains("Saved on this computer"), 30_000, "the line to go");
        t.keys("q", "y", "Enter");
        t.waitFor(x -> x.contains("\nSSH=0"), 20_000, "ssh to end");
      }
      waitFor("the session's end", () -> count(url,
          "SELECT count(*) FROM sessions WHERE outcome = 'QUIT'") == 1);
      assertEquals(2, count(url, "SELECT count(*) FROM ratings"));
      assertEquals(1, count(url, "SELECT count(*) FROM ratings WHERE value = 4"));
    } finally {
      for (Process p : servers) {
        p.destroy();
        p.waitFor(20, TimeUnit.SECONDS);
      }
      pg.close();
    }
  }
}
