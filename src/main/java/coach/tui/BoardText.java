package coach.tui;

import coach.session.Outcome;
import coach.store.AlertKind;
import coach.tui.ClinicBoard.AlertLine;
import coach.tui.ClinicBoard.Detail;
import coach.tui.ClinicBoard.Row;
import coach.tui.view.Canvas;
import coach.tui.view.Glyphs;
import coach.tui.view.Style;
import coach.tui.words.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The clinic board's lines in words: the columns' header, a patient's row (pain with its trend,
 * where the symptoms reached, this week, the last session), the alerts line under it, and the
 * selected patient's alerts written out with their facts.
 */
final class BoardText {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM",
      Locale.ENGLISH);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
      Locale.ENGLISH);

  /** How wide each column is; the last session takes what is left. */
  record Columns(int patient, int before, int highest, int reached, int week,
      boolean wide) {
    static Columns of(int width) {
      return new Columns(11, 13, 9, 15, 5, width >= 100);
    }

    int last(int width) {
      return width - 2 - patient - before - highest - reached - week;
    }
  }

  private final Style style;
  private final ZoneId zone;

  BoardText(Style style, ZoneId zone) {
    this.style = style;
    this.zone = zone;
  }

  private Messages words() {
    return style.words();
  }

  String kindWords(AlertKind k) {
    return words().get(ClinicBoard.kindKey(k));
  }

  private String outcomeWords(Outcome o) {
    return words().get(switch (o) {
      case COMPLETED -> "board.outcome.completed";
      case STOPPED_FOR_PAIN -> "board.outcome.stoppedForPain";
      case RED_FLAG -> "board.outcome.redFlag";
      case QUIT -> "board.outcome.quit";
      case INTERRUPTED -> "board.outcome.interrupted";
    });
  }

  /** The columns' names, in the columns' widths. */
  String header(Columns col) {
    Messages m = words();
    return pad(m.get("board.col.patient"), 2 + col.patient())
        + pad(" " + m.get("board.col.before"), col.before()) + pad(" "
        + m.get("board.col.highest"), col.highest()) + pad(m.get("board.col.reached"),
        col.reached())
        + pad(m.get("board.col.week"), col.week()) + m.get("board.col.last");
  }

  /**
   * The alerts line, at most {@code width} wide: a marker ({@code !!} and the word urgent when
   * one is urgent), then each kind in words, most urgent first, with how many when more than
   * one; kinds that do not fit are counted at the end, never cut.
   */
  String alertsLine(Row r, int width) {
    if (r.alerts().isEmpty()) {
      return "";
    }
    Map<AlertKind, Integer> counts = new EnumMap<>(AlertKind.class);
    r.alerts().forEach(a -> counts.merge(a.kind(), 1, Integer::sum));
    boolean urgent = counts.keySet().stream().anyMatch(AlertKind::urgent);
    String marker = urgent ? "!! " + words().get("board.urgent") + " " : "! ";
    String sep = Glyphs.sep(style.ascii());
    String times = style.ascii() ? " x" : " \u00d7";
    List<String> parts = new ArrayList<>();
    counts.forEach((k, n) -> parts.add(kindWords(k) + (n > 1 ? times + n : "")));
    StringBuilder line = new StringBuilder(marker);
    for (int i = 0; i < parts.size(); i++) {
      String next = (i == 0 ? "" : sep) + parts.get(i);
      int left = parts.size() - i - 1;
      String more = left == 0 ? "" : sep + words().get("board.more", left);
      if (Canvas.fit(line + next + more, width).length() < (line + next + more).length()) {
        line.append(i == 0 ? "" : sep).append(words().get("board.more", parts.size() - i));
        return Canvas.fit(line.toString(), width);
      }
      line.append(next);
    }
    return line.toString();
  }

  private String sparkline(List<Integer> values) {
    String blocks = style.ascii() ? "_.-:=+*#" : "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    StringBuilder sb = new StringBuilder();
    for (int v : values) {
      sb.append(blocks.charAt(Math.min(7, Math.max(0, Math.round(v * 7 / 10f)))));
    }
    return sb.toString();
  }

  /** A pain number (right-aligned in two columns) and its trend. */
  private String pain(Integer value, List<Integer> trend) {
    String n = value == null ? "-" : value.toString();
    return (n.length() < 2 ? " " : "") + n + " " + sparkline(trend);
  }

  /** A patient's row in one line, {@code w} wide; {@code d} null while not read. */
  String rowLine(Row r, Detail d, Columns col, int w) {
    String arrowMark = r.fresh() ? "* " : "  ";
    StringBuilder line = new StringBuilder(arrowMark).append(pad(Canvas.clean(r.patient()),
        col.patient()));
    if (d == null) {
      line.append(pad("", col.before() + col.highest() + col.reached() + col.week()));
    } else {
      line.append(pad(pain(d.before(), d.befores()), col.before()))
          .append(pad(pain(d.highest(), d.highests()), col.highest()))
          .append(pad(d.reached() == null ? "-" : Canvas.clean(d.reached()), col.reached()))
          .append(pad(d.weekDone() + "/" + d.weekTarget(), col.week()));
    }
    if (r.lastSession() != null) {
      String when = (col.wide() ? WHEN : DAY).format(r.lastSession().atZone(zone));
      Outcome o = d == null ? null : d.lastOutcome();
      line.append(when).append(o == null ? "" : (col.wide() ? ", " : " ") + outcomeWords(o));
    }
    return Canvas.fit(line.toString(), w);
  }

  /**
   * The selected patient's open alerts with their facts, each whole (wrapped), as many as fit;
   * the rest are counted.
   */
  void drawFacts(Canvas c, Row r, int top, int rows, int w) {
    if (r.alerts().isEmpty()) {
      return;
    }
    Messages m = words();
    List<String> out = new ArrayList<>();
    out.add(m.get("board.factsOf", Canvas.clean(r.patient()), r.alerts().size()));
    int shown = 0;
    for (AlertLine a : r.alerts()) {
      List<String> wrapped = Canvas.wrap("#" + a.id() + " " + kindWords(a.kind()) + ": "
          + Canvas.clean(a.facts()), w - 2);
      int left = r.alerts().size() - shown - 1;
      int room = rows - out.size() - (left > 0 ? 1 : 0);
      if (wrapped.size() > room) {
        break;
      }
      for (int i = 0; i < wrapped.size(); i++) {
        out.add((i == 0 ? "" : "  ") + wrapped.get(i));
      }
      shown++;
    }
    if (shown < r.alerts().size()) {
      out.add(m.get("board.moreFacts", r.alerts().size() - shown));
    }
    for (int i = 0; i < out.size() && i < rows; i++) {
      if (i == 0) {
        c.bold(1, top, out.get(0));
      } else {
        c.text(1, top + i, out.get(i));
      }
    }
  }

  private static String pad(String s, int w) {
    String t = Canvas.fit(s, w - 1);
    return t + " ".repeat(Math.max(1, w - t.length()));
  }
}
