package coach.store;

import static coach.store.HistorySql.CHUNK;
import static coach.store.HistorySql.in;
import static coach.store.HistorySql.known;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alert outbox's statements: raising (once per cause, one open per patient and kind),
 * listing, acknowledging, claiming and recording the delivery of alerts, and copying them from
 * another history.
 */
final class AlertSql {
  private AlertSql() {}

  private static final String ALERT_COLUMNS = "id, patient, kind, cause, raised_at, facts,"
      + " ack_at, ack_by, ack_note, delivered_at, attempts";

  /** An alert row; null for a kind this version does not know (a newer coach's). */
  private static AlertOutbox.AlertRow alert(ResultSet r, Db db) throws SQLException {
    AlertKind kind = known(AlertKind.class, r.getString(3));
    return kind == null ? null : new AlertOutbox.AlertRow(r.getLong(1), r.getString(2), kind,
        r.getString(4), db.time(r, 5), r.getString(6), db.time(r, 7), r.getString(8),
        r.getString(9), db.time(r, 10), r.getInt(11));
  }

  /** The alerts a statement selects ({@link #ALERT_COLUMNS}), leaving out kinds not known here. */
  private static List<AlertOutbox.AlertRow> rows(PreparedStatement p, Db db)
      throws SQLException {
    List<AlertOutbox.AlertRow> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        AlertOutbox.AlertRow a = alert(r, db);
        if (a != null) {
          out.add(a);
        }
      }
    }
    return out;
  }

  /** Inserts the alert unless an open one of its patient and kind, or its cause, exists. */
  static Optional<AlertOutbox.AlertRow> raise(Connection c, Db db, String patient,
      AlertKind kind, String cause, String facts, Instant at) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO alerts(patient, kind, cause,"
        + " raised_at, facts) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING "
        + ALERT_COLUMNS)) {
      p.setString(1, patient);
      p.setString(2, kind.name());
      p.setString(3, cause);
      db.setTime(p, 4, at);
      p.setString(5, facts);
      Optional<AlertOutbox.AlertRow> raised;
      try (ResultSet r = p.executeQuery()) {
        raised = r.next() ? Optional.ofNullable(alert(r, db)) : Optional.empty();
      }
      if (raised.isPresent()) {
        EntrySql.touchPatient(c, db, patient);
      }
      return raised;
    }
  }

  static List<AlertOutbox.AlertRow> alerts(Connection c, Db db, String patient,
      boolean openOnly, Instant since) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + ALERT_COLUMNS + " FROM alerts WHERE 1 = 1");
    if (patient != null) {
      sql.append(" AND patient = ?");
    }
    if (openOnly) {
      sql.append(" AND ack_at IS NULL");
    }
    if (since != null) {
      sql.append(" AND raised_at >= ?");
    }
    sql.append(" ORDER BY raised_at DESC, id DESC");
    try (PreparedStatement p = c.prepareStatement(sql.toString())) {
      int i = 1;
      if (patient != null) {
        p.setString(i++, patient);
      }
      if (since != null) {
        db.setTime(p, i, since);
      }
      List<AlertOutbox.AlertRow> out = rows(p, db);
      // most urgent kind first, newest first within a kind (the sort keeps the date order)
      out.sort(java.util.Comparator.comparing(AlertOutbox.AlertRow::kind));
      return out;
    }
  }

  static boolean acknowledge(Connection c, Db db, long id, String by, String note, Instant at)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE alerts SET ack_at = ?, ack_by = ?,"
        + " ack_note = ? WHERE id = ? AND ack_at IS NULL")) {
      db.setTime(p, 1, at);
      p.setString(2, by);
      p.setString(3, note);
      p.setLong(4, id);
      if (p.executeUpdate() != 1) {
        return false;
      }
    }
    try (PreparedStatement p = c.prepareStatement("UPDATE patients SET alerted = "
        + db.markSql() + " WHERE patient = (SELECT patient FROM alerts WHERE id = ?)")) {
      p.setLong(1, id);
      p.executeUpdate();
    }
    return true;
  }

  static List<AlertOutbox.AlertRow> undelivered(Connection c, Db db, Instant now)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM alerts"
        + " WHERE delivered_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
        + " ORDER BY raised_at, id")) {
      db.setTime(p, 1, now);
      return rows(p, db);
    }
  }

  static void delivery(Connection c, Db db, List<Long> ids, Instant at, Instant next)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement(next == null
        ? "UPDATE alerts SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?"
        : "UPDATE alerts SET next_attempt_at = ?, attempts = attempts + 1 WHERE id = ?")) {
      for (long id : ids) {
        db.setTime(p, 1, next == null ? at : next);
        p.setLong(2, id);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  static List<Long> claim(Connection c, Db db, List<Long> ids, Instant now, Instant until)
      throws SQLException {
    List<Long> taken = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("UPDATE alerts SET next_attempt_at = ?"
        + " WHERE id = ? AND delivered_at IS NULL AND (next_attempt_at IS NULL"
        + " OR next_attempt_at <= ?)")) {
      for (long id : ids) {
        db.setTime(p, 1, until);
        p.setLong(2, id);
        db.setTime(p, 3, now);
        if (p.executeUpdate() == 1) {
          taken.add(id);
        }
      }
    }
    return taken;
  }

  static void copyAlerts(Connection c, Db db, List<AlertOutbox.AlertRow> alerts)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO alerts(patient, kind, cause,"
        + " raised_at, facts, ack_at, ack_by, ack_note, delivered_at, attempts)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      for (AlertOutbox.AlertRow a : alerts) {
        p.setString(1, a.patient());
        p.setString(2, a.kind().name());
        p.setString(3, a.cause());
        db.setTime(p, 4, a.raised());
        p.setString(5, a.facts());
        db.setTime(p, 6, a.acknowledged());
        p.setString(7, a.by());
        p.setString(8, a.note());
        db.setTime(p, 9, a.delivered());
        p.setInt(10, a.attempts());
        p.executeUpdate();
      }
    }
    for (String patient : new java.util.TreeSet<>(alerts.stream()
        .map(AlertOutbox.AlertRow::patient).toList())) {
      EntrySql.touchPatient(c, db, patient);
    }
  }

  /** The open alerts of these patients, most urgent kind first and newest first within one. */
  static List<AlertOutbox.AlertRow> openAlerts(Connection c, Db db,
      java.util.Collection<String> patients) throws SQLException {
    List<AlertOutbox.AlertRow> out = new ArrayList<>();
    List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(patients));
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> part = all.subList(from, Math.min(all.size(), from + CHUNK));
      try (PreparedStatement p = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM alerts"
          + " WHERE ack_at IS NULL AND patient" + in(part.size()))) {
        for (int i = 0; i < part.size(); i++) {
          p.setString(i + 1, part.get(i));
        }
        out.addAll(rows(p, db));
      }
    }
    out.sort(java.util.Comparator.comparing(AlertOutbox.AlertRow::kind)
        .thenComparing(AlertOutbox.AlertRow::raised, java.util.Comparator.reverseOrder())
        .thenComparing(AlertOutbox.AlertRow::id, java.util.Comparator.reverseOrder()));
    return out;
  }

  static List<AlertOutbox.AlertRow> alertsAfter(Connection c, Db db, long afterId, int limit)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT " + ALERT_COLUMNS + " FROM alerts"
        + " WHERE id > ? ORDER BY id LIMIT " + limit)) {
      p.setLong(1, afterId);
      return rows(p, db);
    }
  }
}
