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
import java.util.HashMap;
import java.util.List;
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
 * what changed since its last read, and the details of the rows in view. The list and its
 * selection are {@link BoardList}'s, the lines in words {@link BoardText}'s, an open report
 * {@link BoardReport}'s.
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

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Source source;
  private final Clock clock;
  private final Style style;
  private final ZoneId zone;
  /** The rows, the alerts and the report in words. */
  private final BoardText text;
  private final java.util.function.Supplier<Instant> now;
  private List<Row> read = null;
  /** The rows sorted and filtered, the selection and what is in view. */
  private final BoardList list = new BoardList();
  private final Map<String, Detail> details = new HashMap<>();
  private long openAlerts;
  private volatile boolean filtering;
  /** The patient's report opened over the board; null when none is. */
  private BoardReport report;
  private String message;
  /** The alert being acknowledged, while its note is typed; null otherwise. */
  private volatile AlertLine noting;
  private String notingPatient;
  private final StringBuilder note = new StringBuilder();
  private Instant updated;
  private long nextRead;
  /** The rows were read and drawn: their details come at the next wake, right after the frame. */
  private boolean detailsDue;

  /**
   * @param now the wall clock for "updated" (a fixed one in tests)
   */
  public ClinicBoard(Source source, Clock clock, Style style, ZoneId zone,
      java.util.function.Supplier<Instant> now) {
    this.source = source;
    this.clock = clock;
    this.style = style;
    this.zone = zone;
    this.text = new BoardText(style, zone);
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
        list.setRows(sorted(fresh));
        openAlerts = list.rows().stream().mapToLong(r -> r.alerts().size()).sum();
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
    list.reselect();
    // the rows go on the screen first; the details of those in view are read once they show
    detailsDue = true;
  }

  /** Reads the details of the rows in view (and the selected one) that lack them. */
  private void readDetails() {
    List<String> missing = new ArrayList<>();
    for (Row r : list.inView()) {
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
      } else if (detailsDue) {
        detailsDue = false;
        readDetails();
      }
      return List.of();
    }
    if (report != null) {
      if (!report.key(e)) {
        report = null;
      }
      return List.of();
    }
    if (noting != null) {
      inNote(e);
      return List.of();
    }
    if (filtering) {
      String filter = list.filter();
      if (e instanceof Event.Typed t) {
        list.setFilter(filter + t.c());
        list.select(0);
      } else if (e == Event.Key.ERASE && !filter.isEmpty()) {
        list.setFilter(filter.substring(0, filter.length() - 1));
        list.select(0);
      } else if (e == Event.Key.CONFIRM) {
        filtering = false;
      } else if (e == Event.Key.BACK) {
        filtering = false;
        list.setFilter("");
        list.reselect();
      }
      readDetails();
      return List.of();
    }
    message = null;
    String selectedPatient = list.selectedPatient();
    if (e == Event.Key.QUIT) {
      return List.of(new Effect.Exit());
    } else if (e == Event.Key.UP) {
      list.move(-1);
    } else if (e == Event.Key.DOWN) {
      list.move(1);
    } else if (e == Event.Key.LEFT) {
      list.move(-list.page());
    } else if (e == Event.Key.RIGHT) {
      list.move(list.page());
    } else if (e instanceof Event.Typed t && t.c() == '/') {
      filtering = true;
    } else if (e instanceof Event.Typed t && t.c() == 'a') {
      startNote();
    } else if (e == Event.Key.BACK && !list.filter().isEmpty()) {
      list.setFilter("");
      list.reselect();
    } else if (e == Event.Key.CONFIRM && selectedPatient != null) {
      try {
        report = new BoardReport(source.report(selectedPatient), selectedPatient);
      } catch (Exception ex) {
        message = words().get("board.readFailed", oneLine(ex));
      }
    }
    readDetails();
    return List.of();
  }

  /** {@code a}: the selected patient's most urgent alert, its note asked for before it goes. */
  private void startNote() {
    Row r = list.selectedRow();
    if (r == null) {
      return;
    }
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
            a.id(), text.kindWords(a.kind()), Canvas.clean(notingPatient));
      } catch (Exception ex) {
        message = words().get("board.readFailed", oneLine(ex));
      }
      read();
    }
  }

  @Override
  public OptionalLong nextWakeNanos() {
    return OptionalLong.of(detailsDue ? clock.nanoTime() : nextRead);
  }

  @Override
  public Messages words() {
    return style.words();
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

  @Override
  public void draw(TextGraphics g, TerminalSize size) {
    Canvas c = new Canvas(g, size, style);
    Messages m = words();
    String title = m.get("board.title");
    c.bar(0, style.ascii() ? title.replace("\u00b7", "-") : title, updated == null ? ""
        : m.get("board.updated",
        TIME.format(updated.atZone(zone))));
    if (report != null) {
      report.draw(c, m, style);
      return;
    }
    String sep = Glyphs.sep(style.ascii());
    String filter = list.filter();
    String summary = m.get("board.summary", list.rows().size(), openAlerts) + sep
        + m.get("board.newMark");
    if (filtering || !filter.isEmpty()) {
      summary += sep + m.get("board.filter", filter) + (filtering ? "_" : "");
    }
    c.text(1, 1, summary);
    int w = c.width() - 2;
    c.bold(1, 3, Canvas.fit(text.header(BoardText.Columns.of(c.width())), w));
    list.draw(c, m, text, details, w);
    if (noting != null) {
      c.text(1, c.height() - 2, m.get("board.note", noting.id(), text.kindWords(noting.kind()),
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
}
