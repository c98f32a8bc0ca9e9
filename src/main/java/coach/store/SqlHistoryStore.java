package coach.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What both back ends read and write the same way, through the shared statements (see
 * {@link HistorySql}): sessions, ratings, events, who runs now, copies, counts and alerts. A back
 * end adds how a session is written ({@link #begin}), how it opens and closes, and may make reads
 * wait for its own writes first ({@link #beforeRead}). The alerts live in the same database, so
 * the store is its own outbox.
 */
abstract class SqlHistoryStore implements HistoryStore, AlertOutbox {
  protected final Db db;
  /** Where the store reads the time it writes (the system's; a test's own in tests). */
  protected final java.time.Clock clock;

  SqlHistoryStore(Db db, java.time.Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Sees every statement run on this history from now on (tests pin their plans). */
  void watch(Db.Watcher w) {
    db.watch(w);
  }

  @Override
  public AlertOutbox outbox() {
    return this;
  }

  /** Called before each read: nothing, or waiting for this process's writes to arrive. */
  void beforeRead() {}

  @Override
  public Optional<Live> live(String patient) throws StoreException {
    return db.read(c -> PatientSql.live(c, db, patient, Heartbeats.HOST, Heartbeats.LIVE_FOR,
        clock.instant()));
  }

  @Override
  public List<SessionRow> sessions(String patient, String routineId, Instant since)
      throws StoreException {
    beforeRead();
    return db.read(c -> PatientSql.sessions(c, db, patient, routineId, since));
  }

  @Override
  public List<String> patients() throws StoreException {
    beforeRead();
    return db.read(ClinicSql::patients);
  }

  @Override
  public List<RatingRow> ratings(String sessionId) throws StoreException {
    beforeRead();
    return db.read(c -> PatientSql.ratings(c, db, sessionId));
  }

  @Override
  public List<EventRow> events(String sessionId) throws StoreException {
    beforeRead();
    return db.read(c -> PatientSql.events(c, db, sessionId));
  }

  @Override
  public boolean copy(List<Copied> sessions, String name, Place place) throws StoreException {
    return db.saved(sessions.size() == 1 ? "a copied session" : sessions.size()
        + " copied sessions", c -> {
          boolean exact = CopySql.copy(c, db, sessions);
          if (name != null) {
            ClinicSql.place(c, db, name, place);
          }
          return exact;
        });
  }

  @Override
  public java.util.Map<String, List<SessionRow>> lastSessions(
      java.util.Collection<String> patients, int n, Instant since) throws StoreException {
    beforeRead();
    return db.read(c -> ClinicSql.lastSessions(c, db, patients, Math.max(1, n), since));
  }

  @Override
  public java.util.Map<String, List<RatingRow>> ratings(java.util.Collection<String> sessionIds)
      throws StoreException {
    beforeRead();
    return db.read(c -> PatientSql.ratings(c, db, sessionIds));
  }

  @Override
  public Changes changes(long since, boolean alerts) throws StoreException {
    beforeRead();
    return db.read(c -> ClinicSql.changes(c, db, since, alerts));
  }

  @Override
  public List<String> attendanceDue(Instant now) throws StoreException {
    return db.read(c -> ClinicSql.attendanceDue(c, db, now));
  }

  @Override
  public void attendanceAt(java.util.Map<String, Instant> due) throws StoreException {
    if (!due.isEmpty()) {
      db.write("when to look at patients' attendance", c -> ClinicSql.attendanceAt(c, db, due));
    }
  }

  @Override
  public List<AlertRow> openAlerts(java.util.Collection<String> patients)
      throws StoreException {
    beforeRead();
    return db.read(c -> AlertSql.openAlerts(c, db, patients));
  }

  @Override
  public java.util.Map<String, Long> looks(String clinician) throws StoreException {
    return db.read(c -> ClinicSql.looks(c, clinician));
  }

  @Override
  public long look(String clinician, String patient, Instant at) throws StoreException {
    // after everything this process wrote: a look is later than what the clinician could see
    beforeRead();
    return db.saved("a clinician's look", c -> ClinicSql.look(c, db, clinician, patient, at));
  }

  @Override
  public Optional<Place> place(String name) throws StoreException {
    return db.read(c -> ClinicSql.place(c, db, name));
  }

  @Override
  public void place(String name, Place place) throws StoreException {
    db.write("where a reader got to", c -> ClinicSql.place(c, db, name, place));
  }

  @Override
  public List<SessionRow> sessionsAfter(String afterId, int limit) throws StoreException {
    beforeRead();
    return db.read(c -> CopySql.sessionsAfter(c, db, afterId, limit));
  }

  @Override
  public java.util.Map<String, List<EventRow>> events(java.util.Collection<String> sessionIds)
      throws StoreException {
    beforeRead();
    return db.read(c -> PatientSql.events(c, db, sessionIds));
  }

  @Override
  public java.util.Map<String, Counts> sizes(java.util.Collection<String> sessionIds)
      throws StoreException {
    beforeRead();
    return db.read(c -> CopySql.sizes(c, sessionIds));
  }

  @Override
  public List<AlertRow> alertsAfter(long afterId, int limit) throws StoreException {
    beforeRead();
    return db.read(c -> AlertSql.alertsAfter(c, db, afterId, limit));
  }

  @Override
  public Counts counts() throws StoreException {
    beforeRead();
    return db.read(CopySql::counts);
  }

  @Override
  public Optional<AlertRow> raise(String patient, AlertKind kind, String cause, String facts,
      Instant at) throws StoreException {
    return db.saved("an alert", c -> AlertSql.raise(c, db, patient, kind, cause, facts, at));
  }

  @Override
  public List<AlertRow> raise(String patient, List<Raise> alerts, Instant at)
      throws StoreException {
    if (alerts.isEmpty()) {
      return List.of();
    }
    return db.saved("alerts", c -> {
      List<AlertRow> out = new java.util.ArrayList<>();
      for (Raise r : alerts) {
        AlertSql.raise(c, db, patient, r.kind(), r.cause(), r.facts(), at).ifPresent(out::add);
      }
      return out;
    });
  }

  @Override
  public List<AlertRow> alerts(String patient, boolean openOnly, Instant since)
      throws StoreException {
    beforeRead();
    return db.read(c -> AlertSql.alerts(c, db, patient, openOnly, since));
  }

  @Override
  public boolean acknowledge(long id, String by, String note, Instant at)
      throws StoreException {
    return db.saved("an acknowledgement", c -> AlertSql.acknowledge(c, db, id, by, note, at));
  }

  @Override
  public List<AlertRow> undelivered(Instant now) throws StoreException {
    return db.read(c -> AlertSql.undelivered(c, db, now));
  }

  @Override
  public void delivery(List<Long> ids, Instant at, Instant next) throws StoreException {
    db.write("an alert's delivery", c -> AlertSql.delivery(c, db, ids, at, next));
  }

  @Override
  public List<Long> claim(List<Long> ids, Instant now, Instant until) throws StoreException {
    return db.saved("an alert's delivery", c -> AlertSql.claim(c, db, ids, now, until));
  }

  @Override
  public void copyAlerts(List<AlertRow> alerts) throws StoreException {
    db.write("copied alerts", c -> AlertSql.copyAlerts(c, db, alerts));
  }
}
