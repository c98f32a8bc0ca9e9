package coach.cli;

import coach.app.DataDir;
import coach.app.History;
import coach.app.HistoryCopy;
import coach.app.Logs;
import coach.store.AlertOutbox;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.nio.file.Path;
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
      HistoryCopy.Copied copied = HistoryCopy.copy(source, target, "copy from "
          + from.toAbsolutePath().resolve("history.db"), ctx.err());
      HistoryStore.Counts there = target.counts();
      String checked = copied.missing().isEmpty() ? "all in the database"
          : "NOT all in the database";
      ctx.out().println("Copied " + History.where(from, null, ctx.env()) + " to "
          + History.where(from, to, ctx.env()) + ":");
      ctx.out().printf("  %-9s %7d copied, %s (it holds %d)%n", "sessions",
          copied.sessions(), checked, there.sessions());
      ctx.out().printf("  %-9s %7d copied, %s (it holds %d)%n", "ratings",
          copied.ratings(), checked, there.ratings());
      ctx.out().printf("  %-9s %7d copied, %s (it holds %d)%n", "events",
          copied.events(), checked, there.events());
      ctx.out().printf("  %-9s %7d copied (each once: by patient, kind and cause)%n", "alerts",
          copied.alerts());
      if (!copied.missing().isEmpty()) {
        ctx.err().println("coach migrate: " + copied.missing().size() + " session(s) differ in the"
            + " database after copying, first " + copied.missing().get(0) + "; nothing was"
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
}
