package coach.app.report;

import coach.routine.Routine;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The report as plain lines, for the terminal and the clinic board. */
public final class TextReport {
  private TextReport() {}

  public static List<String> lines(Report r) {
    List<String> out = new ArrayList<>();
    out.add(ReportWords.title(r));
    out.add(ReportWords.routine(r));
    String asked = ReportWords.asked(r);
    if (asked != null) {
      out.add(asked);
    }
    out.add(ReportWords.sessions(r));
    out.add(ReportWords.outcomes(r));
    out.add(ReportWords.days(r));
    r.weeks().forEach(w -> out.add("  " + ReportWords.week(r, w)));
    out.add("");
    out.add(ReportWords.baselines(r));
    out.add(ReportWords.highest(r));
    out.add(ReportWords.perExercise());
    for (Report.ExerciseLine e : r.exercises()) {
      String line = ReportWords.exercise(e);
      if (line != null) {
        out.add("  " + line);
        out.add("    " + ReportWords.reached(e));
      }
    }
    for (ReportWords.Section s : ReportWords.sections(r)) {
      out.add("");
      out.add(s.title() + ": " + (s.empty() ? ReportWords.NONE : ""));
      s.lines().forEach(l -> out.add("  " + l));
    }
    return out;
  }

  /** The lines joined, each ended by a line break. */
  public static String text(Report r) {
    StringBuilder b = new StringBuilder();
    lines(r).forEach(l -> b.append(l).append('\n'));
    return b.toString();
  }

  /**
   * The patient's whole report as lines (the clinic board shows it), or a line saying there is
   * none.
   */
  public static List<String> lines(HistoryStore store, String patient,
      Function<String, Optional<Routine>> routines) throws StoreException {
    return ReportReader.read(store, patient, routines, null, null, ZoneId.systemDefault())
        .map(TextReport::lines).orElse(List.of("No sessions recorded yet for " + patient + "."));
  }
}
