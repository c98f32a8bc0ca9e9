package coach.cli;

import coach.app.AlertList;
import coach.app.AlertScan;
import coach.app.DataDir;
import coach.app.RoutinesById;
import coach.routine.RoutineCatalog;
import coach.store.AlertOutbox;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code coach alerts}: what the clinician should act on, most urgent first, with the facts behind
 * each; {@code coach alerts ack ID...} acknowledges them (who, when, a note). The history is
 * looked at again first, so a patient who stopped coming shows up without a session to say so.
 */
public final class AlertsCommand implements Command {
  @Override
  public String name() {
    return "alerts";
  }

  @Override
  public String summary() {
    return "what the clinician should act on; 'alerts ack ID' acknowledges";
  }

  @Override
  public Options options() {
    Options o = StoreAccess.options();
    // every patient's alerts by default: --patient narrows them, it has no default of its own
    o.addOption(PatientOption.onlyOption("only this patient's alerts"));
    o.addOption(Option.builder().longOpt("all-patients")
        .desc("every patient's alerts (the default)").get());
    o.addOption(Option.builder().longOpt("open").desc("only alerts not acknowledged yet (the"
        + " default)").get());
    o.addOption(Option.builder().longOpt("all").desc("acknowledged alerts too").get());
    o.addOption(Option.builder().longOpt("since").hasArg().argName("YYYY-MM-DD")
        .desc("only alerts raised on or after this day").get());
    o.addOption(Option.builder().longOpt("format").hasArg().argName("text|json")
        .desc("text (default) or json").get());
    o.addOption(Option.builder().longOpt("by").hasArg().argName("NAME")
        .desc("with ack: who acknowledges (default: your user name)").get());
    o.addOption(Option.builder().longOpt("note").hasArg().argName("TEXT")
        .desc("with ack: what was done (\"called, booked for Monday\")").get());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach alerts [--patient ID | --all-patients] [--open | --all]"
            + " [--since YYYY-MM-DD] [--format text|json]\n"
            + "       coach alerts ack ID... [--by NAME] [--note TEXT]",
        "Lists the alerts for the clinician, most urgent first and newest first within a kind,"
            + " each with its id, patient, kind, when and the facts behind it: a red flag"
            + " answered yes (urgent), symptoms that spread during an exercise, a session stopped"
            + " for today (and why), an exercise stopped at its easiest level or above the"
            + " routine's ceiling, a session ended for pain, pain before starting above the"
            + " routine's ceiling, worse the morning"
            + " after, pain at the end of a session rising three sessions running, no session for"
            + " more than twice the routine's interval, and a week that can no longer have the"
            + " days the routine asks for. One alert per patient and kind stays open until it is"
            + " acknowledged; alerts are never deleted.",
        options(), "Exit status: 0 done; 1 a history that cannot be used, or an id with no open"
            + " alert; 2 a usage error.",
        List.of(
            Help.example("coach alerts", "every patient's open alerts"),
            Help.example("coach alerts --patient P-1001 --all --since 2026-11-01",
                "one patient's alerts since the first of November, acknowledged ones too"),
            Help.example("coach alerts --all-patients --format json --data-dir /var/lib/coach",
                "for another program: a clinic's open alerts as JSON"),
            Help.example("coach alerts --db postgresql://coach@db/rehab --open",
                "the clinic group's open alerts, from every site"),
            Help.example("coach alerts ack 12 13 --by \"Dr Kim\" --note \"called, booked\"",
                "acknowledge two alerts, saying who and what was done")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach alerts", options(), this::help, args, ctx,
        cl -> run(cl, ctx));
  }

  private int run(CommandLine cl, CliContext ctx) throws CommandLines.UsageError {
    List<String> rest = cl.getArgList();
    boolean ack = !rest.isEmpty() && rest.get(0).equals("ack");
    if (!ack && !rest.isEmpty()) {
      throw new CommandLines.UsageError("the one word it takes is ack, not "
          + Quote.of(rest.get(0)) + " (see coach alerts --help)");
    }
    if (!ack && (cl.hasOption("by") || cl.hasOption("note"))) {
      throw new CommandLines.UsageError("--by and --note go with ack");
    }
    if (cl.hasOption("open") && cl.hasOption("all")) {
      throw new CommandLines.UsageError("give --open or --all, not both");
    }
    if (cl.hasOption("all-patients") && cl.hasOption(PatientOption.NAME)) {
      throw new CommandLines.UsageError("give --patient ID or --all-patients, not both");
    }
    String format = cl.getOptionValue("format", "text");
    if (!format.equals("text") && !format.equals("json")) {
      throw new CommandLines.UsageError("--format takes text or json, not " + Quote.of(format));
    }
    Instant since = CommandLines.since(cl);
    String patient = null;
    if (cl.hasOption(PatientOption.NAME)) {
      patient = PatientOption.resolve(cl, ctx, "coach alerts");
      if (patient == null) {
        return ExitCodes.USAGE;
      }
    }
    List<Long> ids = new java.util.ArrayList<>();
    if (ack) {
      if (rest.size() < 2) {
        throw new CommandLines.UsageError("ack takes the ids of the alerts to acknowledge");
      }
      for (String id : rest.subList(1, rest.size())) {
        try {
          ids.add(Long.parseLong(id.replaceFirst("^#", "")));
        } catch (NumberFormatException e) {
          throw new CommandLines.UsageError("an alert id is a number, not " + Quote.of(id));
        }
      }
    }
    int[] exit = {ExitCodes.OK};
    HistoryStore store = StoreAccess.open(cl, ctx, "alerts", exit);
    if (store == null) {
      return exit[0];
    }
    Path dir = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env());
    try (store) {
      Instant now = ctx.clock().instant();
      if (ack) {
        String by = cl.getOptionValue("by", ctx.env().getOrDefault("USER", "unknown"));
        int status = ExitCodes.OK;
        for (long id : ids) {
          if (store.outbox().acknowledge(id, by, cl.getOptionValue("note"), now)) {
            ctx.out().println("Acknowledged #" + id + " (by " + Quote.printable(by) + ").");
          } else {
            ctx.err().println("coach alerts: no open alert #" + id);
            status = ExitCodes.INVALID;
          }
        }
        return status;
      }
      new AlertScan(store, new RoutinesById(new RoutineCatalog(dir.resolve("routines"),
          ctx.workDir()), List.of()), ZoneId.systemDefault()).changed(now);
      List<AlertOutbox.AlertRow> alerts = store.outbox().alerts(patient, !cl.hasOption("all"), since);
      if (format.equals("json")) {
        ctx.out().println(AlertList.json(alerts));
      } else {
        AlertList.text(alerts, cl.hasOption("all"), ctx.out());
      }
      return ExitCodes.OK;
    } catch (StoreException e) {
      ctx.err().println("coach alerts: " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }
}
