package coach.cli;

import coach.session.Rating;
import coach.store.HistoryStore;
import coach.store.StoreException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code coach export}: every rating and event, one row each, as CSV or JSON, for the
 * therapist's own tools.
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
      String problem = coach.app.FhirExport.systemProblem(system);
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
      return fhir(cl, ctx, patient, since, system);
    }
    int[] exit = {ExitCodes.OK};
    HistoryStore store = StoreAccess.open(cl, ctx, "export", exit);
    if (store == null) {
      return exit[0];
    }
    Path out = cl.hasOption("output") ? ctx.workDir().resolve(cl.getOptionValue("output"))
        : null;
    long[] written = {0};
    String filter = patient;
    try (store) {
      if (unknown(store, patient, ctx)) {
        return ExitCodes.INVALID;
      }
      if (out == null) {
        written[0] = write(store, filter, since, format, ctx.out());
        ctx.out().flush();
        return ExitCodes.OK;
      }
      OwnerOnlyFile.write(out, o -> written[0] = write(store, filter, since, format, o));
      ctx.err().println("Wrote " + written[0] + " rows to " + out);
      return ExitCodes.OK;
    } catch (StoreException e) {
      ctx.err().println("coach export: " + e.getMessage());
      return ExitCodes.INVALID;
    } catch (IOException e) {
      ctx.err().println("coach export: cannot write " + (out == null ? "the export" : out)
          + ": " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  /**
   * Writes the rows as CSV or JSON as they are read, a patient at a time (one patient after
   * another, each in the order of their sessions), so memory holds one patient's sessions
   * whatever the history's size; returns how many rows were written.
   */
  static long write(HistoryStore store, String patient, Instant since, String format,
      java.io.OutputStream to) throws StoreException, IOException {
    long[] n = {0};
    if (format.equals("csv")) {
      // flushed, never closed: the caller closes its own stream
      java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(to,
          StandardCharsets.UTF_8), 1 << 16);
      w.write(String.join(",", COLUMNS));
      w.write("\r\n");
      rows(store, patient, since, r -> {
        w.write(csvLine(r));
        n[0]++;
      });
      w.flush();
      return n[0];
    }
    com.fasterxml.jackson.core.JsonGenerator g = new ObjectMapper().getFactory()
        .createGenerator(to).disable(com.fasterxml.jackson.core.JsonGenerator.Feature
            .AUTO_CLOSE_TARGET).useDefaultPrettyPrinter();
    g.writeStartArray();
    rows(store, patient, since, r -> {
      g.writeObject(r);
      n[0]++;
    });
    g.writeEndArray();
    g.flush();
    to.write('\n');
    return n[0];
  }

  /** Takes the rows one by one as they are read. */
  @FunctionalInterface
  interface RowSink {
    void row(Map<String, Object> row) throws IOException;
  }

  /** The FHIR Bundle, written as it is read, to the screen or the file. */
  private int fhir(CommandLine cl, CliContext ctx, String patient, Instant since, String system) {
    int[] exit = {ExitCodes.OK};
    HistoryStore store = StoreAccess.open(cl, ctx, "export", exit);
    if (store == null) {
      return exit[0];
    }
    String dataDir = cl.getOptionValue("data-dir");
    Map<String, java.util.Optional<coach.routine.Routine>> routines = new java.util.HashMap<>();
    java.util.function.Function<String, java.util.Optional<coach.routine.Routine>> find =
        id -> routines.computeIfAbsent(id, r -> StoreAccess.routine(r, dataDir, ctx));
    Path file = cl.hasOption("output") ? ctx.workDir().resolve(cl.getOptionValue("output"))
        : null;
    int[] written = {0};
    try (store) {
      if (unknown(store, patient, ctx)) {
        return ExitCodes.INVALID;
      }
      if (file == null) {
        written[0] = coach.app.FhirExport.write(store, patient, since, system, find,
            Instant.now(), ctx.out());
        ctx.out().flush();
        return ExitCodes.OK;
      }
      OwnerOnlyFile.write(file, o -> written[0] = coach.app.FhirExport.write(store, patient,
          since, system, find, Instant.now(), o));
      ctx.err().println("Wrote " + written[0] + " FHIR resources to " + file);
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

  static List<Map<String, Object>> rows(HistoryStore store, String patient, Instant since)
      throws StoreException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try {
      rows(store, patient, since, rows::add);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a list takes every row
    }
    return rows;
  }

  /**
   * Every row of the patient (every patient's when null), a patient at a time: their sessions,
   * then all their ratings and all their events in one read each.
   */
  static void rows(HistoryStore store, String patient, Instant since, RowSink sink)
      throws StoreException, IOException {
    for (String p : patient == null ? store.patients() : List.of(patient)) {
      List<HistoryStore.SessionRow> sessions = store.sessions(p, null, since);
      if (sessions.isEmpty()) {
        continue;
      }
      List<String> ids = sessions.stream().map(HistoryStore.SessionRow::id).toList();
      Map<String, List<HistoryStore.RatingRow>> ratings = store.ratings(ids);
      Map<String, List<HistoryStore.EventRow>> events = store.events(ids);
      for (HistoryStore.SessionRow s : sessions) {
        rows(s, ratings.getOrDefault(s.id(), List.of()), events.getOrDefault(s.id(),
            List.of()), sink);
      }
    }
  }

  private static void rows(HistoryStore.SessionRow s, List<HistoryStore.RatingRow> ratings,
      List<HistoryStore.EventRow> events, RowSink sink) throws IOException {
    Map<String, Object> start = row(s, s.started(), "SESSION");
    start.put("kind", s.outcome() == null ? "INTERRUPTED" : s.outcome().name());
    start.put("detail", s.ended() == null ? "" : "ended " + s.ended());
    sink.row(start);
    for (HistoryStore.RatingRow r : ratings) {
      Rating x = r.rating();
      Map<String, Object> m = row(s, r.at(), "RATING");
      m.put("kind", x.kind().name());
      m.put("exercise", x.exerciseId());
      m.put("level", x.level() < 0 ? null : x.level());
      m.put("level_id", x.levelId());
      m.put("set", x.set() == 0 ? null : x.set());
      m.put("round", x.round() < 0 ? null : x.round());
      m.put("round_label", x.roundLabel());
      m.put("value", x.value());
      m.put("region", x.region());
      sink.row(m);
    }
    for (HistoryStore.EventRow e : events) {
      Map<String, Object> m = row(s, e.at(), e.kind().name());
      m.put("exercise", e.exerciseId());
      m.put("from_level", e.fromLevel() < 0 ? null : e.fromLevel());
      m.put("to_level", e.toLevel() < 0 ? null : e.toLevel());
      m.put("detail", coach.tui.words.Reasons.english(e.kind(), e.detail()));
      sink.row(m);
    }
  }

  private static Map<String, Object> row(HistoryStore.SessionRow s, Instant at, String record) {
    Map<String, Object> m = new LinkedHashMap<>(32);
    for (String c : COLUMNS) {
      m.put(c, null);
    }
    m.put("session", s.id());
    m.put("patient", s.patient());
    m.put("routine", s.routineId());
    m.put("routine_hash", s.routineHash());
    m.put("time", at.toString());
    m.put("record", record);
    return m;
  }

  /**
   * RFC 4180 CSV with a header; cells that a spreadsheet would run as formulas are defused, and
   * control characters read back from a history (escape sequences) are escaped, so a file shown
   * on a terminal cannot steer it.
   */
  static String csv(List<Map<String, Object>> rows) {
    StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (Map<String, Object> r : rows) {
      sb.append(csvLine(r));
    }
    return sb.toString();
  }

  /** One row as a CSV line, with its line end. */
  static String csvLine(Map<String, Object> r) {
    StringBuilder b = new StringBuilder(160);
    for (int i = 0; i < COLUMNS.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(cell(r.get(COLUMNS.get(i))));
    }
    return b.append("\r\n").toString();
  }

  static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Integer || v instanceof Long) {
      return v.toString(); // digits and a sign: nothing to defuse or quote
    }
    if (v instanceof String t && t.isEmpty()) {
      return t;
    }
    String s = plain(v.toString()) ? v.toString()
        : coach.routine.Printable.keepingLines(v.toString());
    if (!(v instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  /**
   * Whether a text is letters, digits and the few marks ids and times hold, so nothing in it
   * needs escaping, defusing or quoting (most cells: a check, not four searches and a copy).
   */
  private static boolean plain(String s) {
    if (s.isEmpty() || "=+-@".indexOf(s.charAt(0)) >= 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
          || c == '_' || c == ':' || c == '.' || c == ' ' || c == '>' || c == '=')) {
        return false;
      }
    }
    return true;
  }

  /** For tests: the CSV as a string. */
  static String csvOf(HistoryStore store, String patient) throws StoreException {
    return csv(rows(store, patient, null));
  }

}
