package coach.tui;

import coach.session.Clock;
import coach.session.Effect;
import coach.session.Event;
import coach.session.Outcome;
import coach.store.AlertKind;
import coach.tui.view.Canvas;
import coach.tui.view.Style;
import coach.tui.words.Messages;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The therapist's board: one row per patient, most urgent first, with their open alerts in words
 * and a marker (never colour alone), their last session and how it ended, this week's sessions
 * against the routine's frequency and the pain before their last sessions. Enter opens the
 * patient's report, {@code a} acknowledges their most urgent alert, {@code /} filters by patient
 * code; it reads the history again every few seconds, so a session that lands anywhere shows.
 */
public final class ClinicBoard implements App {
  /** How often the board reads the history again. */
  static final long REFRESH_NANOS = 3_000_000_000L;

  /** One open alert as the board shows it. */
  public record AlertLine(long id, AlertKind kind, String facts) {}

  /** One patient's row. */
  public record Row(String patient, List<AlertLine> alerts, Instant lastSession,
      Outcome lastOutcome, int weekDone, int weekTarget, List<Integer> pains) {}

  /** Where the board's rows come from, and what its keys change. */
  public interface Source {
    /** Every patient's row, read now. */
    List<Row> rows() throws Exception;

    /** The patient's report, as lines. */
    List<String> report(String patient) throws Exception;

    /** Acknowledges an alert; false when it was acknowledged meanwhile. */
    boolean acknowledge(long alertId) throws Exception;
  }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm",
      Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Source source;
  private final Clock clock;
  private final Style style;
  private final ZoneId zone;
  private List<Row> rows = List.of();
  private int selected;
  private String selectedPatient;
  private String filter = "";
  private volatile boolean filtering;
  private List<String> report;
  private String reportOf;
  private int scroll;
  private String message;
  /** An urgent alert waiting for a second {@code a} to be acknowledged. */
  private long confirming = -1;
  private Instant updated;
  private long nextRead;

  public ClinicBoard(Source source, Clock clock, Style style, ZoneId zone) {
    this.source = source;
    this.clock = clock;
    this.style = style;
    this.zone = zone;
    read();
  }

  private void read() {
    try {
      rows = sorted(source.rows());
      updated = Instant.now();
    } catch (Exception e) {
      message = words().get("board.readFailed", oneLine(e));
    }
    nextRead = clock.nanoTime() + REFRESH_NANOS;
    reselect();
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  /** Most urgent first: an urgent alert, then any alert by its kind, then the latest session. */
  static List<Row> sorted(List<Row> in) {
    List<Row> out = new ArrayList<>(in);
    out.sort(Comparator.comparingInt((Row r) -> r.alerts().stream()
            .mapToInt(a -> a.kind().ordinal()).min().orElse(Integer.MAX_VALUE))
        .thenComparing(r -> r.lastSession() == null ? Instant.MIN : r.lastSession(),
            Comparator.reverseOrder())
        .thenComparing(Row::patient));
    return out;
  }

  private List<Row> shown() {
    if (filter.isEmpty()) {
      return rows;
    }
    String f = filter.toLowerCase(Locale.ROOT);
    return rows.stream().filter(r -> r.patient().toLowerCase(Locale.ROOT).contains(f)).toList();
  }

  /** Keeps the selection on the same patient when rows move. */
  private void reselect() {
    List<Row> shown = shown();
    for (int i = 0; i < shown.size(); i++) {
      if (shown.get(i).patient().equals(selectedPatient)) {
        selected = i;
        return;
      }
    }
    selected = Math.max(0, Math.min(selected, shown.size() - 1));
    selectedPatient = shown.isEmpty() ? null : shown.get(selected).patient();
  }

  private void select(int i) {
    List<Row> shown = shown();
    if (shown.isEmpty()) {
      return;
    }
    selected = Math.max(0, Math.min(i, shown.size() - 1));
    selectedPatient = shown.get(selected).patient();
  }

  @Override
  public Event key(KeyStroke k) {
    if (k != null && (k.getKeyType() == KeyType.PageUp || k.getKeyType() == KeyType.PageDown)) {
      return k.getKeyType() == KeyType.PageUp ? Event.Key.LEFT : Event.Key.RIGHT;
    }
    return filtering || (k != null && k.getKeyType() == KeyType.Character
        && (k.getCharacter() == '/' || k.getCharacter() == 'a')) ? Keys.typed(k) : Keys.map(k);
  }

  @Override
  public List<Effect> update(Event e) {
    if (e instanceof Event.Interrupt) {
      return List.of(new Effect.Exit());
    }
    if (e instanceof Event.Tick) {
      if (clock.nanoTime() - nextRead >= 0) {
        read();
      }
      return List.of();
    }
    if (report != null) {
      return inReport(e);
    }
    if (filtering) {
      if (e instanceof Event.Typed t) {
        filter += t.c();
        select(0);
      } else if (e == Event.Key.ERASE && !filter.isEmpty()) {
        filter = filter.substring(0, filter.length() - 1);
        select(0);
      } else if (e == Event.Key.CONFIRM) {
        filtering = false;
      } else if (e == Event.Key.BACK) {
        filtering = false;
        filter = "";
        reselect();
      }
      return List.of();
    }
    message = null;
    long asked = confirming;
    confirming = -1;
    if (e == Event.Key.QUIT) {
      return List.of(new Effect.Exit());
    } else if (e == Event.Key.UP) {
      select(selected - 1);
    } else if (e == Event.Key.DOWN) {
      select(selected + 1);
    } else if (e instanceof Event.Typed t && t.c() == '/') {
      filtering = true;
    } else if (e instanceof Event.Typed t && t.c() == 'a') {
      acknowledge(asked);
    } else if (e == Event.Key.BACK && !filter.isEmpty()) {
      filter = "";
      reselect();
    } else if (e == Event.Key.CONFIRM && selectedPatient != null) {
      try {
        report = source.report(selectedPatient);
        reportOf = selectedPatient;
        scroll = 0;
      } catch (Exception ex) {
        message = words().get("board.readFailed", oneLine(ex));
      }
    }
    return List.of();
  }

  /** Acknowledges the selected patient's most urgent alert; an urgent one after a second a. */
  private void acknowledge(long asked) {
    List<Row> shown = shown();
    if (shown.isEmpty()) {
      return;
    }
    Row r = shown.get(selected);
    if (r.alerts().isEmpty()) {
      message = words().get("board.noAlert", r.patient());
      return;
    }
    AlertLine a = r.alerts().get(0);
    if (a.kind().urgent() && asked != a.id()) {
      confirming = a.id();
      message = words().get("board.confirmUrgent", kindWords(a.kind()), r.patient());
      return;
    }
    try {
      boolean done = source.acknowledge(a.id());
      message = words().get(done ? "board.acknowledged" : "board.alreadyAcknowledged",
          a.id(), kindWords(a.kind()), r.patient());
    } catch (Exception ex) {
      message = words().get("board.readFailed", oneLine(ex));
    }
    read();
  }

  private List<Effect> inReport(Event e) {
    int page = 10;
    if (e == Event.Key.BACK || e == Event.Key.QUIT || e == Event.Key.CONFIRM) {
      report = null;
    } else if (e == Event.Key.UP) {
      scroll = Math.max(0, scroll - 1);
    } else if (e == Event.Key.DOWN) {
      scroll = Math.min(Math.max(0, report.size() - 1), scroll + 1);
    } else if (e == Event.Key.LEFT) {
      scroll = Math.max(0, scroll - page);
    } else if (e == Event.Key.RIGHT) {
      scroll = Math.min(Math.max(0, report.size() - 1), scroll + page);
    }
    return List.of();
  }

  @Override
  public OptionalLong nextWakeNanos() {
    return OptionalLong.of(nextRead);
  }

  @Override
  public Messages words() {
    return style.words();
  }

  private String kindWords(AlertKind k) {
    return words().get(kindKey(k));
  }

  /** The bundle's key for an alert's kind in words. */
  public static String kindKey(AlertKind k) {
    return switch (k) {
      case RED_FLAG -> "board.kind.redFlag";
      case SYMPTOMS_SPREAD -> "board.kind.symptomsSpread";
      case STOPPED_FOR_TODAY -> "board.kind.stoppedForToday";
      case STOPPED_AT_EASIEST -> "board.kind.stoppedAtEasiest";
      case ENDED_FOR_PAIN -> "board.kind.endedForPain";
      case HIGH_START -> "board.kind.highStart";
      case WORSE_NEXT_MORNING -> "board.kind.worseNextMorning";
      case RISING_PAIN -> "board.kind.risingPain";
      case MISSED_SESSIONS -> "board.kind.missedSessions";
      case BEHIND_THIS_WEEK -> "board.kind.behindThisWeek";
    };
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

  /**
   * The alerts column, {@code width} wide: a marker, the most urgent in words (cut if it must
   * be), and how many more (never cut).
   */
  String alertsCell(Row r, int width) {
    if (r.alerts().isEmpty()) {
      return " ".repeat(width);
    }
    AlertLine top = r.alerts().get(0);
    String marker = top.kind().urgent() ? "!! " + words().get("board.urgent") + " " : "! ";
    String more = r.alerts().size() > 1 ? " +" + (r.alerts().size() - 1) : "";
    String text = Canvas.fit(marker + kindWords(top.kind()), width - 1 - more.length()) + more;
    return text + " ".repeat(Math.max(1, width - text.length()));
  }

  private String sparkline(List<Integer> values) {
    String blocks = style.ascii() ? "_.-:=+*#" : "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    StringBuilder sb = new StringBuilder();
    for (int v : values) {
      sb.append(blocks.charAt(Math.min(7, Math.max(0, Math.round(v * 7 / 10f)))));
    }
    return sb.toString();
  }

  @Override
  public void draw(TextGraphics g, TerminalSize size) {
    Canvas c = new Canvas(g, size, style);
    Messages m = words();
    long open = rows.stream().mapToLong(r -> r.alerts().size()).sum();
    c.bar(0, m.get("board.title"), updated == null ? "" : m.get("board.updated",
        TIME.format(updated.atZone(zone))));
    if (report != null) {
      drawReport(c, m);
      return;
    }
    List<Row> shown = shown();
    String summary = m.get("board.summary", rows.size(), open);
    if (filtering || !filter.isEmpty()) {
      summary += " " + coach.tui.view.Glyphs.sep(style.ascii()) + " " + m.get("board.filter",
          filter) + (filtering ? "_" : "");
    }
    c.text(1, 1, Canvas.fit(summary, c.width() - 2));
    int lastW = c.width() >= 96 ? 34 : 31;
    int alertsW = Math.max(16, Math.min(34, c.width() - 2 - 12 - lastW - 7 - 8));
    String header = pad(m.get("board.col.patient"), 12) + pad(m.get("board.col.alerts"),
        alertsW) + pad(m.get("board.col.last"), lastW) + pad(m.get("board.col.week"), 7)
        + m.get("board.col.pain");
    c.bold(1, 3, Canvas.fit(header, c.width() - 2));
    int top = 4;
    int visible = Math.max(1, c.height() - top - 3);
    int first = Math.max(0, Math.min(selected - visible + 1, Math.max(0, shown.size() - visible)));
    for (int i = first; i < shown.size() && i - first < visible; i++) {
      Row r = shown.get(i);
      String last = r.lastSession() == null ? "" : WHEN.format(r.lastSession().atZone(zone))
          + (r.lastOutcome() == null ? "" : ", " + outcomeWords(r.lastOutcome()));
      String line = pad(Canvas.clean(r.patient()), 12) + alertsCell(r, alertsW)
          + pad(last, lastW) + pad(r.weekDone() + "/" + r.weekTarget(), 7)
          + sparkline(r.pains());
      line = Canvas.fit(line, c.width() - 2);
      if (i == selected) {
        c.highlight(1, top + i - first, line + " ".repeat(Math.max(0, c.width() - 2
            - line.length())));
      } else {
        c.text(1, top + i - first, line);
      }
    }
    if (shown.isEmpty()) {
      c.text(2, top, m.get(rows.isEmpty() ? "board.empty" : "board.noMatch"));
    }
    if (!shown.isEmpty() && !shown.get(selected).alerts().isEmpty()) {
      AlertLine a = shown.get(selected).alerts().get(0);
      c.text(1, c.height() - 3, Canvas.fit("#" + a.id() + " " + kindWords(a.kind()) + ": "
          + Canvas.clean(a.facts()), c.width() - 2));
    }
    if (message != null) {
      c.text(1, c.height() - 2, Canvas.fit(message, c.width() - 2));
    }
    String arrows = coach.tui.view.Glyphs.arrows(style.ascii(), m);
    String sep = coach.tui.view.Glyphs.sep(style.ascii());
    c.bar(c.height() - 1, filtering ? m.get("board.footer.filter", arrows, sep)
        : m.get("board.footer", arrows, sep), "");
  }

  private void drawReport(Canvas c, Messages m) {
    c.bold(1, 1, Canvas.fit(m.get("board.reportOf", Canvas.clean(reportOf)), c.width() - 2));
    List<String> lines = new ArrayList<>();
    for (String l : report) {
      String t = Canvas.clean(l);
      int indent = t.length() - t.stripLeading().length();
      List<String> wrapped = Canvas.wrap(t.strip(), Math.max(10, c.width() - 2 - indent - 2));
      for (int i = 0; i < wrapped.size(); i++) {
        lines.add(" ".repeat(indent + (i == 0 ? 0 : 2)) + wrapped.get(i));
      }
      if (wrapped.isEmpty()) {
        lines.add("");
      }
    }
    int top = 3;
    int visible = Math.max(1, c.height() - top - 1);
    scroll = Math.max(0, Math.min(scroll, Math.max(0, lines.size() - visible)));
    for (int i = 0; i < visible && scroll + i < lines.size(); i++) {
      c.text(1, top + i, Canvas.fit(lines.get(scroll + i), c.width() - 2));
    }
    c.bar(c.height() - 1, m.get("board.footer.report", coach.tui.view.Glyphs.arrows(
        style.ascii(), m), coach.tui.view.Glyphs.sep(style.ascii())), lines.size() <= visible ? ""
        : m.get("board.lines", scroll + 1, Math.min(lines.size(), scroll + visible),
            lines.size()));
  }

  private static String pad(String s, int w) {
    String t = Canvas.fit(s, w - 1);
    return t + " ".repeat(Math.max(1, w - t.length()));
  }
}
