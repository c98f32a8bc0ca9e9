package coach.cli;

import coach.routine.Exercise;
import coach.routine.Routine;
import coach.session.Outcome;
import coach.session.Rating;
import coach.store.HistoryStore;
import coach.store.StoreException;
import coach.tui.words.Messages;
import coach.tui.words.Reasons;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
      Optional<Routine> routine =
          StoreAccess.routine(sessions.get(sessions.size() - 1).routineId(), dataDir, ctx);
      java.util.Set<String> frequencies = new java.util.TreeSet<>();
      routine.ifPresent(r -> r.exercises().stream().map(e -> e.frequency())
          .filter(java.util.Objects::nonNull).forEach(frequencies::add));
      write(ctx.out(), store, patient, sessions, routine, frequencies);
      return ExitCodes.OK;
    });
  }

  /** The patient's report as lines (the clinic board shows it), or a line saying there is none. */
  static List<String> lines(HistoryStore store, String patient, String dataDir, CliContext ctx)
      throws StoreException {
    List<HistoryStore.SessionRow> sessions = store.sessions(patient, null, null);
    if (sessions.isEmpty()) {
      return List.of("No sessions recorded yet for " + patient + ".");
    }
    Optional<Routine> routine =
        StoreAccess.routine(sessions.get(sessions.size() - 1).routineId(), dataDir, ctx);
    java.util.Set<String> frequencies = new java.util.TreeSet<>();
    routine.ifPresent(r -> r.exercises().stream().map(e -> e.frequency())
        .filter(java.util.Objects::nonNull).forEach(frequencies::add));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)) {
      write(out, store, patient, sessions, routine, frequencies);
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
  }

  static void write(PrintStream out, HistoryStore store, String patient,
      List<HistoryStore.SessionRow> sessions, Optional<Routine> routine,
      java.util.Set<String> frequencies) throws StoreException {
    Map<String, String> names = StoreAccess.exerciseNames(routine);
    // the history keeps codes; the report is for the therapist, in English
    Messages english = Messages.english();
    List<String> regions = routine.map(r -> r.painRule().regions()).orElse(List.of());
    ZoneId zone = ZoneId.systemDefault();
    out.println("Rehab Coach report for patient " + patient);
    LocalDate first = LocalDate.ofInstant(sessions.get(0).started(), zone);
    LocalDate last = LocalDate.ofInstant(sessions.get(sessions.size() - 1).started(), zone);
    out.println("Sessions: " + sessions.size() + " from " + first + " to " + last);
    Map<Outcome, Integer> outcomes = new LinkedHashMap<>();
    int open = 0;
    Map<String, Integer> perWeek = new TreeMap<>();
    for (HistoryStore.SessionRow s : sessions) {
      if (s.outcome() == null) {
        open++;
      } else {
        outcomes.merge(s.outcome(), 1, Integer::sum);
      }
      LocalDate d = LocalDate.ofInstant(s.started(), zone);
      perWeek.merge(d.get(IsoFields.WEEK_BASED_YEAR) + "-W"
          + String.format("%02d", d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    outcomes.forEach((k, v) -> parts.add(v + " " + k.name().toLowerCase().replace('_', ' ')));
    if (open > 0) {
      parts.add(open + " interrupted");
    }
    out.println("Outcomes: " + String.join(", ", parts));
    String frequency = frequencies.isEmpty() ? null : String.join(", ", frequencies);
    boolean daily = frequency != null && frequency.toLowerCase().contains("daily");
    out.println("Sessions per week" + (frequency == null ? ":"
        : " (the routine asks for: " + frequency + (daily ? ", 7 a week" : "") + "):"));
    perWeek.forEach((w, n) -> out.println("  " + w + ": " + n + (daily ? " of 7" : "")));

    Map<String, List<Integer>> values = new LinkedHashMap<>();
    List<String> switches = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    List<String> contacts = new ArrayList<>();
    List<String> mornings = new ArrayList<>();
    List<String> stops = new ArrayList<>();
    List<String> clearances = new ArrayList<>();
    List<String> signs = new ArrayList<>();
    List<Integer> baselines = new ArrayList<>();
    for (HistoryStore.SessionRow s : sessions) {
      String day = LocalDate.ofInstant(s.started(), zone).toString();
      for (HistoryStore.RatingRow r : store.ratings(s.id())) {
        Rating x = r.rating();
        if (x.kind() == Rating.Kind.BASELINE) {
          baselines.add(x.value());
        } else {
          values.computeIfAbsent(x.exerciseId(), k -> new ArrayList<>()).add(x.value());
        }
      }
      for (HistoryStore.EventRow e : store.events(s.id())) {
        String ex = e.exerciseId() == null ? "" : names.getOrDefault(e.exerciseId(),
            e.exerciseId()) + ": ";
        Exercise exercise = e.exerciseId() == null ? null
            : routine.flatMap(r -> r.exercise(e.exerciseId())).orElse(null);
        String detail = Reasons.detail(english, e.kind(), e.detail(), exercise, regions);
        switch (e.kind()) {
          case SWITCH -> switches.add(day + "  " + ex + levelName(routine, e.exerciseId(),
              e.fromLevel()) + " -> " + levelName(routine, e.exerciseId(), e.toLevel()) + " ("
              + detail + ")");
          case RED_FLAG -> flags.add(day + "  " + detail);
          case CONTACT -> contacts.add(day + "  " + ex + detail);
          case NEXT_MORNING -> mornings.add(day + "  " + detail);
          case STOP_TODAY -> stops.add(day + "  " + ex + detail);
          case CLEARANCE -> clearances.add(day + "  " + detail);
          case SERIOUS_SIGNS -> signs.add(day + "  " + detail);
          case RESUME -> { }
        }
      }
    }
    out.println();
    out.println("Pain before exercise (baseline): " + joined(baselines));
    out.println("Pain per exercise (all ratings in order; first -> last, lowest-highest):");
    for (Map.Entry<String, List<Integer>> e : values.entrySet()) {
      List<Integer> v = e.getValue();
      int min = v.stream().mapToInt(Integer::intValue).min().orElse(0);
      int max = v.stream().mapToInt(Integer::intValue).max().orElse(0);
      out.println("  " + names.getOrDefault(e.getKey(), e.getKey()) + ": " + v.get(0) + " -> "
          + v.get(v.size() - 1) + ", range " + min + "-" + max + "  [" + joined(v) + "]");
    }
    section(out, "Level changes", switches);
    section(out, "Signs of a serious cause, asked before a first session", signs);
    section(out, "Red flags answered yes", flags);
    section(out, "Cleared by a doctor after a red flag?", clearances);
    section(out, "Contact options shown", contacts);
    section(out, "Stopped for today", stops);
    section(out, "Worse the morning after?", mornings);
  }

  /** A level's name from the routine, or its number when the routine is not at hand. */
  static String levelName(Optional<Routine> routine, String exerciseId, int level) {
    return routine.flatMap(r -> r.exercise(exerciseId))
        .filter(x -> level >= 0 && level < x.levels().size())
        .map(x -> "\"" + x.level(level).name() + "\"")
        .orElse("level " + level);
  }

  private static String joined(List<Integer> v) {
    List<String> s = new ArrayList<>();
    v.forEach(x -> s.add(Integer.toString(x)));
    return s.isEmpty() ? "none" : String.join(" ", s);
  }

  private static void section(PrintStream out, String title, List<String> lines) {
    out.println();
    out.println(title + ": " + (lines.isEmpty() ? "none" : ""));
    lines.forEach(l -> out.println("  " + l));
  }
}
