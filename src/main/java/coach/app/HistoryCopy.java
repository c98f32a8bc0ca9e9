package coach.app;

import coach.store.HistoryStore;
import coach.store.StoreException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

/**
 * One history copied into another (a data folder's SQLite history into the clinic's PostgreSQL
 * database, for {@code coach migrate}), keeping every id and number, so copying again (after
 * more sessions, or after a failure half-way) adds only what is missing; each batch's ratings and
 * events are checked in the target as it goes.
 */
public final class HistoryCopy {
  private HistoryCopy() {}

  /** Sessions copied in one transaction: about 15,000 ratings. */
  public static final int BATCH = 500;
  /** How often a line says how far the copy got. */
  private static final long PROGRESS_NANOS = 10_000_000_000L;

  /**
   * What a copy did.
   *
   * @param missing the sessions whose ratings or events the target does not hold after copying
   */
  public record Copied(long sessions, long ratings, long events, long alerts,
      List<String> missing) {}

  /** The counts as a copy goes. */
  private static final class Tally {
    long sessions;
    long ratings;
    long events;
    long alerts;
    final List<String> missing = new java.util.ArrayList<>();
  }

  /**
   * Copies every session of {@code source} into {@code target} a batch at a time (one
   * transaction each, so memory stays bounded whatever the history's size), checks each batch's
   * ratings and events in the target, and keeps in the target where it got to under
   * {@code place}: a copy cut off goes on after the last batch it finished. Then the alerts, a
   * page at a time. Copying again adds only what is missing.
   */
  public static Copied copy(HistoryStore source, HistoryStore target, String place,
      PrintStream err) throws StoreException {
    Tally done = new Tally();
    java.util.Optional<HistoryStore.Place> was = target.place(place);
    String after = was.map(HistoryStore.Place::key).orElse(null);
    long before = after == null ? 0 : was.get().mark();
    long total = source.counts().sessions();
    if (after != null) {
      err.println("coach migrate: going on after the " + before + " session(s) an"
          + " earlier run copied");
    }
    long started = System.nanoTime();
    long nextLine = started + PROGRESS_NANOS;
    // the next batch is read while the last one is written (at most two wait in memory)
    Reader reader = new Reader(source, after);
    reader.start();
    try {
      while (true) {
        List<HistoryStore.Copied> batch = reader.next();
        if (batch.isEmpty()) {
          break;
        }
        List<String> ids = new java.util.ArrayList<>(batch.size());
        for (HistoryStore.Copied c : batch) {
          ids.add(c.session().id());
          done.ratings += c.ratings().size();
          done.events += c.events().size();
        }
        after = ids.get(ids.size() - 1);
        boolean exact = target.copy(batch, place, new HistoryStore.Place(before + done.sessions
            + batch.size(), Instant.now(), after));
        // new sessions whose every row went in as new are there exactly; any other batch (a copy
        // gone on, a session the target had already) is counted in the target
        if (!exact) {
          done.missing.addAll(differing(batch, target.sizes(ids)));
        }
        done.sessions += batch.size();
        long now = System.nanoTime();
        if (now - nextLine >= 0) {
          nextLine = now + PROGRESS_NANOS;
          double seconds = (now - started) / 1e9;
          err.printf("coach migrate: %d of %d sessions (%d%%), %d ratings, %.0f ratings"
              + " a second%n", before + done.sessions, total, total == 0 ? 100
              : (before + done.sessions) * 100 / total, done.ratings, done.ratings / seconds);
        }
      }
    } finally {
      reader.interrupt();
    }
    // the alerts too, with who acknowledged them and whether they went: none comes back
    long lastAlert = 0;
    while (true) {
      List<coach.store.AlertOutbox.AlertRow> alerts = source.outbox().alertsAfter(lastAlert,
          1000);
      if (alerts.isEmpty()) {
        break;
      }
      target.outbox().copyAlerts(alerts);
      done.alerts += alerts.size();
      lastAlert = alerts.get(alerts.size() - 1).id();
    }
    // done: the next run starts from the first session again (it may have gone on since)
    target.place(place, new HistoryStore.Place(before + done.sessions, Instant.now(), null));
    return new Copied(done.sessions, done.ratings, done.events, done.alerts,
        List.copyOf(done.missing));
  }

  /** The sessions of a batch whose ratings or events the target does not hold as many of. */
  private static List<String> differing(List<HistoryStore.Copied> batch,
      java.util.Map<String, HistoryStore.Counts> there) {
    List<String> out = new java.util.ArrayList<>();
    for (HistoryStore.Copied c : batch) {
      HistoryStore.Counts n = there.get(c.session().id());
      if (n == null || n.ratings() != c.ratings().size() || n.events() != c.events().size()) {
        out.add(c.session().id());
      }
    }
    return out;
  }

  /** Reads the source a batch at a time on a thread of its own, a batch or two ahead. */
  private static final class Reader extends Thread {
    private final HistoryStore source;
    private final java.util.concurrent.BlockingQueue<Object> ready =
        new java.util.concurrent.ArrayBlockingQueue<>(1);
    private String after;

    Reader(HistoryStore source, String after) {
      super("coach-migrate-reader");
      setDaemon(true);
      this.source = source;
      this.after = after;
    }

    @Override
    public void run() {
      try {
        while (true) {
          List<HistoryStore.SessionRow> page = source.sessionsAfter(after, BATCH);
          List<String> ids = page.stream().map(HistoryStore.SessionRow::id).toList();
          java.util.Map<String, List<HistoryStore.RatingRow>> ratings = page.isEmpty()
              ? java.util.Map.of() : source.ratings(ids);
          java.util.Map<String, List<HistoryStore.EventRow>> events = page.isEmpty()
              ? java.util.Map.of() : source.events(ids);
          List<HistoryStore.Copied> batch = new java.util.ArrayList<>(page.size());
          for (HistoryStore.SessionRow s : page) {
            batch.add(new HistoryStore.Copied(s, ratings.getOrDefault(s.id(), List.of()),
                events.getOrDefault(s.id(), List.of())));
          }
          ready.put(batch);
          if (page.isEmpty()) {
            return;
          }
          after = ids.get(ids.size() - 1);
        }
      } catch (StoreException | RuntimeException e) {
        try {
          ready.put(e);
        } catch (InterruptedException stopped) {
          // the copy stopped meanwhile
        }
      } catch (InterruptedException e) {
        // the copy stopped
      }
    }

    /** The next batch (empty at the end); what failed in reading, thrown here. */
    @SuppressWarnings("unchecked")
    List<HistoryStore.Copied> next() throws StoreException {
      try {
        Object o = ready.take();
        if (o instanceof StoreException e) {
          throw new StoreException(e.getMessage(), e);
        }
        if (o instanceof RuntimeException e) {
          throw e;
        }
        return (List<HistoryStore.Copied>) o;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("the copy was interrupted");
      }
    }
  }
}
