package coach.cli;

import coach.app.AlertScan;
import coach.app.AlertWords;
import coach.app.DataDir;
import coach.app.RoutinesById;
import coach.routine.RoutineCatalog;
import coach.store.AlertOutbox;
import coach.store.HistoryStore;
import coach.store.StoreException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
  /**
   * Local times as "2026-11-26 09:30", made when first used: the time zone is read then, not
   * when the command line is read (every start makes every command).
   */
  private static final class Local {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneId.systemDefault());
  }

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
        ctx.out().println(json(alerts));
      } else {
        text(alerts, cl.hasOption("all"), ctx);
      }
      return ExitCodes.OK;
    } catch (StoreException e) {
      ctx.err().println("coach alerts: " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  private static void text(List<AlertOutbox.AlertRow> alerts, boolean all, CliContext ctx) {
    if (alerts.isEmpty()) {
      ctx.out().println(all ? "No alerts." : "No open alerts.");
      return;
    }
    // written a block at a time: a clinic's thousands of alerts, not a write a line
    StringBuilder b = new StringBuilder(alerts.size() + (all ? " alert" : " open alert")
        + (alerts.size() == 1 ? "" : "s") + ", most urgent first:\n");
    java.util.Map<coach.store.AlertKind, String> words = new java.util.EnumMap<>(
        coach.store.AlertKind.class);
    for (AlertOutbox.AlertRow a : alerts) {
      String what = words.computeIfAbsent(a.kind(), k -> (k.urgent() ? "URGENT " : "")
          + AlertWords.of(k));
      b.append("  #");
      pad(b, Long.toString(a.id()), 5).append(' ');
      pad(b, Quote.printable(a.patient()), 12).append(' ');
      pad(b, what, 34).append(' ').append(Local.WHEN.format(a.raised())).append('\n');
      b.append("         ").append(Quote.printable(a.facts())).append('\n');
      if (!a.open()) {
        b.append("         acknowledged by ").append(Quote.printable(a.by())).append(" at ")
            .append(Local.WHEN.format(a.acknowledged())).append(a.note() == null ? ""
                : ": " + Quote.printable(a.note())).append('\n');
      }
      if (b.length() > 1 << 16) {
        ctx.out().print(b);
        b.setLength(0);
      }
    }
    ctx.out().print(b);
    ctx.out().flush();
  }

  /** The text, then spaces up to {@code width} (as %-Ns would, without a formatter a line). */
  private static StringBuilder pad(StringBuilder b, String s, int width) {
    b.append(s);
    for (int i = s.length(); i < width; i++) {
      b.append(' ');
    }
    return b;
  }

  private static String json(List<AlertOutbox.AlertRow> alerts) {
    ObjectMapper m = new ObjectMapper();
    ArrayNode out = m.createArrayNode();
    for (AlertOutbox.AlertRow a : alerts) {
      ObjectNode n = out.addObject();
      n.put("id", a.id());
      n.put("patient", a.patient());
      n.put("kind", a.kind().name());
      n.put("urgent", a.kind().urgent());
      n.put("what", AlertWords.of(a.kind()));
      n.put("raised", a.raised().toString());
      n.put("facts", a.facts());
      n.put("acknowledged", a.acknowledged() == null ? null : a.acknowledged().toString());
      n.put("by", a.by());
      n.put("note", a.note());
      n.put("delivered", a.delivered() == null ? null : a.delivered().toString());
    }
    return out.toPrettyString();
  }
}
