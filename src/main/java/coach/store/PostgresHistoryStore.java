package coach.store;

import coach.session.Effect;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The history in a clinic's PostgreSQL database, shared by every coach and server that names
 * it. A session's entries are first kept on this computer (a {@link Spool} file, on the disk
 * before {@code apply} returns) and sent in order by one thread, so a screen never waits on the
 * network and a database that goes away loses nothing: what it missed is sent when it is back,
 * and sending twice doubles nothing. Reads wait briefly for this process's own entries to be
 * sent, so a report right after a session sees it.
 */
public final class PostgresHistoryStore extends SqlHistoryStore {
  private static final Logger LOG = Logger.getLogger(PostgresHistoryStore.class.getName());
  /** After this long unsent, a session's entries count as kept locally (said on the screen). */
  private static final long LOCAL_AFTER_NANOS = Duration.ofSeconds(3).toNanos();
  /** How long a read waits for this process's entries to reach the database first. */
  private static final Duration READ_WAIT = Duration.ofSeconds(4);

  private final PostgresDb pg;
  private final Spool spool;
  private final Heartbeats heartbeats = new Heartbeats(this::beat);
  private final Map<String, Spool.Held> held = new LinkedHashMap<>();
  /** Entries of no running session this process kept, until sent. */
  private final java.util.Set<Path> singles = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Object signal = new Object();
  private final Thread sender;
  private boolean wake;
  private volatile boolean closing;
  private volatile boolean down;

  private PostgresHistoryStore(PostgresDb db, Spool spool, java.time.Clock clock) {
    super(db, clock);
    this.pg = db;
    this.spool = spool;
    sendOnce(); // what an earlier process left, before anything reads
    this.sender = new Thread(this::sendLoop, "coach-history-sender");
    sender.setDaemon(true);
    sender.start();
  }

  /**
   * Opens the history in the database, creating or migrating its tables first (versioned
   * migrations; one newer than this coach is refused), and sends whatever an earlier process
   * left in the spool folder.
   *
   * @param spoolDir where entries wait for the database (in the data folder)
   */
  public static PostgresHistoryStore open(PostgresUrl url, Map<String, String> env,
      Path spoolDir) throws StoreException {
    return open(url, env, spoolDir, java.time.Clock.systemUTC());
  }

  /** As {@link #open(PostgresUrl, Map, Path)}, writing the times {@code clock} tells. */
  public static PostgresHistoryStore open(PostgresUrl url, Map<String, String> env,
      Path spoolDir, java.time.Clock clock) throws StoreException {
    PostgresDb db = new PostgresDb(url, env);
    try {
      PostgresSchema.migrate(db, url);
      Spool spool;
      try {
        spool = new Spool(spoolDir);
      } catch (IOException e) {
        throw new StoreException(spoolDir + ": cannot keep entries here for the database ("
            + e.getMessage() + ")", e);
      }
      return new PostgresHistoryStore(db, spool, clock);
    } catch (StoreException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  @Override
  public SessionRecorder begin(String patient, String routineId, String routineHash,
      Map<String, Integer> startLevels) throws StoreException {
    String id = UUID.randomUUID().toString();
    Entry.Begin b = new Entry.Begin(id, clock.instant(), patient, routineId, routineHash,
        Heartbeats.HOST, ProcessHandle.current().pid(), Map.copyOf(startLevels));
    Spool.Held h;
    try {
      h = spool.hold(id);
      h.append(b);
    } catch (IOException e) {
      throw spoolFailure(Entry.what(b), e);
    }
    synchronized (held) {
      held.put(id, h);
    }
    heartbeats.start(id);
    wake();
    return new Recorder(h);
  }

  /** Whether this process still keeps the session's spool file (its end not yet sent). */
  boolean holds(String sessionId) {
    synchronized (held) {
      return held.containsKey(sessionId);
    }
  }

  /** A session's effects, kept in its spool file and handed to the sender. */
  private final class Recorder implements SessionRecorder {
    private final Spool.Held file;
    private final SessionEntries entries;

    Recorder(Spool.Held file) {
      this.file = file;
      this.entries = new SessionEntries(file.sessionId);
    }

    @Override
    public String sessionId() {
      return file.sessionId;
    }

    @Override
    public void apply(Effect effect) throws StoreException {
      Entry e = entries.of(effect, clock.instant());
      if (e == null) {
        return;
      }
      if (e instanceof Entry.End) {
        heartbeats.stop(file.sessionId);
      }
      try {
        file.append(e);
      } catch (IOException x) {
        throw spoolFailure(Entry.what(e), x);
      }
      entries.saved(e);
      wake();
    }
  }

  private StoreException spoolFailure(String what, IOException e) {
    boolean full = String.valueOf(e.getMessage()).contains("No space left");
    return new StoreException(spool.dir() + ": could not keep " + what + " on this computer: "
        + (full ? "there is no room on the disk" : e.getMessage()), e, full);
  }

  private void wake() {
    synchronized (signal) {
      wake = true;
      signal.notifyAll();
    }
  }

  /** Sends until closed: at once when woken, every few seconds while something waits. */
  private void sendLoop() {
    long backoff = 250;
    while (!closing) {
      boolean ok = sendOnce();
      backoff = ok ? 250 : Math.min(backoff * 2, 5000);
      synchronized (signal) {
        signal.notifyAll(); // readers waiting for their entries
        if (!wake && !closing) {
          try {
            signal.wait(ok ? 5000 : backoff);
          } catch (InterruptedException e) {
            return;
          }
        }
        wake = false;
      }
    }
  }

  /** One round: this process's sessions in order, then files left by others; false if down. */
  private boolean sendOnce() {
    try {
      List<Spool.Held> mine;
      synchronized (held) {
        mine = new ArrayList<>(held.values());
      }
      boolean sentAny = false;
      for (Spool.Held h : mine) {
        List<Entry> unsent = h.unsent();
        if (!unsent.isEmpty()) {
          send(unsent);
          h.sent(unsent.size());
          sentAny = true;
        }
        if (h.done()) {
          synchronized (held) {
            held.remove(h.sessionId);
          }
          h.close();
          java.nio.file.Files.deleteIfExists(h.file);
        }
      }
      for (Path f : spool.files()) {
        String name = f.getFileName().toString();
        boolean ours;
        synchronized (held) {
          ours = held.containsKey(name.substring(0, name.length() - ".jsonl".length()));
        }
        if (!ours && spool.sendLeftOver(f, this::send)) {
          singles.remove(f);
          sentAny = true;
        }
      }
      if (!sentAny && down) { // still away?
        if (!db.query(c -> c.isValid(PostgresDb.CONNECT_SECONDS))) {
          return false;
        }
      }
      if (down) {
        LOG.info("the database is back: " + db.name());
      }
      down = false;
      return true;
    } catch (SQLException | IOException | RuntimeException e) {
      if (!down) {
        LOG.log(Level.WARNING, "the database cannot be reached; keeping entries in "
            + spool.dir() + ": " + pg.plainAny(e), e);
      }
      down = true;
      return false;
    }
  }

  private void send(List<Entry> entries) throws SQLException {
    db.inTransaction(c -> {
      for (Entry e : entries) {
        EntrySql.write(c, db, e);
      }
    });
  }

  @Override
  public boolean remote() {
    return true;
  }

  @Override
  public boolean keptLocally() {
    if (down) {
      return true;
    }
    long now = System.nanoTime();
    synchronized (held) {
      for (Spool.Held h : held.values()) {
        if (h.waited(now) > LOCAL_AFTER_NANOS) {
          return true;
        }
      }
    }
    return false;
  }

  /** Waits (briefly) until this process's entries are in the database, so reads see them. */
  @Override
  void beforeRead() {
    long until = System.nanoTime() + READ_WAIT.toNanos();
    synchronized (signal) {
      while (pending() > 0 && !down && !closing) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          return;
        }
        wake = true;
        signal.notifyAll();
        try {
          signal.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private int pending() {
    int n = singles.size();
    synchronized (held) {
      for (Spool.Held h : held.values()) {
        n += h.pending();
      }
    }
    return n;
  }

  private void beat(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      db.inTransaction(c -> EntrySql.heartbeat(c, db, ids, clock.instant()));
    } catch (SQLException | RuntimeException e) {
      // the database is away: the sender says so; a beat is tried again in a few seconds
    }
  }

  /** Kept like a session's entries, so it waits out a database that is away. */
  @Override
  public void settleInterrupted(String sessionId) throws StoreException {
    Entry.Settle s = new Entry.Settle(sessionId, clock.instant());
    try {
      singles.add(spool.single(s));
    } catch (IOException e) {
      throw spoolFailure(Entry.what(s), e);
    }
    wake();
  }

  /**
   * Stops the sender after a last try (bounded by the connection timeout); what the database
   * still lacks stays in the spool folder for the next process to send.
   */
  @Override
  public void close() {
    heartbeats.close();
    closing = true;
    wake();
    try {
      sender.join(Duration.ofSeconds(PostgresDb.CONNECT_SECONDS * 2L).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!sender.isAlive()) {
      sendOnce();
    }
    synchronized (held) {
      for (Spool.Held h : held.values()) {
        h.close();
      }
      held.clear();
    }
    pg.close();
  }
}
