package coach.cli;

import coach.app.report.Report;
import coach.app.report.ReportReader;
import coach.app.report.TextReport;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code coach report}: a readable summary for the therapist: sessions done per week against the
 * routine's frequency, the pain trend per exercise, switches with reasons, the answers about
 * signs of a serious cause, red flags and a doctor's clearance after one, contact shown, stops
 * for today, and the next-morning answers.
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
    return StoreAccess.options();
  }

  @Override
  public String help() {
    return Help.text("coach report [--patient ID] [--data-dir DIR | --db URL]",
        "A readable summary of a patient's sessions for the therapist: sessions per week against"
            + " the routine's frequency, outcomes, pain before exercise and per exercise, changes"
            + " of level with their reasons, the answers about signs of a serious cause, red"
            + " flags and a doctor's clearance after one, contact shown, stops for today and"
            + " next-morning answers.",
        options(), null, List.of(
            Help.example("coach report --patient P-1001",
                "the summary of patient P-1001's sessions"),
            Help.example("coach report --patient P-1001 --data-dir /var/lib/rehab-coach",
                "the same from a clinic's data folder, where its kiosks keep the history"),
            Help.example("coach report --patient P-1001"
                    + " --db postgresql://coach@db.clinic.example/rehab",
                "the same from the clinic group's shared history, with every site's sessions")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    CommandLine cl;
    try {
      cl = new DefaultParser().parse(options(), args.toArray(new String[0]));
    } catch (ParseException e) {
      ctx.err().println("coach report: " + Quote.printable(e.getMessage())
          + " (see coach report --help)");
      return ExitCodes.USAGE;
    }
    if (cl.hasOption("help")) {
      ctx.out().print(help());
      return ExitCodes.OK;
    }
    String patient = PatientOption.resolve(cl, ctx, "coach report");
    if (patient == null) {
      return ExitCodes.USAGE;
    }
    String dataDir = cl.getOptionValue("data-dir");
    return StoreAccess.withSessions(cl, patient, ctx, "report", (store, sessions) -> {
      Optional<Report> report = ReportReader.read(store, patient,
          id -> StoreAccess.routine(id, dataDir, ctx), null, null, ZoneId.systemDefault());
      if (report.isEmpty()) {
        ctx.out().println("No sessions recorded yet for " + patient + ".");
        return ExitCodes.OK;
      }
      ctx.out().print(TextReport.text(report.get()));
      return ExitCodes.OK;
    });
  }

  /** The patient's report as lines (the clinic board shows it), or a line saying there is none. */
  static List<String> lines(HistoryStore store, String patient, String dataDir, CliContext ctx)
      throws StoreException {
    return ReportReader.read(store, patient, id -> StoreAccess.routine(id, dataDir, ctx), null,
        null, ZoneId.systemDefault()).map(TextReport::lines)
        .orElse(List.of("No sessions recorded yet for " + patient + "."));
  }
}
