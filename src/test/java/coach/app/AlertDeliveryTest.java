package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.store.AlertKind;
import coach.store.SqliteHistoryStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts handed to a real command through the shell: retries, batches, restarts. */
class AlertDeliveryTest {
  @TempDir Path dir;
  private static final Instant T = Instant.parse("2026-11-26T09:00:00Z");

  private SqliteHistoryStore open() throws Exception {
    return SqliteHistoryStore.open(dir.resolve("history.db"));
  }

  /** A command that fails its first {@code failures} runs, then appends its input to out.log. */
  private String command(int failures) throws Exception {
    Path script = dir.resolve("deliver.sh");
    Files.writeString(script, "#!/bin/sh\n"
        + "n=$(cat " + dir.resolve("runs") + " 2>/dev/null || echo 0)\n"
        + "n=$((n+1)); echo $n > " + dir.resolve("runs") + "\n"
        + "[ $n -le " + failures + " ] && exit 1\n"
        + "cat >> " + dir.resolve("out.log") + "\n"
        + "echo \"$COACH_ALERT_SUBJECT\" >> " + dir.resolve("subjects") + "\n");
    script.toFile().setExecutable(true);
    return script.toString();
  }

  private List<String> messages() throws Exception {
    Path log = dir.resolve("out.log");
    return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> !l.isBlank())
        .toList() : List.of();
  }

  @Test
  void aCommandThatFailsTwiceThenSucceedsDeliversOnceInOrder() throws Exception {
    AlertDelivery d = new AlertDelivery(command(2), Duration.ofSeconds(20));
    try (SqliteHistoryStore store = open()) {
      store.raise("p1", AlertKind.ENDED_FOR_PAIN, "s1", "the session ended for pain", T);
      store.raise("p1", AlertKind.HIGH_START, "s1", "pain 7 before starting", T);
      assertEquals(new AlertDelivery.Round(0, 2, 0), d.deliver(store, T));
      assertEquals(new AlertDelivery.Round(0, 0, 0), d.deliver(store, T.plusSeconds(5)),
          "not before its next try");
      assertEquals(new AlertDelivery.Round(0, 2, 0), d.deliver(store, T.plusSeconds(10)));
      assertEquals(new AlertDelivery.Round(2, 0, 0), d.deliver(store, T.plusSeconds(30)));
      assertEquals(new AlertDelivery.Round(0, 0, 0), d.deliver(store, T.plusSeconds(3600)));
      List<String> got = messages();
      assertEquals(1, got.size(), got.toString());
      JsonNode m = new ObjectMapper().readTree(got.get(0));
      assertEquals("p1", m.get("patient").asText());
      assertEquals("ENDED_FOR_PAIN", m.get("kind").asText(), "the lead alert at the top");
      assertEquals(2, m.get("count").asInt());
      assertEquals(List.of("ENDED_FOR_PAIN", "HIGH_START"), List.of(
          m.get("alerts").get(0).get("kind").asText(), m.get("alerts").get(1).get("kind")
              .asText()));
      assertTrue(m.get("alerts").get(0).get("id").asLong()
          < m.get("alerts").get(1).get("id").asLong());
      assertEquals("Rehab Coach: 2 alerts for patient p1",
          Files.readString(dir.resolve("subjects")).strip());
      assertEquals(3, store.alerts("p1", false, null).get(0).attempts());
    }
  }

  @Test
  void aPatientsAlertsWithinFiveMinutesGoTogetherAndARedFlagAtOnce() throws Exception {
    AlertDelivery d = new AlertDelivery(command(0), Duration.ofSeconds(20));
    try (SqliteHistoryStore store = open()) {
      store.raise("p1", AlertKind.ENDED_FOR_PAIN, "s1", "ended", T);
      assertEquals(1, d.deliver(store, T).sent());
      store.raise("p1", AlertKind.HIGH_START, "s2", "high", T.plusSeconds(60));
      store.raise("p1", AlertKind.WORSE_NEXT_MORNING, "s2#1", "worse", T.plusSeconds(90));
      assertEquals(new AlertDelivery.Round(0, 0, 2), d.deliver(store, T.plusSeconds(120)));
      assertEquals(new AlertDelivery.Round(0, 0, 2), d.deliver(store, T.plusSeconds(121)));
      store.raise("p1", AlertKind.RED_FLAG, "s2#2", "bladder", T.plusSeconds(150));
      // urgent: at once, with what was waiting
      assertEquals(new AlertDelivery.Round(3, 0, 0), d.deliver(store, T.plusSeconds(150)));
      List<String> got = messages();
      assertEquals(2, got.size());
      assertTrue(got.get(1).contains("\"urgent\":true"), got.get(1));
      assertEquals("URGENT Rehab Coach: 3 alerts for patient p1",
          Files.readAllLines(dir.resolve("subjects")).get(1));
      store.raise("p2", AlertKind.MISSED_SESSIONS, "s9", "missed", T.plusSeconds(160));
      assertEquals(1, d.deliver(store, T.plusSeconds(160)).sent(), "another patient: at once");
    }
  }

  @Test
  void anAlertRaisedByAProcessThatDiedIsDeliveredByTheNextAndOneAcknowledgedIsNot()
      throws Exception {
    try (SqliteHistoryStore store = open()) {
      store.raise("p1", AlertKind.RED_FLAG, "s1#1", "bladder", T);
      long seen = store.raise("p2", AlertKind.ENDED_FOR_PAIN, "s2", "ended", T).orElseThrow()
          .id();
      store.acknowledge(seen, "dr k", "saw it on the board", T.plusSeconds(10));
    } // the coach that raised them ends here, before delivering anything
    AlertDelivery d = new AlertDelivery(command(0), Duration.ofSeconds(20));
    try (SqliteHistoryStore store = open()) {
      assertEquals(new AlertDelivery.Round(1, 0, 0), d.deliver(store, T.plusSeconds(60)));
      assertEquals(List.of(), store.undelivered(T.plusSeconds(120)));
    }
    assertEquals(1, messages().size());
    assertTrue(messages().get(0).contains("\"patient\":\"p1\""));
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aCommandThatWaitsBeforeReadingALongMessageHoldsUpNoOtherAlert() throws Exception {
    // about 400 KB of red flags, far more than a pipe holds, to a command that sleeps first
    AlertDelivery d = new AlertDelivery("sleep 30; cat >/dev/null", Duration.ofMillis(500));
    try (SqliteHistoryStore store = open()) {
      String question = "a red flag question of some length ".repeat(30);
      for (int i = 0; i < 400; i++) {
        store.raise("p1", AlertKind.RED_FLAG, "s1#" + i, question + i, T);
      }
      long t0 = System.nanoTime();
      AlertDelivery.Round round = d.deliver(store, T);
      assertEquals(400, round.failed());
      assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(20).toNanos(),
          "the limit counts from the start, whatever the message's length");
      // another patient's red flag goes out with a command that works
      store.raise("p2", AlertKind.RED_FLAG, "s2#1", "bladder", T);
      assertEquals(1, new AlertDelivery("cat >/dev/null", Duration.ofSeconds(20))
          .deliver(store, T).sent());
    }
  }

  @Test
  void aCommandEndedAtItsLimitTakesWhatItStartedWithIt() throws Exception {
    String marker = "sleep 61.4" + (System.nanoTime() % 1000);
    AlertDelivery d = new AlertDelivery("(" + marker + ") & " + marker + "; wait",
        Duration.ofMillis(500));
    try (SqliteHistoryStore store = open()) {
      store.raise("p1", AlertKind.RED_FLAG, "s1#1", "bladder", T);
      assertEquals(1, d.deliver(store, T).failed());
      long left = 0;
      for (int i = 0; i < 50; i++) { // the ended processes may take a moment to go
        left = ProcessHandle.allProcesses().filter(h -> h.info().commandLine()
            .map(c -> c.contains(marker.substring(6))).orElse(false)).count();
        if (left == 0) {
          break;
        }
        Thread.sleep(100);
      }
      assertEquals(0, left, "a child of the command outlived it");
    }
  }

  @Test
  void theCommandGetsItsOwnVariablesAndAFewOthersNotTheCoachesSecrets(@TempDir Path out)
      throws Exception {
    Path env = out.resolve("env");
    AlertDelivery d = new AlertDelivery("env > " + env, Duration.ofSeconds(20));
    try (SqliteHistoryStore store = open()) {
      store.raise("p1", AlertKind.RED_FLAG, "s1#1", "bladder", T);
      assertEquals(1, d.deliver(store, T).sent());
    }
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (String line : Files.readAllLines(env)) {
      if (line.contains("=")) {
        names.add(line.substring(0, line.indexOf('=')));
      }
    }
    names.removeAll(AlertDelivery.PASSED_ON);
    names.removeAll(java.util.Set.of("PWD", "SHLVL", "_", "OLDPWD"));
    assertEquals(java.util.Set.of("COACH_ALERT_PATIENT", "COACH_ALERT_SUBJECT"), names);
  }

  @Test
  void aPatientIdReadBackFromAHistoryReachesTheCommandOnlyAsASafeName() {
    assertEquals("P-1001", AlertDelivery.patientVariable("P-1001"));
    String hostile = AlertDelivery.patientVariable("../../etc/\u001b[31mX");
    assertEquals("_.._.._etc__[31mX".replace("[", "_"), hostile);
    assertTrue(hostile.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,31}"), hostile);
    assertEquals(32, AlertDelivery.patientVariable("x".repeat(40) + "/").length());
  }

  @Test
  void aCommandThatHangsIsEndedAndTriedAgain() throws Exception {
    AlertDelivery d = new AlertDelivery("sleep 30", Duration.ofMillis(300));
    try (SqliteHistoryStore store = open()) {
      store.raise("p1", AlertKind.RED_FLAG, "s1#1", "bladder", T);
      long t0 = System.nanoTime();
      assertEquals(1, d.deliver(store, T).failed());
      assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos());
      assertEquals(Duration.ofSeconds(10), AlertDelivery.backoff(1));
      assertEquals(Duration.ofSeconds(40), AlertDelivery.backoff(3));
      assertEquals(Duration.ofHours(1), AlertDelivery.backoff(30));
    }
  }

  @Test
  void twoCoachesSharingAHistoryDeliverEachAlertOnce() throws Exception {
    // a slow command, so both coaches are at it at the same time
    String command = "sleep 1; " + command(0);
    try (SqliteHistoryStore one = open(); SqliteHistoryStore two = open()) {
      one.raise("p1", AlertKind.RED_FLAG, "s1#1", "bladder", T);
      one.raise("p2", AlertKind.RED_FLAG, "s2#1", "saddle", T);
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      var a = pool.submit(() -> new AlertDelivery(command, Duration.ofSeconds(20))
          .deliver(one, T));
      var b = pool.submit(() -> new AlertDelivery(command, Duration.ofSeconds(20))
          .deliver(two, T));
      assertEquals(2, a.get().sent() + b.get().sent());
      pool.shutdown();
      assertEquals(2, messages().size(), messages().toString());
    }
  }

  @Test
  void theCommandsEnvironmentHoldsNoControlCharacters() {
    assertEquals("P-?[31mX?Subject: y", AlertDelivery.oneLine("P-\u001b[31mX\nSubject: y"));
  }

  @Test
  void aCoachThatIsEndingSendsWhatWaitsForItsBatch() throws Exception {
    AlertDelivery d = new AlertDelivery(command(0), Duration.ofSeconds(20));
    try (SqliteHistoryStore store = open()) {
      store.raise("p1", AlertKind.RED_FLAG, "s1#1", "bladder", T);
      assertEquals(1, d.deliver(store, T).sent());
      store.raise("p1", AlertKind.ENDED_FOR_PAIN, "s2", "ended", T.plusSeconds(60));
      assertEquals(1, d.deliver(store, T.plusSeconds(60)).waiting());
      assertEquals(1, d.deliver(store, T.plusSeconds(61), true).sent());
      // one JSON object per line, each with the patient, the kind and the facts
      List<String> got = messages();
      assertEquals(2, got.size(), got.toString());
      for (String line : got) {
        JsonNode m = new ObjectMapper().readTree(line);
        assertEquals("p1", m.get("patient").asText());
        assertTrue(m.has("kind") && m.has("facts"), line);
      }
    }
  }
}
