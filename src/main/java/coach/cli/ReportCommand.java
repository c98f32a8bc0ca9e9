package coach.cli;

import coach.app.report.HtmlReport;
import coach.app.report.Report;
import coach.app.report.ReportReader;
import coach.app.report.TextReport;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code coach report}: a readable summary for the therapist, as text or as one HTML file with
 * charts. The report is one value read from the history ({@link ReportReader}) drawn by either
 * renderer ({@link TextReport}, {@link HtmlReport}), so both say the same.
 */
public final class ReportCommand implements Command {
  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "a readable summary of a patient's sessions (for the therapist)";
  }

  @Override
  public Options options() {
    Options o = StoreAccess.options();
    o.addOption(Option.builder().longOpt("format").hasArg().argName("text|html")
        .desc("text (default) for the screen, or html: one file with charts that needs no"
            + " network or script and prints on A4 or Letter").get());
    o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
        .desc("write to FILE (owner-only when created) instead of the screen").get());
    o.addOption(Option.builder().longOpt("since").hasArg().argName("YYYY-MM-DD")
        .desc("only sessions on or after this day").get());
    o.addOption(Option.builder().longOpt("until").hasArg().argName("YYYY-MM-DD")
        .desc("only sessions on or before this day").get());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach report [--patient ID] [--format text|html] [-o FILE]"
            + " [--since DAY] [--until DAY] [--data-dir DIR | --db URL]",
        "A readable summary of a patient's sessions for the therapist: the routine and its"
            + " version, days with exercise per week against the routine's frequency, outcomes,"
            + " pain before exercise and the highest during each session, pain per exercise and"
            + " where the symptoms reached, changes of level with their reasons, the answers"
            + " about signs of a serious cause, red flags and a doctor's clearance after one,"
            + " contact shown, stops for today, the alerts and who acknowledged them, and"
            + " next-morning answers. As html, the same words with charts of the pain and of"
            + " each exercise's levels, every change numbered.",
        options(), null, List.of(
            Help.example("coach report --patient P-1001",
                "the summary of patient P-1001's sessions"),
            Help.example("coach report --patient P-1001 --format html -o P-1001.html",
                "the same with charts, in a file to keep or print"),
            Help.example("coach report --patient P-1001 --since 2026-11-01 --until 2026-11-30",
                "the summary of November 2026 only"),
            Help.example("coach report --patient P-1001 --data-dir /var/lib/rehab-coach",
                "the summary from a clinic's data folder, where its kiosks keep the history"),
            Help.example("coach report --patient P-1001"
                    + " --db postgresql://coach@db.clinic.example/rehab",
                "the same from the clinic group's shared history, with every site's sessions")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach report", options(), this::help, args, ctx, cl -> run(cl, ctx));
  }

  private int run(CommandLine cl, CliContext ctx) throws CommandLines.UsageError {
    String format = cl.getOptionValue("format", "text");
    if (!format.equals("text") && !format.equals("html")) {
      throw new CommandLines.UsageError("--format takes text or html, not " + Quote.of(format));
    }
    LocalDate since = day(cl, "since");
    LocalDate until = day(cl, "until");
    if (since != null && until != null && until.isBefore(since)) {
      throw new CommandLines.UsageError("--until " + until + " is before --since " + since);
    }
    String patient = PatientOption.resolve(cl, ctx, "coach report");
    if (patient == null) {
      return ExitCodes.USAGE;
    }
    String dataDir = cl.getOptionValue("data-dir");
    int[] exit = {ExitCodes.OK};
    HistoryStore store = StoreAccess.open(cl, ctx, "report", exit);
    if (store == null) {
      return exit[0];
    }
    ZoneId zone = ZoneId.systemDefault();
    Optional<Report> report;
    try (store) {
      report = ReportReader.read(store, patient, id -> StoreAccess.routine(id, dataDir, ctx),
          since, until, zone);
    } catch (StoreException e) {
      ctx.err().println("coach report: " + e.getMessage());
      return ExitCodes.INVALID;
    }
    if (report.isEmpty()) {
      ctx.out().println("No sessions recorded yet for " + patient
          + (since == null && until == null ? "" : " in the days asked for") + ".");
      return ExitCodes.OK;
    }
    String text = format.equals("html")
        ? HtmlReport.html(report.get(), LocalDate.now(zone)) : TextReport.text(report.get());
    if (!cl.hasOption("output")) {
      ctx.out().print(text);
      ctx.out().flush();
      return ExitCodes.OK;
    }
    Path out = ctx.workDir().resolve(cl.getOptionValue("output"));
    try {
      OwnerOnlyFile.write(out, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException | StoreException e) {
      ctx.err().println("coach report: cannot write " + Quote.printable(out.toString()) + ": "
          + Quote.printable(String.valueOf(e.getMessage())));
      return ExitCodes.INVALID;
    }
    int n = report.get().sessions().size();
    ctx.err().println("Wrote the report of " + patient + " (" + n + (n == 1 ? " session"
        : " sessions") + ") to " + Quote.printable(out.toString()));
    return ExitCodes.OK;
  }

  /** --since or --until as a day, or null when not given. */
  private static LocalDate day(CommandLine cl, String option) throws CommandLines.UsageError {
    String v = cl.getOptionValue(option);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new CommandLines.UsageError("--" + option + " takes a date like 2026-11-01, not "
          + Quote.of(v));
    }
  }

  /** The patient's report as lines (the clinic board shows it), or a line saying there is none. */
  static List<String> lines(HistoryStore store, String patient, String dataDir, CliContext ctx)
      throws StoreException {
    return TextReport.lines(store, patient, id -> StoreAccess.routine(id, dataDir, ctx));
  }
}
