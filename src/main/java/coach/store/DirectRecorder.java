package coach.store;

import coach.session.Effect;

/**
 * Writes one session's effects straight into the history as they happen, each entry in its own
 * transaction, durable before {@link #apply} returns (the SQLite history on this computer).
 */
final class DirectRecorder implements SessionRecorder {
  private final Db db;
  private final Heartbeats heartbeats;
  private final SessionEntries entries;
  private final String id;
  private final java.time.Clock clock;

  DirectRecorder(Db db, Heartbeats heartbeats, String id, java.time.Clock clock) {
    this.clock = clock;
    this.db = db;
    this.heartbeats = heartbeats;
    this.entries = new SessionEntries(id);
    this.id = id;
  }

  @Override
  public String sessionId() {
    return id;
  }

  @Override
  public void apply(Effect effect) throws StoreException {
    Entry e = entries.of(effect, clock.instant());
    if (e == null) {
      return;
    }
    if (e instanceof Entry.End) {
      heartbeats.stop(id);
    }
    db.write(Entry.what(e), c -> EntrySql.write(c, db, e));
    entries.saved(e);
  }
}
