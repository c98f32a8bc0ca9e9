package coach.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Many copied rows into PostgreSQL at once (a history moved in): COPY into a scratch table of
 * the connection's own, emptied at each commit, then one INSERT ... SELECT that keeps each row
 * once, as the row-by-row inserts would. COPY takes rows as text, without a statement to parse
 * and bind for each: several times the rows a second of batched inserts.
 */
final class PostgresBulk {
  private PostgresBulk() {}

  private static final String RATINGS = "session_id, seq, at, kind, exercise_id, level,"
      + " level_id, set_no, round_no, round_label, value, region";
  private static final String EVENTS = "session_id, seq, at, kind, exercise_id, from_level,"
      + " to_level, detail";

  /** Returns how many of the batch's rows were new (the others were there already). */
  static long ratingsAndEvents(Connection c, List<HistoryStore.Copied> batch)
      throws SQLException {
    StringBuilder ratings = new StringBuilder(batch.size() * 2048);
    StringBuilder events = new StringBuilder();
    for (HistoryStore.Copied x : batch) {
      String id = x.session().id();
      for (HistoryStore.RatingRow r : x.ratings()) {
        coach.session.Rating v = r.rating();
        row(ratings, id, r.seq(), r.at(), v.kind().name(), v.exerciseId(), v.level(),
            v.levelId(), v.set(), v.round(), v.roundLabel(), v.value(), v.region());
      }
      for (HistoryStore.EventRow e : x.events()) {
        row(events, id, e.seq(), e.at(), e.kind().name(), e.exerciseId(), e.fromLevel(),
            e.toLevel(), e.detail());
      }
    }
    return put(c, "ratings", RATINGS, ratings) + put(c, "events", EVENTS, events);
  }

  private static long put(Connection c, String table, String columns, StringBuilder rows)
      throws SQLException {
    if (rows.length() == 0) {
      return 0;
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE IF NOT EXISTS copied_" + table + " (LIKE " + table
          + ") ON COMMIT DELETE ROWS");
      try {
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY copied_" + table + " ("
            + columns + ") FROM STDIN", new StringReader(rows.toString()));
      } catch (IOException e) {
        throw new SQLException(e.getMessage(), e);
      }
      return s.executeLargeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + columns
          + " FROM copied_" + table + " ON CONFLICT DO NOTHING");
    }
  }

  /** One row in COPY's text form: tabs between cells, \N for null, specials escaped. */
  private static void row(StringBuilder b, Object... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append('\t');
      }
      Object v = cells[i];
      if (v == null) {
        b.append("\\N");
        continue;
      }
      String t = v.toString();
      for (int k = 0; k < t.length(); k++) {
        char ch = t.charAt(k);
        switch (ch) {
          case '\\' -> b.append("\\\\");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          default -> b.append(ch);
        }
      }
    }
    b.append('\n');
  }
}
