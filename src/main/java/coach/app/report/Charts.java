package coach.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's charts as geometry: numbers for positions and plain text for labels, never
 * markup. The template {@code report/chart.mustache} turns a {@link Chart} into inline SVG, and
 * escapes every text on the way, so nothing read from a history is written as markup by Java.
 *
 * <p>Every chart reads in black and white: the two pain series differ by line (solid, dashed)
 * and marker (open circle, filled square), every point carries its number, a change of level is
 * a triangle pointing the way it went with its number, a stop a cross marked S. Sessions are
 * drawn in rows of at most {@value #PER_ROW}, so a long history keeps every number and mark
 * legible rather than squeezing them together.
 */
public final class Charts {
  /** Sessions in one row of a chart. */
  public static final int PER_ROW = 30;

  static final int WIDTH = 720;
  private static final int RIGHT = 12;

  private Charts() {}

  /** An SVG chart: its size, and what is drawn in it, back to front. */
  public record Chart(String title, int width, int height, List<Line> lines, List<Shape> paths,
      List<Mark> marks, List<Text> texts) {}

  /** A straight line; {@code cls} says how it is drawn (the stylesheet's class). */
  public record Line(String x1, String y1, String x2, String y2, String cls) {}

  /** A path made of numbers only. */
  public record Shape(String d, String cls) {}

  /**
   * A marker with its label: a shape at a point, a label beside it, and a tooltip that says in
   * full what it marks.
   */
  public record Mark(String cls, String d, String tip, String label, String lx, String ly) {}

  /** A text at a point; {@code anchor} is start, middle or end. */
  public record Text(String x, String y, String anchor, String cls, String text) {}

  /** The pain charts: before exercise and the highest during, per session, in rows. */
  public static List<Chart> pain(Report r) {
    List<Chart> out = new ArrayList<>();
    List<Report.SessionLine> all = r.sessions();
    for (int from = 0; from < all.size(); from += PER_ROW) {
      out.add(painRow(all.subList(from, Math.min(all.size(), from + PER_ROW)), from,
          all.size(), slots(all.size())));
    }
    return out;
  }

  /**
   * Slots across a row: {@value #PER_ROW} when the sessions take more than one row, so that
   * the rows line up; fewer sessions spread across the width (at least 7 slots wide).
   */
  static int slots(int total) {
    return total > PER_ROW ? PER_ROW : Math.max(7, total);
  }

  private static Chart painRow(List<Report.SessionLine> row, int from, int total, int slots) {
    int left = 34;
    int top = 16;
    int plotH = 150;
    int height = top + plotH + 34;
    double slot = (double) (WIDTH - left - RIGHT) / slots;
    List<Line> lines = new ArrayList<>();
    List<Text> texts = new ArrayList<>();
    for (int v = 0; v <= 10; v += 2) {
      double y = top + plotH - plotH * v / 10.0;
      lines.add(new Line(n(left), n(y), n(left + slot * row.size()), n(y),
          v == 0 ? "axis" : "grid"));
      texts.add(new Text(n(left - 5), n(y + 3), "end", "tick", Integer.toString(v)));
    }
    texts.add(new Text(n(left - 5), n(top - 6), "end", "tick", "pain"));
    List<Shape> paths = new ArrayList<>();
    List<Mark> marks = new ArrayList<>();
    StringBuilder before = new StringBuilder();
    StringBuilder during = new StringBuilder();
    for (int j = 0; j < row.size(); j++) {
      Report.SessionLine s = row.get(j);
      double x = left + slot * (j + 0.5);
      if (slots < 16 || j % 2 == 0) {
        texts.add(new Text(n(x), n(top + plotH + 14), "middle", "tick",
            j == 0 ? s.day().toString() : s.day().toString().substring(5)));
      }
      boolean beforeHigher = s.baseline() != null
          && (s.highest() == null || s.baseline() > s.highest());
      if (s.baseline() != null) {
        double y = y(s.baseline(), top, plotH);
        step(before, j > 0 && row.get(j - 1).baseline() != null, x, y);
        marks.add(new Mark("before", circle(x, y, 3.5), s.day() + " " + s.time() + ": "
            + ReportWords.BEFORE + " " + s.baseline(), s.baseline().toString(), n(x),
            n(beforeHigher ? y - 7 : y + 13)));
      }
      if (s.highest() != null) {
        double y = y(s.highest(), top, plotH);
        step(during, j > 0 && row.get(j - 1).highest() != null, x, y);
        marks.add(new Mark("during", square(x, y, 3.2), s.day() + " " + s.time() + ": "
            + ReportWords.HIGHEST + " " + s.highest(), s.highest().toString(), n(x),
            n(beforeHigher ? y + 13 : y - 7)));
      }
    }
    paths.add(new Shape(before.toString(), "before"));
    paths.add(new Shape(during.toString(), "during"));
    texts.add(new Text(n(left), n(height - 4), "start", "tick", rowWords(from, row.size(),
        total)));
    return new Chart(ReportWords.PAIN_CHART + rowTitle(from, row.size(), total), WIDTH, height,
        lines, paths, marks, texts);
  }

  /** One exercise's level charts, in rows of sessions, each change and stop marked. */
  public static List<Chart> levels(Report r, Report.ExerciseLine e) {
    List<Chart> out = new ArrayList<>();
    int total = r.sessions().size();
    for (int from = 0; from < total; from += PER_ROW) {
      int to = Math.min(total, from + PER_ROW);
      out.add(levelRow(r, e, from, to, total));
    }
    return out;
  }

  private static Chart levelRow(Report r, Report.ExerciseLine e, int from, int to, int total) {
    int left = 190;
    int top = 20;
    int rowH = 24;
    int count = Math.max(1, e.levels().size());
    int plotH = rowH * count;
    int height = top + plotH + 34;
    double slot = (double) (WIDTH - left - RIGHT) / slots(total);
    List<Line> lines = new ArrayList<>();
    List<Text> texts = new ArrayList<>();
    for (int l = 0; l < count; l++) {
      double y = top + rowH * (l + 0.5);
      lines.add(new Line(n(left), n(y), n(left + slot * (to - from)), n(y), "grid"));
      texts.add(new Text(n(left - 6), n(y + 3), "end", "tick",
          (l + 1) + " " + cut(e.levels().isEmpty() ? "" : e.levels().get(l), 30)));
    }
    texts.add(new Text(n(left - 6), n(top - 8), "end", "tick", "level (1: prescribed; lower"
        + " rows easier)"));
    lines.add(new Line(n(left), n(top + plotH), n(left + slot * (to - from)), n(top + plotH),
        "axis"));
    for (int i = from; i < to; i++) {
      int j = i - from;
      if (slots(total) < 16 || j % 2 == 0) {
        Report.SessionLine s = r.sessions().get(i);
        texts.add(new Text(n(left + slot * (j + 0.5)), n(top + plotH + 14), "middle", "tick",
            j == 0 ? s.day().toString() : s.day().toString().substring(5)));
      }
    }
    List<Shape> paths = new ArrayList<>();
    List<Mark> marks = new ArrayList<>();
    StringBuilder track = new StringBuilder();
    StringBuilder carry = new StringBuilder();
    double lastX = -1;
    double lastY = -1;
    for (Report.LevelSpan span : e.track()) {
      if (span.session() < from || span.session() >= to) {
        continue;
      }
      double x0 = left + slot * (span.session() - from) + 2;
      double x1 = left + slot * (span.session() - from + 1) - 2;
      double y = levelY(span.start(), top, rowH, count);
      if (lastX >= 0) {
        carry.append('M').append(n(lastX)).append(' ').append(n(lastY)).append('L')
            .append(n(x0)).append(' ').append(n(y));
      }
      track.append('M').append(n(x0)).append(' ').append(n(y));
      int level = span.start();
      List<Object> here = marksOf(e, span.session());
      for (Object m : here) {
        if (m instanceof Report.Change c) {
          double x = x0 + (x1 - x0) * (c.order() + 1) / (c.of() + 1);
          double y2 = levelY(c.to(), top, rowH, count);
          track.append('H').append(n(x)).append('V').append(n(y2));
          boolean easier = c.to() > c.from();
          marks.add(new Mark("change", triangle(x, y2, easier), ReportWords.change(c),
              Integer.toString(c.n()), n(x), n(easier ? y2 + 15 : y2 - 8)));
          level = c.to();
          y = y2;
        } else if (m instanceof Report.Stop s) {
          double x = x0 + (x1 - x0) * (s.order() + 1) / (s.of() + 1);
          track.append('H').append(n(x));
          marks.add(new Mark("stop", cross(x, y, 4), s.day() + "  stopped: " + s.reason(), "S",
              n(x), n(y - 8)));
        }
      }
      track.append('H').append(n(x1));
      lastX = x1;
      lastY = levelY(level, top, rowH, count);
    }
    paths.add(new Shape(carry.toString(), "carry"));
    paths.add(new Shape(track.toString(), "track"));
    texts.add(new Text(n(left), n(height - 4), "start", "tick", rowWords(from, to - from,
        total)));
    return new Chart(ReportWords.levelsOf(e) + rowTitle(from, to - from, total), WIDTH, height,
        lines, paths, marks, texts);
  }

  /** The session's changes and stops of the exercise, in the order they happened. */
  private static List<Object> marksOf(Report.ExerciseLine e, int session) {
    List<Object> out = new ArrayList<>();
    e.changes().stream().filter(c -> c.session() == session).forEach(out::add);
    e.stops().stream().filter(s -> s.session() == session).forEach(out::add);
    out.sort(java.util.Comparator.comparingInt(m -> m instanceof Report.Change c ? c.order()
        : ((Report.Stop) m).order()));
    return out;
  }

  private static String rowTitle(int from, int size, int total) {
    return total <= PER_ROW ? "" : ", sessions " + (from + 1) + "-" + (from + size) + " of "
        + total;
  }

  private static String rowWords(int from, int size, int total) {
    return "sessions " + (from + 1) + "-" + (from + size) + " of " + total;
  }

  private static void step(StringBuilder d, boolean joined, double x, double y) {
    d.append(joined ? 'L' : 'M').append(n(x)).append(' ').append(n(y));
  }

  private static double y(int value, int top, int plotH) {
    return top + plotH - plotH * Math.max(0, Math.min(10, value)) / 10.0;
  }

  private static double levelY(int level, int top, int rowH, int count) {
    return top + rowH * (Math.max(0, Math.min(count - 1, level)) + 0.5);
  }

  private static String circle(double x, double y, double r) {
    return "M" + n(x - r) + " " + n(y) + "a" + n(r) + " " + n(r) + " 0 1 0 " + n(2 * r)
        + " 0a" + n(r) + " " + n(r) + " 0 1 0 " + n(-2 * r) + " 0Z";
  }

  private static String square(double x, double y, double r) {
    return "M" + n(x - r) + " " + n(y - r) + "h" + n(2 * r) + "v" + n(2 * r) + "h" + n(-2 * r)
        + "Z";
  }

  /** A triangle pointing down (easier) or up (harder) at the point. */
  private static String triangle(double x, double y, boolean down) {
    double h = down ? 5 : -5;
    return "M" + n(x - 5) + " " + n(y - h) + "L" + n(x + 5) + " " + n(y - h) + "L" + n(x) + " "
        + n(y + h) + "Z";
  }

  private static String cross(double x, double y, double r) {
    return "M" + n(x - r) + " " + n(y - r) + "L" + n(x + r) + " " + n(y + r) + "M" + n(x - r)
        + " " + n(y + r) + "L" + n(x + r) + " " + n(y - r);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  /** A coordinate with one decimal, whatever the locale. */
  static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
