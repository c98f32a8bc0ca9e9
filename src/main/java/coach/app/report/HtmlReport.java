package coach.app.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML file: no script, no network, its stylesheet inline and
 * its charts inline SVG, laid out to print on A4 and Letter alike. The page is the template
 * {@code report/report.mustache} (Mustache: logic-less, and it HTML-escapes every value it puts
 * in, so a patient id or a detail read from a history cannot become markup); the charts'
 * geometry comes from {@link Charts} and their markup from {@code report/chart.mustache}.
 * Headings and lines are {@link ReportWords}', the same as the text report's.
 */
public final class HtmlReport {
  private static final Mustache PAGE =
      new DefaultMustacheFactory("report").compile("report.mustache");

  private HtmlReport() {}

  /**
   * The page.
   *
   * @param made the day the report is made, said at its foot
   */
  public static String html(Report r, LocalDate made) {
    StringWriter out = new StringWriter();
    try {
      PAGE.execute(out, scope(r, made)).flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A line that ends in a colon in the text report, as a heading. */
  private static String heading(String line) {
    return line.endsWith(":") ? line.substring(0, line.length() - 1) : line;
  }

  private static Map<String, Object> scope(Report r, LocalDate made) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", ReportWords.title(r));
    m.put("routine", ReportWords.routine(r));
    m.put("asked", ReportWords.asked(r));
    m.put("sessionsLine", ReportWords.sessions(r));
    m.put("outcomes", ReportWords.outcomes(r));
    m.put("daysTitle", heading(ReportWords.days(r)));
    List<String> weekLines = new ArrayList<>();
    r.weeks().forEach(w -> weekLines.add(ReportWords.week(r, w)));
    m.put("weekLines", weekLines);
    m.put("painTitle", ReportWords.PAIN_CHART);
    m.put("beforeWords", ReportWords.BEFORE);
    m.put("highestWords", ReportWords.HIGHEST);
    m.put("painCharts", Charts.pain(r));
    m.put("baselines", ReportWords.baselines(r));
    m.put("highest", ReportWords.highest(r));
    List<Map<String, Object>> sessions = new ArrayList<>();
    for (Report.SessionLine s : r.sessions()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("when", ReportWords.sessionCell(s));
      row.put("outcome", s.outcome());
      row.put("before", ReportWords.value(s.baseline()));
      row.put("during", ReportWords.value(s.highest()));
      row.put("furthest", s.furthest() == null ? ReportWords.NOT_RATED : s.furthest());
      sessions.add(row);
    }
    m.put("sessions", sessions);
    m.put("perExercise", heading(ReportWords.perExercise()));
    List<Map<String, Object>> exercises = new ArrayList<>();
    for (int i = 0; i < r.exercises().size(); i++) {
      Report.ExerciseLine e = r.exercises().get(i);
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("n", i + 1);
      x.put("name", e.name());
      x.put("ratings", ReportWords.exercise(e));
      x.put("reached", e.ratings().isEmpty() ? null : ReportWords.reached(e));
      x.put("charts", Charts.levels(r, e));
      List<Map<String, Object>> changes = new ArrayList<>();
      for (Report.Change c : e.changes()) {
        changes.add(Map.of("n", c.n(), "text", ReportWords.change(c).substring(
            Integer.toString(c.n()).length() + 2)));
      }
      x.put("changes", changes);
      x.put("anyChange", !changes.isEmpty());
      x.put("noChange", "no change of level");
      exercises.add(x);
    }
    m.put("exercises", exercises);
    m.put("sections", ReportWords.sections(r));
    m.put("none", ReportWords.NONE);
    m.put("footer", "Made by Rehab Coach on " + made + " from the history. The coach does not"
        + " diagnose; every number is the patient's own rating (0-10).");
    return m;
  }
}
