package coach.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The clinician's alerts, kept beside the history they are about: raised once per cause (one
 * open per patient and kind, every red flag its own), acknowledged with who and when, and handed
 * to the alert command until delivered (the outbox). A history hands out its own
 * ({@link HistoryStore#outbox()}); writes are durable when a method returns.
 */
public interface AlertOutbox {

  /**
   * Raises an alert, unless one of this patient and kind is still open (red flags excepted: each
   * is its own) or this cause was raised before (acknowledged or not). Returns the new alert, or
   * empty when none was raised.
   *
   * @param cause what the alert is about, the same each time the same thing is seen (a session
   *     id, an event's session and number, a week)
   */
  Optional<AlertRow> raise(String patient, AlertKind kind, String cause, String facts,
      Instant at) throws StoreException;

  /** Raises each as {@link #raise(String, AlertKind, String, String, Instant)} does, at once. */
  List<AlertRow> raise(String patient, List<Raise> alerts, Instant at) throws StoreException;

  /** An alert to raise: what it is about, its cause and the facts behind it. */
  record Raise(AlertKind kind, String cause, String facts) {}

  /**
   * Alerts, most urgent kind first and newest first within a kind.
   *
   * @param patient one patient's, or null for every patient's
   * @param openOnly only those not acknowledged
   * @param since only those raised then or later, or null
   */
  List<AlertRow> alerts(String patient, boolean openOnly, Instant since) throws StoreException;

  /** Acknowledges an open alert; false when there is no such alert or it was acknowledged. */
  boolean acknowledge(long id, String by, String note, Instant at) throws StoreException;

  /** Alerts not delivered to the alert command yet whose next try is due, oldest first. */
  List<AlertRow> undelivered(Instant now) throws StoreException;

  /**
   * Takes the given alerts for delivery by this process until {@code until}, so another process
   * sharing the history does not send them too; returns those taken (not delivered meanwhile,
   * nor taken by another).
   */
  List<Long> claim(List<Long> ids, Instant now, Instant until) throws StoreException;

  /**
   * Records a delivery: done ({@code next} null), or failed and to be tried again at
   * {@code next}.
   */
  void delivery(List<Long> ids, Instant at, Instant next) throws StoreException;

  /** One alert as stored. */
  record AlertRow(long id, String patient, AlertKind kind, String cause, Instant raised,
      String facts, Instant acknowledged, String by, String note, Instant delivered,
      int attempts) {
    public boolean open() {
      return acknowledged == null;
    }
  }


  /** The open alerts of these patients, most urgent kind first and newest first within one. */
  List<AlertRow> openAlerts(java.util.Collection<String> patients) throws StoreException;

  /** Up to {@code limit} alerts with ids above {@code afterId}, in the order of their ids. */
  List<AlertRow> alertsAfter(long afterId, int limit) throws StoreException;

  /** Copies alerts recorded in another history; one of the same patient, kind and cause, or an
   * open one where another is open, is left as it is. */
  void copyAlerts(List<AlertRow> alerts) throws StoreException;
}
