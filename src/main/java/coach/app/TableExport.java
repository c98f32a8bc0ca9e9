package coach.app;

import coach.session.Rating;
import coach.store.HistoryStore;
import coach.store.StoreException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rating and event of the history, one row each (a session's start, its ratings, its
 * events), as CSV or JSON for the therapist's own tools ({@code coach export}).
 */
public final class TableExport {
  /** The columns, in order: the CSV header and every JSON object's keys. */
  public static final List<String> COLUMNS = List.of("session", "patient", "routine",
      "routine_hash", "time", "record", "kind", "exercise", "level", "level_id", "set", "round",
      "round_label", "value", "region", "from_level", "to_level", "detail");

  private TableExport() {}

  /**
   * Writes the rows as CSV or JSON as they are read, a patient at a time (one patient after
   * another, each in the order of their sessions), so memory holds one patient's sessions
   * whatever the history's size; returns how many rows were written.
   */
  public static long write(HistoryStore store, String patient, Instant since, String format,
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
  public interface RowSink {
    void row(Map<String, Object> row) throws IOException;
  }

  /**
   * Every row of the patient (every patient's when null), a patient at a time: their sessions,
   * then all their ratings and all their events in one read each.
   */
  public static void rows(HistoryStore store, String patient, Instant since, RowSink sink)
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

  /**
   * One CSV cell: cells that a spreadsheet would run as formulas are defused, and control
   * characters read back from a history (escape sequences) are escaped, so a file shown on a
   * terminal cannot steer it (RFC 4180 quoting).
   */
  public static String cell(Object v) {
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
}
