package coach.tui;

import coach.session.Effect;
import coach.session.Event;
import coach.session.Outcome;
import coach.store.AlertKind;
import coach.tui.view.Canvas;
import coach.tui.view.Glyphs;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The therapist's board: one row per patient, most urgent first. Each row says who (with a mark
 * when something is new since this clinician last looked), the pain before and the highest pain
 * of their last session with the trend of both over their last sessions, where the symptoms
 * reached, this week's days against the routine's frequency and the last session; under it,
 * their open alerts in words with a count per kind after a marker ({@code !!} urgent, {@code !}
 * the others: never colour alone). The selected patient's alerts are written out below. Enter
 * opens the patient's report, {@code a} acknowledges their most urgent alert with an optional
 * note, {@code /} filters by patient code. It reads the history again every few seconds: only
 * what changed since its last read, and the details of the rows in view.
 */
public final class ClinicBoard implements App {
  /** How often the board reads the history again. */
  static final long REFRESH_NANOS = 3_000_000_000L;
  /** The longest note an acknowledgement takes. */
  static final int NOTE_MAX = 200;

  /** One open alert as the board shows it. */
  public record AlertLine(long id, AlertKind kind, String facts) {}

  /**
   * What the board shows of a patient's recent sessions, read for the rows in view.
   *
   * @param lastOutcome how the last session ended (null while it runs or was cut off)
   * @param before the pain before the last session began (null when not given)
   * @param highest the highest pain during the last session's exercises (null when none)
   * @param befores the pain before each of the last sessions that gave one, oldest first
   * @param highests the highest pain of each of the last sessions that rated one, oldest first
   * @param reached where the symptoms reached furthest in the last session (null: not said)
   * @param weekDone days with exercise this week, counted as the welcome, the report and
   *     {@code coach due} count them
   * @param weekTarget the days a week the routine asks for
   */
  public record Detail(Outcome lastOutcome, Integer before, Integer highest,
      List<Integer> befores, List<Integer> highests, String reached, int weekDone,
      int weekTarget) {}

  /**
   * One patient's row.
   *
   * @param alerts their open alerts, most urgent first
   * @param fresh something changed since this clinician last looked at the patient
   * @param detail their recent sessions, or null until read
   */
  public record Row(String patient, List<AlertLine> alerts, Instant lastSession, boolean fresh,
      Detail detail) {
    Row withDetail(Detail d) {
      return new Row(patient, alerts, lastSession, fresh, d);
    }
  }

  /** Where the board's rows come from, and what its keys change. */
  public interface Source {
    /**
     * Every patient's row, with what changed since the last call read again (details may be
     * null); the very list given last time when nothing changed.
     */
    List<Row> rows() throws Exception;

    /** The details of these patients' rows, read when not read since they last changed. */
    Map<String, Detail> details(List<String> patients) throws Exception;

    /** The patient's report, as lines; the clinician has now looked at the patient. */
    List<String> report(String patient) throws Exception;

    /**
     * Acknowledges an alert with an optional note; false when it was acknowledged meanwhile.
     * The clinician has now looked at the patient.
     */
    boolean acknowledge(String patient, long alertId, String note) throws Exception;

    /** Who acknowledges, as the history records it. */
    String clinician();
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM",
      Locale.ENGLISH);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
      Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Source source;
  private final Clock clock;
  private final Style style;
  private final ZoneId zone;
  private final java.util.function.Supplier<Instant> now;
  private List<Row> read = null;
  private List<Row> rows = List.of();
  private List<Row> shownRows;
  private final Map<String, Detail> details = new HashMap<>();
  private long openAlerts;
  private int selected;
  private int first;
  private String selectedPatient;
  private String filter = "";
  private volatile boolean filtering;
  private List<String> report;
  private String reportOf;
  private int scroll;
  private String message;
  /** The alert being acknowledged, while its note is typed; null otherwise. */
  private volatile AlertLine noting;
  private String notingPatient;
  private final StringBuilder note = new StringBuilder();
  private Instant updated;
  private long nextRead;
  /** Lines of rows the last frame had room for. */
  private int capacity = 24;

  /**
   * @param now the wall clock for "updated" (a fixed one in tests)
   */
  public ClinicBoard(Source source, Clock clock, Style style, ZoneId zone,
      java.util.function.Supplier<Instant> now) {
    this.source = source;
    this.clock = clock;
    this.style = style;
    this.zone = zone;
    this.now = now;
    read();
  }

  public ClinicBoard(Source source, Clock clock, Style style, ZoneId zone) {
    this(source, clock, style, zone, Instant::now);
  }

  private void read() {
    try {
      List<Row> fresh = source.rows();
      if (fresh != read) {
        read = fresh;
        rows = sorted(fresh);
        shownRows = null;
        openAlerts = rows.stream().mapToLong(r -> r.alerts().size()).sum();
        // a changed patient's row comes without details: read them again
        for (Row r : fresh) {
          if (r.detail() == null) {
            details.remove(r.patient());
          }
        }
      }
      updated = now.get();
    } catch (Exception e) {
      message = words().get("board.readFailed", oneLine(e));
    }
    nextRead = clock.nanoTime() + REFRESH_NANOS;
    reselect();
    readDetails();
  }

  /** Reads the details of the rows in view (and the selected one) that lack them. */
  private void readDetails() {
    List<Row> shown = shown();
    int from = Math.max(0, Math.min(first, selected));
    int to = Math.min(shown.size(), Math.max(first, selected) + capacity + 1);
    List<String> missing = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Row r = shown.get(i);
      if (r.detail() == null && !details.containsKey(r.patient())) {
        missing.add(r.patient());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try {
      details.putAll(source.details(missing));
    } catch (Exception e) {
      message = words().get("board.readFailed", oneLine(e));
    }
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  /**
   * Most urgent first: by the most urgent kind of open alert (a red flag, then the kinds a
   * therapist acts on the same day), then more kinds of alert before fewer, then the latest
   * session; patients without alerts after, latest session first.
   */
  static List<Row> sorted(List<Row> in) {
    List<Row> out = new ArrayList<>(in);
    out.sort(Comparator.comparingInt((Row r) -> r.alerts().stream()
            .mapToInt(a -> a.kind().ordinal()).min().orElse(Integer.MAX_VALUE))
        .thenComparing(r -> -r.alerts().stream().map(AlertLine::kind).distinct().count())
        .thenComparing(r -> r.lastSession() == null ? Instant.MIN : r.lastSession(),
            Comparator.reverseOrder())
        .thenComparing(Row::patient));
    return out;
  }

  private List<Row> shown() {
    if (shownRows == null) {
      if (filter.isEmpty()) {
        shownRows = rows;
      } else {
        String f = filter.toLowerCase(Locale.ROOT);
        shownRows = rows.stream().filter(r -> r.patient().toLowerCase(Locale.ROOT).contains(f))
            .toList();
      }
    }
    return shownRows;
  }

  private void setFilter(String f) {
    filter = f;
    shownRows = null;
  }

  /** Keeps the selection on the same patient when rows move. */
  private void reselect() {
    List<Row> shown = shown();
    if (selectedPatient != null) {
      for (int i = 0; i < shown.size(); i++) {
        if (shown.get(i).patient().equals(selectedPatient)) {
          selected = i;
          return;
        }
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
    boolean typing = filtering || noting != null;
    if (!typing && k != null && (k.getKeyType() == KeyType.PageUp
        || k.getKeyType() == KeyType.PageDown)) {
      return k.getKeyType() == KeyType.PageUp ? Event.Key.LEFT : Event.Key.RIGHT;
    }
    return typing || (k != null && k.getKeyType() == KeyType.Character
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
    if (noting != null) {
      inNote(e);
      return List.of();
    }
    if (filtering) {
      if (e instanceof Event.Typed t) {
        setFilter(filter + t.c());
        select(0);
      } else if (e == Event.Key.ERASE && !filter.isEmpty()) {
        setFilter(filter.substring(0, filter.length() - 1));
        select(0);
      } else if (e == Event.Key.CONFIRM) {
        filtering = false;
      } else if (e == Event.Key.BACK) {
        filtering = false;
        setFilter("");
        reselect();
      }
      readDetails();
      return List.of();
    }
    message = null;
    int page = Math.max(1, capacity / 2);
    if (e == Event.Key.QUIT) {
      return List.of(new Effect.Exit());
    } else if (e == Event.Key.UP) {
      select(selected - 1);
    } else if (e == Event.Key.DOWN) {
      select(selected + 1);
    } else if (e == Event.Key.LEFT) {
      select(selected - page);
    } else if (e == Event.Key.RIGHT) {
      select(selected + page);
    } else if (e instanceof Event.Typed t && t.c() == '/') {
      filtering = true;
    } else if (e instanceof Event.Typed t && t.c() == 'a') {
      startNote();
    } else if (e == Event.Key.BACK && !filter.isEmpty()) {
      setFilter("");
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
    readDetails();
    return List.of();
  }

  /** {@code a}: the selected patient's most urgent alert, its note asked for before it goes. */
  private void startNote() {
    List<Row> shown = shown();
    if (shown.isEmpty()) {
      return;
    }
    Row r = shown.get(selected);
    if (r.alerts().isEmpty()) {
      message = words().get("board.noAlert", Canvas.clean(r.patient()));
      return;
    }
    noting = r.alerts().get(0);
    notingPatient = r.patient();
    note.setLength(0);
  }

  private void inNote(Event e) {
    if (e instanceof Event.Typed t) {
      if (note.length() < NOTE_MAX) {
        note.append(t.c());
      }
    } else if (e == Event.Key.ERASE) {
      if (note.length() > 0) {
        note.setLength(note.length() - 1);
      }
    } else if (e == Event.Key.BACK) {
      noting = null;
      message = words().get("board.notAcknowledged");
    } else if (e == Event.Key.CONFIRM) {
      AlertLine a = noting;
      noting = null;
      String n = note.toString().strip();
      try {
        boolean done = source.acknowledge(notingPatient, a.id(), n.isEmpty() ? null : n);
        message = words().get(done ? "board.acknowledged" : "board.alreadyAcknowledged",
            a.id(), kindWords(a.kind()), Canvas.clean(notingPatient));
      } catch (Exception ex) {
        message = words().get("board.readFailed", oneLine(ex));
      }
      read();
    }
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
      case HIGH_PAIN_THROUGHOUT -> "board.kind.highThroughout";
      case CONTINUED_AFTER_STOP -> "board.kind.continuedAfterStop";
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

  /** How wide each column is; the last session takes what is left. */
  private record Columns(int patient, int before, int highest, int reached, int week,
      boolean wide) {
    static Columns of(int width) {
      return new Columns(11, 13, 9, 15, 5, width >= 100);
    }

    int last(int width) {
      return width - 2 - patient - before - highest - reached - week;
    }
  }

  /** Lines a row takes: its own, and its alerts' when it has any. */
  private static int height(Row r) {
    return r.alerts().isEmpty() ? 1 : 2;
  }

  @Override
  public void draw(TextGraphics g, TerminalSize size) {
    Canvas c = new Canvas(g, size, style);
    Messages m = words();
    String title = m.get("board.title");
    c.bar(0, style.ascii() ? title.replace("\u00b7", "-") : title, updated == null ? ""
        : m.get("board.updated",
        TIME.format(updated.atZone(zone))));
    if (report != null) {
      drawReport(c, m);
      return;
    }
    List<Row> shown = shown();
    String sep = Glyphs.sep(style.ascii());
    String summary = m.get("board.summary", rows.size(), openAlerts) + sep
        + m.get("board.newMark");
    if (filtering || !filter.isEmpty()) {
      summary += sep + m.get("board.filter", filter) + (filtering ? "_" : "");
    }
    c.text(1, 1, summary);
    int w = c.width() - 2;
    Columns col = Columns.of(c.width());
    String header = pad(m.get("board.col.patient"), 2 + col.patient())
        + pad(" " + m.get("board.col.before"), col.before()) + pad(" "
        + m.get("board.col.highest"), col.highest()) + pad(m.get("board.col.reached"),
        col.reached())
        + pad(m.get("board.col.week"), col.week()) + m.get("board.col.last");
    c.bold(1, 3, Canvas.fit(header, w));
    int top = 4;
    // the list takes what it needs, up to all but a few rows for the selected one's alerts
    int room = c.height() - 3 - top; // rows from the top to the line above the message
    int needed = lines(shown, 0, Math.min(shown.size(), room) - 1);
    int factsRows = Math.max(c.height() >= 30 ? 6 : 4, room - 1 - needed);
    int bottom = c.height() - 4 - factsRows; // the last row a patient's lines may take
    capacity = Math.max(1, bottom - top + 1);
    first = Math.max(0, Math.min(first, selected));
    while (first < selected && lines(shown, first, selected) > capacity) {
      first++;
    }
    int y = top;
    for (int i = first; i < shown.size() && y + height(shown.get(i)) - 1 <= bottom; i++) {
      Row r = shown.get(i);
      String line = rowLine(r, col, w);
      if (i == selected) {
        c.highlight(1, y, line + " ".repeat(Math.max(0, w - line.length())));
      } else {
        c.text(1, y, line);
      }
      y++;
      if (!r.alerts().isEmpty()) {
        c.text(5, y, alertsLine(r, w - 4));
        y++;
      }
    }
    int seen = visibleCount(shown, top, bottom);
    if (shown.isEmpty()) {
      c.text(2, top, m.get(rows.isEmpty() ? "board.empty" : "board.noMatch"));
    } else if (first > 0 || first + seen < shown.size()) {
      c.text(1, bottom + 1, m.get("board.rowsShown", first + 1, first + seen, shown.size()));
    }
    if (!shown.isEmpty()) {
      drawFacts(c, shown.get(selected), c.height() - 2 - factsRows, factsRows, w);
    }
    if (noting != null) {
      c.text(1, c.height() - 2, m.get("board.note", noting.id(), kindWords(noting.kind()),
          Canvas.clean(notingPatient), Canvas.clean(source.clinician())) + " "
          + Canvas.clean(note.toString()) + "_");
    } else if (message != null) {
      c.text(1, c.height() - 2, Canvas.fit(message, w));
    }
    String arrows = Glyphs.arrows(style.ascii(), m);
    c.bar(c.height() - 1, noting != null ? m.get("board.footer.note", arrows, sep)
        : filtering ? m.get("board.footer.filter", arrows, sep)
        : m.get("board.footer", arrows, sep), "");
  }

  /** How many rows fit from {@code first} between the two screen rows. */
  private int visibleCount(List<Row> shown, int top, int bottom) {
    int y = top;
    int n = 0;
    for (int i = first; i < shown.size() && y + height(shown.get(i)) - 1 <= bottom; i++) {
      y += height(shown.get(i));
      n++;
    }
    return n;
  }

  private static int lines(List<Row> shown, int from, int to) {
    int n = 0;
    for (int i = from; i <= to && i < shown.size(); i++) {
      n += height(shown.get(i));
    }
    return n;
  }

  private String rowLine(Row r, Columns col, int w) {
    Detail d = r.detail() != null ? r.detail() : details.get(r.patient());
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
  private void drawFacts(Canvas c, Row r, int top, int rows, int w) {
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
    c.bar(c.height() - 1, m.get("board.footer.report", Glyphs.arrows(style.ascii(), m),
        Glyphs.sep(style.ascii())), lines.size() <= visible ? ""
        : m.get("board.lines", scroll + 1, Math.min(lines.size(), scroll + visible),
            lines.size()));
  }

  private static String pad(String s, int w) {
    String t = Canvas.fit(s, w - 1);
    return t + " ".repeat(Math.max(1, w - t.length()));
  }
}
