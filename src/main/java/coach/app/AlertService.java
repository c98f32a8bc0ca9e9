package coach.app;

import coach.routine.Routine;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The clinician's side of a running coach, on one thread of its own so no session ever waits for
 * it: a patient's alerts are worked out again when their session records something the clinician
 * may need (a red flag, the contact card, the morning after, the starting rating, the end), every
 * patient changed since the last scan (by any coach) and each whose attendance is due a look,
 * every few minutes (the missed days), and what is due is delivered to the alert
 * command when there is one. A failure is logged and tried again at the next round.
 */
public final class AlertService implements AutoCloseable {
  /** How often the changed patients' alerts are worked out again. */
  static final Duration EVERY = Duration.ofMinutes(5);
  private static final Duration DELIVERY_EVERY = Duration.ofSeconds(15);

  private final HistoryStore store;
  private final AlertScan scan;
  private final AlertDelivery delivery;
  private final Path dataDir;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
      r -> {
        Thread t = new Thread(r, "coach-alerts");
        t.setDaemon(true);
        return t;
      });

  /**
   * @param delivery where new alerts go, or null to keep them in the history only
   * @param dataDir where a failure is logged
   */
  public AlertService(HistoryStore store, Function<String, Optional<Routine>> routines,
      AlertDelivery delivery, Path dataDir) {
    this.store = store;
    this.scan = new AlertScan(store, routines, ZoneId.systemDefault());
    this.delivery = delivery;
    this.dataDir = dataDir;
    if (delivery != null) {
      // a failed delivery is tried again while the coach runs, whatever the sessions do
      thread.scheduleWithFixedDelay(() -> run(this::deliver), DELIVERY_EVERY.toSeconds(),
          DELIVERY_EVERY.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /**
   * The clinician's side of a running coach: alerts worked out as sessions record, delivered to
   * {@code command} (--alert-command), else the settings' alert-command, else kept in the history
   * only.
   */
  public static AlertService delivering(String command, Settings settings, HistoryStore store,
      Function<String, Optional<Routine>> routines, Path dataDir) {
    String c = command != null ? command : settings.alertCommand();
    return new AlertService(store, routines, c == null || c.isBlank()
        ? null : new AlertDelivery(c, Duration.ofSeconds(30)), dataDir);
  }

  /** The changed patients every few minutes (a server's), besides the retries. */
  public AlertService everyFewMinutes() {
    thread.scheduleWithFixedDelay(() -> run(() -> scan.changed(Instant.now())), 0,
        EVERY.toSeconds(), TimeUnit.SECONDS);
    return this;
  }

  /** The patient's session recorded something the clinician may need: look again, soon. */
  public void patientChanged(String patient) {
    thread.execute(() -> run(() -> {
      scan.patient(patient, Instant.now());
      deliver();
    }));
  }

  private void deliver() throws StoreException {
    if (delivery != null) {
      AlertDelivery.Round r = delivery.deliver(store.outbox(), Instant.now());
      if (r.failed() > 0) {
        // the command itself is not logged: it may hold a webhook's secret
        Logs.info(dataDir, "alerts: the alert command failed for " + r.failed()
            + " alert(s); trying again later");
      }
    }
  }

  @FunctionalInterface
  private interface Work {
    void run() throws StoreException;
  }

  private void run(Work w) {
    try {
      w.run();
    } catch (StoreException | RuntimeException e) {
      Logs.error(dataDir, "alerts", e);
    }
  }

  /**
   * Finishes what was asked (at most {@code wait}), then stops; what is not delivered stays in
   * the history for the next coach to send.
   */
  public void close(Duration wait) {
    if (delivery != null) {
      // what waits for its patient's batch goes now, rather than wait for another coach
      thread.execute(() -> run(() -> delivery.deliver(store.outbox(), Instant.now(), true)));
    }
    thread.shutdown();
    try {
      thread.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread.shutdownNow();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
