package coach.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new history is the same on both back ends: the same tables, columns (their types mapped
 * where they must differ: a moment is timestamptz in PostgreSQL and ISO-8601 TEXT in SQLite, a
 * bigint an INTEGER) and indexes (names and columns), but for the differences listed here, each
 * kept on purpose. A migration added to one back end only fails here, with what differs.
 */
class SchemaParityTest {
  @TempDir Path dir;

  /** Only in SQLite, and why. */
  private static final Map<String, String> SQLITE_ONLY = Map.of(
      "column ratings.id INTEGER", "SQLite's row ids, from its first schema (PostgreSQL began"
          + " at SQLite's schema 3, keyed by session and number)",
      "key ratings primary (id)", "the same",
      "key ratings unique (session_id, seq)", "PostgreSQL's primary key",
      "column events.id INTEGER", "SQLite's row ids: they numbered the events of schema 1 and 2",
      "key events primary (id)", "the same",
      "index events_by_session on events unique (session_id, seq)",
      "PostgreSQL's primary key (SQLite's schema 3 numbered the events)");

  /** Only in PostgreSQL, and why. */
  private static final Map<String, String> POSTGRESQL_ONLY = Map.of(
      "key ratings primary (session_id, seq)", "SQLite's unique (session_id, seq)",
      "key events primary (session_id, seq)", "SQLite's events_by_session",
      "index sessions_open on sessions (patient)", "in PostgreSQL's first version; SQLite finds"
          + " a patient's open sessions through sessions_by_patient");

  @Test
  void aNewHistoryHasTheSameTablesColumnsAndIndexesOnBothBackEnds() throws Exception {
    Path file = dir.resolve("history.db");
    SqliteHistoryStore.open(file).close();
    TreeSet<String> sqlite;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      sqlite = sqlite(c);
    }
    String url = TestPostgres.newDatabase();
    PostgresUrl u = PostgresUrl.parse(url, Map.of());
    PostgresHistoryStore.open(u, Map.of(), dir.resolve("spool")).close();
    TreeSet<String> postgres;
    try (Connection c = DriverManager.getConnection(u.jdbcUrl(), "postgres", "postgres")) {
      postgres = postgres(c);
    }
    assertTrue(sqlite.contains("table sessions") && postgres.contains("table sessions"),
        "nothing read: " + sqlite + " " + postgres);

    List<String> wrong = new ArrayList<>();
    differences(sqlite, postgres, SQLITE_ONLY, "only in SQLite", wrong);
    differences(postgres, sqlite, POSTGRESQL_ONLY, "only in PostgreSQL", wrong);
    assertTrue(wrong.isEmpty(), "the back ends' schemas differ:\n  " + String.join("\n  ", wrong)
        + "\n(add the migration to the other back end, or list the difference here with why)");
  }

  /** What {@code one} has that {@code other} lacks, beyond what is known; and known ones gone. */
  private static void differences(TreeSet<String> one, TreeSet<String> other,
      Map<String, String> known, String label, List<String> wrong) {
    for (String line : one) {
      if (!other.contains(line) && !known.containsKey(line)) {
        wrong.add(label + ": " + line);
      }
    }
    for (String line : new TreeSet<>(known.keySet())) {
      if (!one.contains(line) || other.contains(line)) {
        wrong.add("listed as " + label + " but it is not (any more): " + line);
      }
    }
  }

  /** SQLite's tables, columns, keys and indexes, one line each. */
  private static TreeSet<String> sqlite(Connection c) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    for (String table : strings(c, "SELECT name FROM sqlite_master WHERE type = 'table'"
        + " AND name NOT LIKE 'sqlite_%'")) {
      out.add("table " + table);
      List<String> primary = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
        while (r.next()) {
          out.add("column " + table + "." + r.getString("name") + " "
              + r.getString("type").toUpperCase());
          if (r.getInt("pk") > 0) {
            while (primary.size() < r.getInt("pk")) {
              primary.add(null);
            }
            primary.set(r.getInt("pk") - 1, r.getString("name"));
          }
        }
      }
      if (!primary.isEmpty()) {
        out.add("key " + table + " primary (" + String.join(", ", primary) + ")");
      }
      List<String[]> indexes = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("PRAGMA index_list(\"" + table + "\")")) {
        while (r.next()) {
          indexes.add(new String[] {r.getString("name"), r.getString("unique"),
              r.getString("origin")});
        }
      }
      for (String[] ix : indexes) {
        String columns = String.join(", ", strings(c, "SELECT name FROM pragma_index_info('"
            + ix[0] + "') ORDER BY seqno"));
        switch (ix[2]) {
          case "pk" -> { } // said by the table's columns
          case "u" -> out.add("key " + table + " unique (" + columns + ")");
          default -> out.add("index " + ix[0] + " on " + table
              + ("1".equals(ix[1]) ? " unique" : "") + " (" + columns + ")");
        }
      }
    }
    return out;
  }

  /** PostgreSQL's, in the same words (the table of migrations applied left out). */
  private static TreeSet<String> postgres(Connection c) throws SQLException {
    TreeSet<String> out = new TreeSet<>();
    String ledger = PostgresSchema.TABLE;
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT table_name,"
        + " column_name, data_type FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name <> '" + ledger + "'")) {
      while (r.next()) {
        out.add("table " + r.getString(1));
        out.add("column " + r.getString(1) + "." + r.getString(2) + " " + type(r.getString(3)));
      }
    }
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT t.relname,"
        + " i.relname, ix.indisunique, ix.indisprimary,"
        + " EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = ix.indexrelid),"
        + " (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(string_to_array("
        + "ix.indkey::text, ' ')::int[]) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a"
        + " ON a.attrelid = t.oid AND a.attnum = k.attnum)"
        + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid"
        + " JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
        + " WHERE n.nspname = current_schema() AND t.relname <> '" + ledger + "'")) {
      while (r.next()) {
        String table = r.getString(1);
        if (r.getBoolean(4)) {
          out.add("key " + table + " primary (" + r.getString(6) + ")");
        } else if (r.getBoolean(5)) {
          out.add("key " + table + " unique (" + r.getString(6) + ")");
        } else {
          out.add("index " + r.getString(2) + " on " + table
              + (r.getBoolean(3) ? " unique" : "") + " (" + r.getString(6) + ")");
        }
      }
    }
    return out;
  }

  /** PostgreSQL's type as SQLite's: a moment is kept as text there, every whole number alike. */
  private static String type(String postgres) {
    return switch (postgres) {
      case "text", "timestamp with time zone" -> "TEXT";
      case "integer", "bigint", "smallint" -> "INTEGER";
      default -> postgres;
    };
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }
}
