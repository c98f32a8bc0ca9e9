package coach.app.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of the therapist's report, in English, in one place: the text and the HTML
 * renderers both take every heading and line from here, so the two say the same.
 */
public final class ReportWords {
  private ReportWords() {}

  public static final String CHANGES = "Level changes";
  public static final String SIGNS = "Signs of a serious cause, asked before a first session";
  public static final String RED_FLAGS = "Red flags answered yes";
  public static final String CLEARANCES = "Cleared by a doctor after a red flag?";
  public static final String CONTACTS = "Contact options shown";
  public static final String STOPS = "Stopped for today";
  public static final String ALERTS = "Alerts for the clinician";
  public static final String MORNINGS = "Worse the morning after?";
  public static final String NONE = "none";
  public static final String PAIN_CHART = "Pain before exercise and highest during each session";
  public static final String BEFORE = "before exercise";
  public static final String HIGHEST = "highest during";
  public static final String NOT_RATED = "-";

  public static String title(Report r) {
    return "Rehab Coach report for patient " + r.patient();
  }

  public static String routine(Report r) {
    Report.RoutineLine x = r.routine();
    return x.known() ? "Routine: " + x.title() + " (" + x.id() + "), version " + x.version()
        : "Routine: " + x.id() + " (not found here: levels and places by number)";
  }

  /** The days asked for, or null when every session is shown. */
  public static String asked(Report r) {
    Report.Range a = r.asked();
    if (a.open()) {
      return null;
    }
    return "Days asked for: " + (a.from() == null ? "the first session" : a.from().toString())
        + " to " + (a.to() == null ? "the last session" : a.to().toString());
  }

  public static String sessions(Report r) {
    return "Sessions: " + r.sessions().size() + " from " + r.first() + " to " + r.last();
  }

  public static String outcomes(Report r) {
    return "Outcomes: " + String.join(", ", r.outcomes());
  }

  public static String days(Report r) {
    Report.Frequency f = r.frequency();
    String asks = f.words() == null && f.daysPerWeek() == 0 ? ""
        : " (the routine asks for: " + (f.words() == null ? "" : f.words() + "; ")
            + daysAWeek(f.daysPerWeek()) + ")";
    return "Days with exercise per week" + asks + ":";
  }

  public static String week(Report r, Report.WeekLine w) {
    int target = r.frequency().daysPerWeek();
    return w.label() + ": " + (target > 0 ? w.days() + " of " + target + " days"
        : w.days() == 1 ? "1 day" : w.days() + " days") + " ("
        + (w.sessions() == 1 ? "1 session" : w.sessions() + " sessions") + ")";
  }

  public static String baselines(Report r) {
    return "Pain before exercise (baseline): " + joined(r.baselines());
  }

  public static String highest(Report r) {
    List<String> v = new ArrayList<>();
    r.sessions().forEach(s -> v.add(s.highest() == null ? NOT_RATED : s.highest().toString()));
    return "Highest pain during each session: " + String.join(" ", v);
  }

  public static String perExercise() {
    return "Pain per exercise (all ratings in order; first -> last, lowest-highest):";
  }

  /** "Cat/Camel series: 2 -> 1, range 1-6  [2 4 5 6 1]"; null for one never rated. */
  public static String exercise(Report.ExerciseLine e) {
    List<Integer> v = e.ratings();
    if (v.isEmpty()) {
      return null;
    }
    int min = v.stream().mapToInt(Integer::intValue).min().orElse(0);
    int max = v.stream().mapToInt(Integer::intValue).max().orElse(0);
    return e.name() + ": " + v.get(0) + " -> " + v.get(v.size() - 1) + ", range " + min + "-"
        + max + "  [" + joined(v) + "]";
  }

  /** Where the symptoms reached during an exercise, furthest from the spine last. */
  public static String reached(Report.ExerciseLine e) {
    if (e.reached().isEmpty()) {
      return "symptoms reached: nowhere was said";
    }
    List<String> parts = new ArrayList<>();
    for (Report.Reached p : e.reached()) {
      parts.add(p.region() + " (" + (p.ratings() == 1 ? "1 rating" : p.ratings() + " ratings")
          + ")");
    }
    return "symptoms reached: " + String.join(", ", parts) + "; furthest: "
        + e.reached().get(e.reached().size() - 1).region();
  }

  /** The levels chart's heading for an exercise. */
  public static String levelsOf(Report.ExerciseLine e) {
    return "Levels of " + e.name() + " over the sessions (each change numbered, S: stopped)";
  }

  /** A change of level as its chart's number explains it. */
  public static String change(Report.Change c) {
    return c.n() + ". " + c.day() + "  " + c.fromName() + " -> " + c.toName() + ": "
        + c.reason();
  }

  public static String dated(Report.Dated d) {
    return d.day() + "  " + (d.exercise() == null ? "" : d.exercise() + ": ") + d.text();
  }

  public static String alert(Report.AlertLine a) {
    return a.raised() + "  " + a.what() + ": " + a.facts() + "; " + (a.acknowledged() == null
        ? "open, not acknowledged yet"
        : "acknowledged by " + (a.by() == null ? "someone" : a.by()) + " on "
            + a.acknowledged() + (a.note() == null ? "" : ": " + a.note()));
  }

  /** A session in the pain chart's table. */
  public static String sessionCell(Report.SessionLine s) {
    return s.day() + " " + s.time();
  }

  public static String value(Integer v) {
    return v == null ? NOT_RATED : v.toString();
  }

  public static String daysAWeek(int n) {
    return n == 1 ? "1 day a week" : n + " days a week";
  }

  public static String joined(List<Integer> v) {
    List<String> s = new ArrayList<>();
    v.forEach(x -> s.add(Integer.toString(x)));
    return s.isEmpty() ? NONE : String.join(" ", s);
  }

  /** The sections of dated lines, in the order both renderers show them. */
  public static List<Section> sections(Report r) {
    List<Section> out = new ArrayList<>();
    out.add(new Section("changes", CHANGES, lines(r.changes())));
    out.add(new Section("signs", SIGNS, lines(r.seriousSigns())));
    out.add(new Section("red-flags", RED_FLAGS, lines(r.redFlags())));
    out.add(new Section("clearances", CLEARANCES, lines(r.clearances())));
    out.add(new Section("contacts", CONTACTS, lines(r.contacts())));
    out.add(new Section("stops", STOPS, lines(r.stops())));
    List<String> alerts = new ArrayList<>();
    r.alerts().forEach(a -> alerts.add(alert(a)));
    out.add(new Section("alerts", ALERTS, alerts));
    out.add(new Section("mornings", MORNINGS, lines(r.mornings())));
    return out;
  }

  private static List<String> lines(List<Report.Dated> dated) {
    List<String> out = new ArrayList<>();
    dated.forEach(d -> out.add(dated(d)));
    return out;
  }

  /** A titled list: its id (the HTML anchor), its title, its lines. */
  public record Section(String id, String title, List<String> lines) {
    public boolean empty() {
      return lines.isEmpty();
    }
  }
}
