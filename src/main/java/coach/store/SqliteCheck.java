package coach.store;

import static coach.store.SqliteFiles.connect;
import static coach.store.SqliteFiles.rows;
import static coach.store.SqliteFiles.first;
import static coach.store.SqliteFiles.pragmaInt;
import static coach.store.SqliteFiles.looksLikeSqlite;
import static coach.store.SqliteFiles.reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check of a history file, without changing it: ours, of which schema, SQLite's full
 * integrity check, the references between its tables, every table and column its schema has and
 * nothing the coach never makes (which is also why a backup with such a thing is not restored).
 */
public final class SqliteCheck {
  private SqliteCheck() {}

  /** What a check found: lines to show, and the problems among them. */
  public record Check(List<String> found, List<String> problems, SqliteBackup.Contents contents) {
    public boolean sound() {
      return problems.isEmpty();
    }
  }

  /**
   * Checks a history file without changing it: that it is ours, of which schema, SQLite's full
   * integrity check, the references between its tables, and that every table and column its
   * schema version has is there.
   */
  public static Check check(Path history) throws StoreException {
    List<String> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try {
      if (!Files.isRegularFile(history)) {
        throw new StoreException(history + ": is not a file");
      }
      if (Files.size(history) == 0) {
        problems.add("the file is empty (0 bytes): no sessions; restore it from a backup if it"
            + " held any");
        return new Check(found, problems, null);
      }
      if (!looksLikeSqlite(history)) {
        problems.add("this is not a Rehab Coach history file");
        return new Check(found, problems, null);
      }
    } catch (IOException e) {
      throw new StoreException(history + ": cannot be read (" + reason(e) + ")", e);
    }
    try (Connection c = connect(history)) {
      int appId = pragmaInt(c, "application_id");
      int version = pragmaInt(c, "user_version");
      if (appId != SqliteOpening.APPLICATION_ID) {
        problems.add("this database belongs to another program");
        return new Check(found, problems, null);
      }
      if (version > Migrations.SQLITE.latest()) {
        problems.add(Migrations.newerProblem(version, Migrations.SQLITE.latest()));
        return new Check(found, problems, null);
      }
      found.add("file       a Rehab Coach history, schema " + version
          + (version == Migrations.SQLITE.latest() ? " (this version's)"
              : " (brought to schema " + Migrations.SQLITE.latest() + " when the coach opens it)"));
      List<String> integrity = rows(c, "PRAGMA integrity_check");
      if (integrity.equals(List.of("ok"))) {
        found.add("integrity  ok (SQLite's full check)");
      } else {
        problems.add("SQLite's integrity check: " + String.join("; ", integrity.subList(0,
            Math.min(5, integrity.size()))));
      }
      List<String> orphans = rows(c, "PRAGMA foreign_key_check");
      if (orphans.isEmpty()) {
        found.add("references ok (every rating, event and level belongs to a session)");
      } else {
        problems.add(orphans.size() + " row(s) of table " + orphans.get(0)
            + " (and maybe others) belong to no session");
      }
      List<String> missing = missingFromSchema(c, version);
      List<String> foreign = foreignObjects(c, version);
      if (!foreign.isEmpty()) {
        problems.add(String.join("; ", foreign) + ": it could change or delete records, so this"
            + " file is not used as a history");
        return new Check(found, problems, null);
      }
      if (missing.isEmpty()) {
        found.add("tables     sessions, levels, ratings, events" + (version >= 4 ? ", alerts" : "")
            + (version >= 5 ? ", patients, looks, places" : "")
            + " as schema " + version
            + " has them");
      } else {
        problems.add("not as schema " + version + " has it: " + String.join(", ", missing));
        return new Check(found, problems, null);
      }
      SqliteBackup.Contents contents = SqliteFiles.contents(c);
      found.add("holds      " + contents.sessions() + " session(s) of " + contents.patients()
          + " patient(s), " + contents.ratings() + " rating(s), " + contents.events()
          + " event(s)" + (contents.lastStarted() == null ? ""
              : "; the last started " + contents.lastStarted()));
      return new Check(found, problems, contents);
    } catch (SQLException e) {
      problems.add(SqliteDb.plainMessage(e));
      return new Check(found, problems, null);
    }
  }

  /** Each table and index schema {@code version} has, with its columns. */
  private static Map<String, List<String>> schema(int version) throws SQLException {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    try (Connection mem = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement s = mem.createStatement()) {
      for (String sql : Migrations.SQLITE.statementsUpTo(version)) {
        s.execute(sql);
      }
      for (String name : rows(mem, "SELECT name FROM sqlite_master WHERE type IN ('table',"
          + " 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
        expected.put(name, columns(mem, name));
      }
    }
    return expected;
  }

  /**
   * Every trigger, view, table or index in the file that schema {@code version} does not have:
   * such an object runs (a trigger that deletes other patients' ratings, say) or reads as the
   * coach's own, so a file with one is neither a sound history nor restored.
   */
  static List<String> foreignObjects(Connection c, int version) throws SQLException {
    Map<String, List<String>> expected = schema(version);
    List<String> foreign = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet r = st.executeQuery("SELECT type, name FROM sqlite_master"
            + " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")) {
      while (r.next()) {
        if (!expected.containsKey(r.getString(2))) {
          foreign.add("a " + r.getString(1) + " \"" + coach.routine.Printable.of(r.getString(2))
              + "\" that the coach never makes");
        }
      }
    }
    return foreign;
  }

  /** The tables, columns and indexes schema {@code version} has that the file lacks. */
  private static List<String> missingFromSchema(Connection c, int version) throws SQLException {
    Map<String, List<String>> expected = schema(version);
    List<String> present = rows(c, "SELECT name FROM sqlite_master");
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      if (!present.contains(e.getKey())) {
        missing.add(e.getKey() + " is missing");
        continue;
      }
      List<String> has = columns(c, e.getKey());
      for (String col : e.getValue()) {
        if (!has.contains(col)) {
          missing.add(e.getKey() + "." + col + " is missing");
        }
      }
    }
    return missing;
  }

  private static List<String> columns(Connection c, String tableOrIndex) throws SQLException {
    List<String> cols = new ArrayList<>();
    String pragma = first(c, "SELECT type FROM sqlite_master WHERE name = '"
        + tableOrIndex.replace("'", "''") + "'").equals("index") ? "index_info" : "table_info";
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA " + pragma + "(\"" + tableOrIndex + "\")")) {
      while (r.next()) {
        cols.add(r.getString("name"));
      }
    }
    return cols;
  }
}
