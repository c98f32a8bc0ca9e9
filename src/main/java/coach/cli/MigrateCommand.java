package coach.cli;

import coach.app.DataDir;
import coach.app.History;
import coach.app.Logs;
import coach.store.AlertOutbox;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code coach migrate --from DATA_DIR --to URL}: copies a data folder's SQLite history into the
 * clinic's PostgreSQL database, keeping every id and number, so running it again (after more
 * sessions, or after a failure half-way) adds only what is missing; then checks that the database
 * has each copied session's every rating and event, and says so in numbers.
 */
public final class MigrateCommand implements Command {
  @Override
  public String name() {
    return "migrate";
  }

  @Override
  public String summary() {
    return "copy a data folder's history into the clinic's PostgreSQL database";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("from").hasArg().argName("DIR")
        .desc("the data folder whose history.db is copied (it is left as it is, but for being"
            + " brought to this version's schema)").get());
    o.addOption(Option.builder().longOpt("to").hasArg().argName("URL")
        .desc("the database: postgresql://USER@HOST:PORT/DATABASE, the password from"
            + " PGPASSWORD or ~/.pgpass; COACH_DB when not given").get());
    o.addOption(CommandLines.help());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach migrate --from DIR --to URL",
        "Copies every session, rating, event and alert of a data folder's history into PostgreSQL,"
            + " keeping their ids, so it can run again without doubling anything. Exit status:"
            + " 0 all copied and checked; 1 a history or database that cannot be used, or a"
            + " check that failed; 2 a usage error.",
        options(), null, List.of(
            Help.example("coach migrate --from /var/lib/rehab-coach --to"
                    + " postgresql://coach@db/rehab",
                "a kiosk server's history into the clinic group's database"),
            Help.example("coach migrate --from ~/coach-data --to postgresql://me@localhost/rehab",
                "your own history, to try the shared one on this computer")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach migrate", options(), this::help, args, ctx,
        cl -> run(cl, ctx));
  }

  private int run(CommandLine cl, CliContext ctx) throws CommandLines.UsageError {
    if (!cl.getArgList().isEmpty()) {
      throw new CommandLines.UsageError("takes no arguments, not "
          + Quote.of(cl.getArgList().get(0)) + " (see coach migrate --help)");
    }
    if (!cl.hasOption("from")) {
      throw new CommandLines.UsageError("--from DIR says which data folder's history to copy");
    }
    String to;
    try {
      to = History.database(cl.getOptionValue("to"), ctx.env());
    } catch (IllegalArgumentException e) {
      throw new CommandLines.UsageError("--to " + Quote.of(CommandLines.withoutPassword(
          cl.hasOption("to") ? cl.getOptionValue("to") : ctx.env().get(History.ENV))) + ": "
          + e.getMessage());
    }
    if (to == null) {
      throw new CommandLines.UsageError("--to URL (or COACH_DB) names the database to copy to");
    }
    Path from = DataDir.resolve(cl.getOptionValue("from"), ctx.env());
    try {
      if (!History.exists(from, null)) {
        ctx.err().println("coach migrate: no history in " + from + " (expected "
            + from.resolve("history.db") + ")");
        return ExitCodes.INVALID;
      }
    } catch (StoreException e) {
      ctx.err().println("coach migrate: " + e.getMessage());
      return ExitCodes.INVALID;
    }
    try (HistoryStore source = History.open(from);
        HistoryStore target = History.open(from, to, ctx.env())) {
      Copied copied = copy(source, target, "copy from " + from.toAbsolutePath()
          .resolve("history.db"), ctx);
      HistoryStore.Counts there = target.counts();
      String checked = copied.missing.isEmpty() ? "all in the database"
          : "NOT all in the database";
      ctx.out().println("Copied " + History.where(from, null, ctx.env()) + " to "
          + History.where(from, to, ctx.env()) + ":");
      ctx.out().printf("  %-9s %7d copied, %s (it holds %d)%n", "sessions",
          copied.sessions, checked, there.sessions());
      ctx.out().printf("  %-9s %7d copied, %s (it holds %d)%n", "ratings",
          copied.ratings, checked, there.ratings());
      ctx.out().printf("  %-9s %7d copied, %s (it holds %d)%n", "events",
          copied.events, checked, there.events());
      ctx.out().printf("  %-9s %7d copied (each once: by patient, kind and cause)%n", "alerts",
          copied.alerts);
      if (!copied.missing.isEmpty()) {
        ctx.err().println("coach migrate: " + copied.missing.size() + " session(s) differ in the"
            + " database after copying, first " + copied.missing.get(0) + "; nothing was"
            + " removed, run it again or see " + Logs.file(from));
        return ExitCodes.INVALID;
      }
      return ExitCodes.OK;
    } catch (StoreException e) {
      Logs.error(from, "migrate", e);
      ctx.err().println("coach migrate: " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  /** Sessions copied in one transaction: about 15,000 ratings. */
  static final int BATCH = 500;
  /** How often a line says how far the copy got. */
  private static final long PROGRESS_NANOS = 10_000_000_000L;

  /** What a copy did. */
  static final class Copied {
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
  static Copied copy(HistoryStore source, HistoryStore target, String place, CliContext ctx)
      throws StoreException {
    Copied done = new Copied();
    java.util.Optional<HistoryStore.Place> was = target.place(place);
    String after = was.map(HistoryStore.Place::key).orElse(null);
    long before = after == null ? 0 : was.get().mark();
    long total = source.counts().sessions();
    if (after != null) {
      ctx.err().println("coach migrate: going on after the " + before + " session(s) an"
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
        target.copy(batch, place, new HistoryStore.Place(before + done.sessions + batch.size(),
            Instant.now(), after));
        java.util.Map<String, HistoryStore.Counts> there = target.sizes(ids);
        for (HistoryStore.Copied c : batch) {
          HistoryStore.Counts n = there.get(c.session().id());
          if (n == null || n.ratings() != c.ratings().size()
              || n.events() != c.events().size()) {
            done.missing.add(c.session().id());
          }
        }
        done.sessions += batch.size();
        long now = System.nanoTime();
        if (now - nextLine >= 0) {
          nextLine = now + PROGRESS_NANOS;
          double seconds = (now - started) / 1e9;
          ctx.err().printf("coach migrate: %d of %d sessions (%d%%), %d ratings, %.0f ratings"
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
      List<AlertOutbox.AlertRow> alerts = source.outbox().alertsAfter(lastAlert, 1000);
      if (alerts.isEmpty()) {
        break;
      }
      target.outbox().copyAlerts(alerts);
      done.alerts += alerts.size();
      lastAlert = alerts.get(alerts.size() - 1).id();
    }
    // done: the next run starts from the first session again (it may have gone on since)
    target.place(place, new HistoryStore.Place(before + done.sessions, Instant.now(), null));
    return done;
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
