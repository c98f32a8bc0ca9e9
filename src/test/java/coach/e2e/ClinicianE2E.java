package coach.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Rating;
import coach.store.SessionRecorder;
import coach.store.SqliteHistoryStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clinician's loop as the therapist meets it: alerts handed to the clinic's command, the
 * board in a real terminal updating when a session lands from another process, and the board
 * over SSH for a clinician's login.
 */
@Tag("e2e")
@Timeout(240)
class ClinicianE2E {
  private static final Path JAR = Path.of("target/rehab-coach.jar").toAbsolutePath();

  @TempDir Path tmp;

  private String coach(String args) {
    return "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + JAR + " " + args
        + " --data-dir " + tmp.resolve("data");
  }

  /** A red flag answered yes in a real session, with the alert handed to a command. */
  private void redFlagSession(Tmux t, String patient) throws Exception {
    t.line("clear; " + coach("--pace 50 --patient " + patient + " --alert-command 'cat >> "
        + tmp.resolve("alerts.log") + "'") + "; echo EXIT=$?");
    t.waitFor("Press Enter to begin", 20_000);
    t.keys("Enter");
    t.noToStartQuestionsUntil("Safety check (1 of 4)");
    t.keys("n");
    t.waitFor("Safety check (2 of 4)", 5000);
    t.keys("y"); // the second safety question answered yes
    t.waitFor("Please stop and get medical help now", 5000);
    t.keys("Enter"); // the advice read: the session ends
    t.waitFor(s -> s.contains("EXIT=0"), 20_000, "the coach to end");
  }

  @Test
  void aRedFlagReachesTheAlertCommandAndTheBoardShowsNewSessionsAsTheyLand() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    try (SqliteHistoryStore store = SqliteHistoryStore.open(data.resolve("history.db"))) {
      SessionRecorder r = store.begin("P-calm", "sciatica", "h", Map.of());
      r.apply(new Effect.RecordRating(new Rating(Rating.Kind.BASELINE, null, -1, null, 0, -1,
          "", 2, null)));
      r.apply(new Effect.SessionEnded(Outcome.COMPLETED));
    }
    try (Tmux board = new Tmux(100, 30, tmp); Tmux patient = new Tmux(80, 24, tmp)) {
      board.line(coach("clinic --clinician Dr-Kim") + "; echo EXIT=$?");
      board.waitFor("1 patient, no open alerts", 20_000);
      redFlagSession(patient, "P-flag");
      // the command got the alert as one JSON object
      long end = System.currentTimeMillis() + 20_000;
      while (!Files.exists(tmp.resolve("alerts.log"))
          || Files.readString(tmp.resolve("alerts.log")).isBlank()) {
        assertTrue(System.currentTimeMillis() < end, "no alert reached the command");
        Thread.sleep(100);
      }
      JsonNode m = new ObjectMapper().readTree(Files.readAllLines(tmp.resolve("alerts.log"))
          .get(0));
      assertEquals("P-flag", m.get("patient").asText());
      assertEquals("RED_FLAG", m.get("alerts").get(0).get("kind").asText());
      assertTrue(m.get("summary").asText().startsWith("URGENT Rehab Coach: 1 alert for"),
          m.toString());
      // the board, in another process, shows the new patient first, by words and a marker (the
      // session itself may show before its red flag: it began with the first-session questions)
      String s = board.waitFor(x -> x.contains("!! URGENT red flag"), 15_000,
          "the new session's red flag on the board");
      List<String> lines = s.lines().toList();
      List<String> rows = lines.stream().filter(l -> l.contains("P-")).toList();
      // first, marked new, with its alert in words under it
      assertTrue(rows.get(0).contains("* P-flag"), s);
      assertTrue(lines.get(lines.indexOf(rows.get(0)) + 1).contains("!! URGENT red flag"), s);
      board.keys("/", "f", "l", "a", "g", "Enter");
      board.waitFor("Filter: flag", 5000);
      board.keys("a");
      board.waitFor("(red flag) of P-flag as Dr-Kim; note (optional):", 5000);
      board.keys("c", "a", "l", "l", "e", "d", "Enter");
      s = board.waitFor("Acknowledged #", 5000);
      assertTrue(s.contains("(red flag) for P-flag"), s);
      board.keys("Enter");
      s = board.waitFor("Report for patient P-flag", 5000);
      assertTrue(s.contains("Red flags answered yes:"), s);
      board.keys("Escape", "Escape"); // the report, then the filter
      board.waitFor(x -> x.contains("P-calm") && x.contains("no open alerts"), 10_000,
          "the whole list, the alert acknowledged");
      board.keys("q");
      board.waitFor("EXIT=0", 10_000);
    }
    String all = Proc.run(tmp, "java", "-jar", JAR.toString(), "alerts", "--all", "--data-dir",
        data.toString());
    assertTrue(all.contains("acknowledged by Dr-Kim") && all.contains(": called"), all);
  }

  @Test
  void aClinicianLoggingInOverSshGetsTheBoard() throws Exception {
    Proc.run(tmp, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
        tmp.resolve("key").toString());
    String key = Files.readString(tmp.resolve("key.pub")).strip();
    Files.writeString(tmp.resolve("patients.yaml"), "users:\n"
        + "  - user: dr-kim\n    clinician: true\n    keys: [\"" + key + "\"]\n"
        + "  - user: alice\n    keys: [\"" + key + "\"]\n");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process server = new ProcessBuilder("java", "-jar", JAR.toString(), "serve", "--port",
        Integer.toString(port), "--data-dir", tmp.resolve("data").toString(), "--patients",
        tmp.resolve("patients.yaml").toString(), "--pace", "50").redirectErrorStream(true)
        .redirectOutput(tmp.resolve("serve.out").toFile()).start();
    try (Tmux t = new Tmux(100, 30, tmp)) {
      long end = System.currentTimeMillis() + 30_000;
      while (!Files.readString(tmp.resolve("serve.out")).contains("Serving")) {
        assertTrue(server.isAlive() && System.currentTimeMillis() < end,
            Files.readString(tmp.resolve("serve.out")));
        Thread.sleep(50);
      }
      // a patient's session first, with a red flag
      t.line(String.join(" ", Proc.ssh(port, tmp.resolve("key"), "alice", "-tt"))
          + "; echo SSH=$?");
      t.waitFor("Press Enter to begin", 20_000);
      t.keys("Enter");
      t.noToStartQuestionsUntil("Safety check (1 of 4)");
      t.keys("n");
      t.waitFor("Safety check (2 of 4)", 5000);
      t.keys("y");
      t.waitFor("Please stop and get medical help now", 5000);
      t.keys("Enter");
      t.waitFor("SSH=0", 10_000);
      t.line("clear; " + String.join(" ", Proc.ssh(port, tmp.resolve("key"), "dr-kim", "-tt"))
          + "; echo SSH=$?");
      String s = t.waitFor(x -> x.contains("Clinic board") && x.contains("alice"), 20_000,
          "the board with alice's alert");
      assertTrue(s.contains("!! URGENT red flag"), s);
      t.keys("q");
      t.waitFor("SSH=0", 10_000);
    } finally {
      server.destroy();
      server.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
