package coach.app;

import coach.store.AlertOutbox;
import coach.store.StoreException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hands new alerts to the clinic's command (an e-mail, a pager, a webhook): the command runs
 * through the shell with one JSON object on its standard input, {@code {"patient": ..., "summary":
 * ..., "alerts": [...]}}, and {@code COACH_ALERT_PATIENT} and {@code COACH_ALERT_SUBJECT} in its
 * environment. A patient's alerts within {@value #BATCH_MINUTES} minutes of their last message go
 * together in the next one, unless one is urgent (a red flag goes at once, with whatever waits).
 * A command that fails or runs past its time is tried again later, each time waiting twice as
 * long (up to an hour); the history keeps what is not delivered, so a restart loses nothing. An
 * alert acknowledged before it could be sent is not sent.
 */
public final class AlertDelivery {
  static final int BATCH_MINUTES = 5;
  /** How long a try may take before another process may try the same alerts. */
  private static final Duration CLAIM = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The coach's environment variables the command is given; the rest stay with the coach. */
  static final java.util.Set<String> PASSED_ON = java.util.Set.of("PATH", "HOME", "USER",
      "LOGNAME", "SHELL", "LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TZ", "TMPDIR");

  /** Runs the command for one message; true when it succeeded. */
  @FunctionalInterface
  interface Runner {
    boolean run(String json, Map<String, String> env) throws IOException, InterruptedException;
  }

  private final Runner runner;

  /** Delivery through {@code sh -c COMMAND}, ended after {@code timeout}. */
  public AlertDelivery(String command, Duration timeout) {
    this((json, env) -> shell(command, json, env, timeout));
  }

  AlertDelivery(Runner runner) {
    this.runner = runner;
  }

  /**
   * Runs the command with the message as its standard input, read from a file (private to this
   * user) rather than a pipe: a command that waits before reading, or never reads, cannot hold
   * up this thread however long the message is; the time limit counts from the start. A command
   * still running at the limit is ended with everything it started.
   */
  private static boolean shell(String command, String json, Map<String, String> env,
      Duration timeout) throws IOException, InterruptedException {
    Path input = Files.createTempFile("coach-alert", ".json",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(input, json, StandardCharsets.UTF_8);
      ProcessBuilder pb = new ProcessBuilder("sh", "-c", command)
          .redirectInput(input.toFile())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD);
      // the command gets what a command needs, not the coach's secrets (PGPASSWORD and the like)
      Map<String, String> own = pb.environment();
      own.keySet().retainAll(PASSED_ON);
      own.putAll(env);
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        endWithChildren(p.toHandle());
        return false;
      }
      return p.exitValue() == 0;
    } finally {
      Files.deleteIfExists(input);
    }
  }

  /** Ends a process and every process it started (those started first, then itself). */
  private static void endWithChildren(ProcessHandle p) {
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    all.forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  /** What one round did. */
  public record Round(int sent, int failed, int waiting) {}

  /**
   * Delivers what is due now: per patient, in the order raised.
   *
   * @return how many alerts went, failed (to be tried again) and wait for their patient's batch
   */
  public Round deliver(AlertOutbox store, Instant now) throws StoreException {
    return deliver(store, now, false);
  }

  /**
   * As {@link #deliver(AlertOutbox, Instant)}; with {@code flush}, what waits for its patient's
   * batch goes now (a coach that is ending sends what it has rather than leave it waiting).
   */
  public Round deliver(AlertOutbox store, Instant now, boolean flush) throws StoreException {
    // per patient in the order raised; patients with an urgent alert first, so a red flag never
    // waits behind other messages
    Map<String, List<AlertOutbox.AlertRow>> raised = new LinkedHashMap<>();
    for (AlertOutbox.AlertRow a : store.undelivered(now)) {
      raised.computeIfAbsent(a.patient(), k -> new ArrayList<>()).add(a);
    }
    List<Map.Entry<String, List<AlertOutbox.AlertRow>>> byPatient =
        new ArrayList<>(raised.entrySet());
    byPatient.sort(java.util.Comparator.comparing(e -> e.getValue().stream()
        .noneMatch(a -> a.kind().urgent())));
    int sent = 0;
    int failed = 0;
    int waiting = 0;
    for (Map.Entry<String, List<AlertOutbox.AlertRow>> e : byPatient) {
      List<AlertOutbox.AlertRow> due = new ArrayList<>();
      List<Long> settled = new ArrayList<>();
      for (AlertOutbox.AlertRow a : e.getValue()) {
        if (a.open()) {
          due.add(a);
        } else {
          settled.add(a.id());
        }
      }
      if (!settled.isEmpty()) {
        store.delivery(settled, now, null); // acknowledged before it went: nothing to send
      }
      if (due.isEmpty()) {
        continue;
      }
      if (!flush && !sendNow(store, e.getKey(), due, now)) {
        waiting += due.size();
        continue;
      }
      // taken for this try, so another server sharing the history does not send them too
      List<Long> ids = store.claim(due.stream().map(AlertOutbox.AlertRow::id).toList(), now,
          now.plus(CLAIM));
      if (ids.isEmpty()) {
        continue;
      }
      due = due.stream().filter(a -> ids.contains(a.id())).toList();
      boolean ok;
      try {
        ok = runner.run(message(e.getKey(), due), Map.of("COACH_ALERT_PATIENT",
            patientVariable(e.getKey()), "COACH_ALERT_SUBJECT", oneLine(subject(e.getKey(), due))));
      } catch (IOException ex) {
        ok = false;
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return new Round(sent, failed, waiting);
      }
      if (ok) {
        store.delivery(ids, now, null);
        sent += ids.size();
      } else {
        int attempts = due.stream().mapToInt(AlertOutbox.AlertRow::attempts).max().orElse(0);
        store.delivery(ids, now, now.plus(backoff(attempts + 1)));
        failed += ids.size();
      }
    }
    return new Round(sent, failed, waiting);
  }

  /** 10 s after the first failure, then twice as long each time, at most an hour. */
  static Duration backoff(int failures) {
    long seconds = 10L << Math.min(failures - 1, 20);
    return Duration.ofSeconds(Math.min(seconds, 3600));
  }

  /**
   * Whether the patient's waiting alerts go now: one is urgent, the oldest has waited the batch
   * time, or nothing went to this patient in the last batch time.
   */
  private static boolean sendNow(AlertOutbox store, String patient,
      List<AlertOutbox.AlertRow> due, Instant now) throws StoreException {
    Instant window = now.minus(Duration.ofMinutes(BATCH_MINUTES));
    if (due.stream().anyMatch(a -> a.kind().urgent())
        || !due.get(0).raised().isAfter(window)) {
      return true;
    }
    return store.alerts(patient, false, null).stream()
        .noneMatch(a -> a.delivered() != null && a.delivered().isAfter(window));
  }

  /** Text for an environment variable or a header: no control characters, one line. */
  /**
   * The patient id as the command's variable: a history may hold an id no command line would
   * take (a row from another site, a restored backup), so anything but letters, digits, '.',
   * '-' and '_' becomes '_' and it is at most 32 long: a script may name a file after it.
   */
  static String patientVariable(String id) {
    if (coach.kiosk.Patients.NAME.matcher(id).matches()) {
      return id;
    }
    String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
    safe = safe.isEmpty() || !Character.isLetterOrDigit(safe.charAt(0)) ? "_" + safe : safe;
    return safe.substring(0, Math.min(32, safe.length()));
  }

  static String oneLine(String s) {
    return s.replaceAll("\\p{Cntrl}", "?");
  }

  static String subject(String patient, List<AlertOutbox.AlertRow> alerts) {
    boolean urgent = alerts.stream().anyMatch(a -> a.kind().urgent());
    return (urgent ? "URGENT " : "") + "Rehab Coach: " + alerts.size() + " alert"
        + (alerts.size() == 1 ? "" : "s") + " for patient " + patient;
  }

  /**
   * The message as the command reads it: one JSON object on one line, the lead (most urgent,
   * else first) alert's fields at the top and every alert of the message in {@code alerts}.
   */
  static String message(String patient, List<AlertOutbox.AlertRow> alerts) {
    ObjectNode m = JSON.createObjectNode();
    m.put("patient", patient);
    AlertOutbox.AlertRow lead = alerts.stream().filter(a -> a.kind().urgent()).findFirst()
        .orElse(alerts.get(0));
    m.put("id", lead.id());
    m.put("kind", lead.kind().name());
    m.put("urgent", lead.kind().urgent());
    m.put("raised", lead.raised().toString());
    m.put("what", AlertWords.of(lead.kind()));
    m.put("facts", lead.facts());
    m.put("count", alerts.size());
    m.put("summary", subject(patient, alerts) + ": " + String.join("; ", alerts.stream()
        .map(a -> AlertWords.of(a.kind()) + ": " + a.facts()).toList()));
    ArrayNode list = m.putArray("alerts");
    for (AlertOutbox.AlertRow a : alerts) {
      ObjectNode n = list.addObject();
      n.put("id", a.id());
      n.put("kind", a.kind().name());
      n.put("urgent", a.kind().urgent());
      n.put("raised", a.raised().toString());
      n.put("what", AlertWords.of(a.kind()));
      n.put("facts", a.facts());
    }
    return m.toString() + "\n";
  }
}
