package coach.cli;

import coach.app.FhirExport;
import coach.app.TableExport;
import coach.routine.Routine;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code coach export}: every rating and event, one row each, as CSV or JSON ({@link
 * TableExport}), or as a FHIR R4 Bundle ({@link FhirExport}), for the therapist's own tools.
 */
public final class ExportCommand implements Command {
  static final List<String> COLUMNS = List.of("session", "patient", "routine", "routine_hash",
      "time", "record", "kind", "exercise", "level", "level_id", "set", "round", "round_label",
      "value", "region", "from_level", "to_level", "detail");

  @Override
  public String name() {
    return "export";
  }

  @Override
  public String summary() {
    return "write every rating and event as CSV or JSON (for the therapist)";
  }

  @Override
  public Options options() {
    Options o = StoreAccess.options();
    o.addOption(Option.builder().longOpt("format").hasArg().argName("csv|json|fhir")
        .desc("csv (default), json, or fhir: a FHIR R4 Bundle (JSON) of Observations for a"
            + " clinic's record system, which needs --patient-system").get());
    o.addOption(Option.builder().longOpt("patient-system").hasArg().argName("URI")
        .desc("with --format fhir: the namespace of the clinic's patient ids, as"
            + " https://clinic.example/patients or urn:oid:1.2.3; each patient is this system"
            + " with their id, never a name").get());
    o.addOption(Option.builder().longOpt("since").hasArg().argName("YYYY-MM-DD")
        .desc("only sessions started on or after this day").get());
    o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
        .desc("write to FILE (owner-only) instead of the screen").get());
    o.addOption(Option.builder().longOpt("all-patients")
        .desc("every patient's sessions, instead of one patient's").get());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach export [--patient ID | --all-patients] [OPTIONS]",
        "Every rating and event, one row each, for the therapist's own tools. A CSV text cell"
            + " that starts with = + - or @ gets a leading ' so that a spreadsheet shows it"
            + " rather than running it as a formula. As fhir, a FHIR R4 Bundle (type"
            + " collection): each pain rating an Observation coded LOINC 72514-3 with its"
            + " exercise, level and where the symptoms reached; each red flag, stop and answer"
            + " an Observation in words.",
        options(), null, List.of(
            Help.example("coach export --patient P-1001 -o P-1001.csv",
                "patient P-1001's ratings and events as CSV, in a file only you can read"),
            Help.example("coach export --all-patients --since 2026-11-01 --format json",
                "every patient's sessions since 1 November 2026 as JSON, on the screen"),
            Help.example("coach export --patient P-1001 --format fhir --patient-system"
                    + " urn:oid:1.2.3",
                "patient P-1001's ratings and answers as a FHIR R4 Bundle for the clinic's"
                    + " record system, which knows its patients by ids in that system"),
            Help.example("coach export --all-patients --data-dir /var/lib/rehab-coach",
                "a clinic's whole history as CSV, from the data folder its kiosks use"),
            Help.example("coach export --all-patients"
                    + " --db postgresql://coach@db.clinic.example/rehab",
                "every site's sessions from the clinic group's shared history")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach export", options(), this::help, args, ctx, cl -> run(cl, ctx));
  }

  private int run(CommandLine cl, CliContext ctx) throws CommandLines.UsageError {
    String format = cl.getOptionValue("format", "csv");
    if (!format.equals("csv") && !format.equals("json") && !format.equals("fhir")) {
      throw new CommandLines.UsageError("--format takes csv, json or fhir, not "
          + Quote.of(format));
    }
    String system = cl.getOptionValue("patient-system");
    if (format.equals("fhir")) {
      if (system == null) {
        throw new CommandLines.UsageError("--format fhir needs --patient-system URI, the"
            + " namespace of the clinic's patient ids (as https://clinic.example/patients or"
            + " urn:oid:1.2.3)");
      }
      String problem = FhirExport.systemProblem(system);
      if (problem != null) {
        throw new CommandLines.UsageError("--patient-system " + Quote.of(system) + ": "
            + problem);
      }
    } else if (system != null) {
      throw new CommandLines.UsageError("--patient-system is for --format fhir");
    }
    Instant since = CommandLines.since(cl);
    String patient = null; // every patient
    if (cl.hasOption("all-patients")) {
      if (cl.hasOption(PatientOption.NAME)) {
        throw new CommandLines.UsageError("give --patient ID or --all-patients, not both");
      }
    } else {
      patient = PatientOption.resolve(cl, ctx, "coach export");
      if (patient == null) {
        return ExitCodes.USAGE;
      }
    }
    if (format.equals("fhir")) {
      String dataDir = cl.getOptionValue("data-dir");
      Map<String, Optional<Routine>> routines = new HashMap<>();
      Function<String, Optional<Routine>> find =
          id -> routines.computeIfAbsent(id, r -> StoreAccess.routine(r, dataDir, ctx));
      String only = patient;
      return export(cl, ctx, patient, "FHIR resources", (store, to) -> FhirExport.write(store,
          only, since, system, find, Instant.now(), to));
    }
    String only = patient;
    return export(cl, ctx, patient, "rows", (store, to) -> TableExport.write(store, only, since,
        format, to));
  }

  /** Writes an export to an output stream as it is read; returns how much it wrote. */
  @FunctionalInterface
  private interface Writing {
    long to(HistoryStore store, OutputStream out) throws StoreException, IOException;
  }

  /** The export, written as it is read, to the screen or the file (saying how much, of what). */
  private static int export(CommandLine cl, CliContext ctx, String patient, String what,
      Writing writing) {
    int[] exit = {ExitCodes.OK};
    HistoryStore store = StoreAccess.open(cl, ctx, "export", exit);
    if (store == null) {
      return exit[0];
    }
    Path file = cl.hasOption("output") ? ctx.workDir().resolve(cl.getOptionValue("output"))
        : null;
    long[] written = {0};
    try (store) {
      if (unknown(store, patient, ctx)) {
        return ExitCodes.INVALID;
      }
      if (file == null) {
        writing.to(store, ctx.out());
        ctx.out().flush();
        return ExitCodes.OK;
      }
      OwnerOnlyFile.write(file, o -> written[0] = writing.to(store, o));
      ctx.err().println("Wrote " + written[0] + " " + what + " to " + file);
      return ExitCodes.OK;
    } catch (StoreException e) {
      ctx.err().println("coach export: " + e.getMessage());
      return ExitCodes.INVALID;
    } catch (IOException e) {
      ctx.err().println("coach export: cannot write " + (file == null ? "the export" : file)
          + ": " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  /**
   * A patient the history has never seen (a mistyped id) is said so in one line and nothing is
   * written: an empty export would pass for a patient with nothing to report.
   */
  private static boolean unknown(HistoryStore store, String patient, CliContext ctx)
      throws StoreException {
    if (patient == null || !store.sessions(patient, null, null).isEmpty()) {
      return false;
    }
    ctx.err().println("coach export: no sessions recorded for patient " + Quote.of(patient)
        + "; nothing written");
    return true;
  }
}
