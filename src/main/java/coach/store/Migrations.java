package coach.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The history's schema on both back ends, one story: versioned SQL files ({@code db/sqlite} and
 * {@code db/postgresql}, named V1__what.sql, V2__..., applied in order, once each, never edited: a
 * change is a new file) brought in by this one runner, every pending one in one transaction. A
 * history from a newer coach is refused untouched. Where a history keeps its version is its back
 * end's own {@link Ledger}: the SQLite file's header ({@link SqliteOpening}), PostgreSQL's
 * {@code coach_schema_history} table ({@link PostgresSchema}).
 */
final class Migrations {
  /** What a history from a newer coach is called, wherever it is refused or checked. */
  private static final String NEWER = "written by a newer version of the coach";

  /** A migration's file name: its version, then what it does. */
  private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__(\\w+)\\.sql");

  /** SQLite's migrations. */
  static final Migrations SQLITE = load("db/sqlite");
  /** PostgreSQL's migrations. */
  static final Migrations POSTGRESQL = load("db/postgresql");

  /** One versioned SQL file. */
  record Migration(int version, String script, String sql) {
    /** What it does, as its name says (underscores as spaces). */
    String description() {
      Matcher m = NAME.matcher(script);
      return m.matches() ? m.group(2).replace('_', ' ') : script;
    }

    /** Its statements, without comment lines, in order. */
    List<String> statements() {
      StringBuilder text = new StringBuilder();
      sql.lines().filter(l -> !l.strip().startsWith("--"))
          .forEach(l -> text.append(l).append('\n'));
      List<String> out = new ArrayList<>();
      for (String s : text.toString().split(";[ \\t]*(\\r?\\n|$)")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
      return out;
    }

    /**
     * Its checksum as the schema history has always recorded it (Flyway's, which applied these
     * before this runner did): CRC-32 over its lines without their line ends.
     */
    int checksum() {
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      try (BufferedReader r = new BufferedReader(new StringReader(sql))) {
        String line = r.readLine();
        if (line != null && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        for (; line != null; line = r.readLine()) {
          crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return (int) crc.getValue();
    }
  }

  /** Where a history keeps the version it is at, and how it records a migration applied. */
  interface Ledger {
    /** The version the history is at (0: none yet), read without changing anything. */
    int version(Connection c) throws SQLException;

    /**
     * Before the pending migrations, in their transaction: waits for another coach migrating
     * the same history, and makes the place the version is kept, when it is not there yet.
     */
    default void prepare(Connection c) throws SQLException {}

    /** Records a migration applied (in its transaction), in {@code millis}. */
    void applied(Connection c, Migration m, int millis) throws SQLException;
  }

  private final List<Migration> all;

  private Migrations(List<Migration> all) {
    this.all = List.copyOf(all);
  }

  /** Every migration, oldest first. */
  List<Migration> all() {
    return all;
  }

  /** The newest version this coach carries. */
  int latest() {
    return all.isEmpty() ? 0 : all.get(all.size() - 1).version();
  }

  /**
   * The statements that make a new history of {@code version} (this coach's, or an older one),
   * in order.
   */
  List<String> statementsUpTo(int version) {
    List<String> out = new ArrayList<>();
    for (Migration m : all) {
      if (m.version() <= version) {
        out.addAll(m.statements());
      }
    }
    return out;
  }

  /**
   * Brings the history up to this coach's version: nothing when it is there; refused when it
   * is newer; else every pending migration in order, in one transaction, each recorded in the
   * ledger, so a history is never left between two versions.
   *
   * @param at the version the history was found at, read before (0: a new one)
   */
  void migrate(Db db, Ledger ledger, int at) throws SQLException, StoreException {
    if (at > latest()) {
      throw newer(db.name(), at);
    }
    if (at == latest()) {
      return;
    }
    int[] found = {0};
    db.inTransaction(c -> {
      ledger.prepare(c);
      int from = ledger.version(c); // another coach may have migrated it meanwhile
      if (from > latest()) {
        found[0] = from;
        return;
      }
      try (Statement s = c.createStatement()) {
        for (Migration m : all) {
          if (m.version() > from) {
            long start = System.nanoTime();
            for (String sql : m.statements()) {
              s.execute(sql);
            }
            ledger.applied(c, m, (int) ((System.nanoTime() - start) / 1_000_000));
          }
        }
      }
    });
    if (found[0] > 0) {
      throw newer(db.name(), found[0]);
    }
  }

  /** The refusal of a history whose schema is newer than this coach's, in one line. */
  static StoreException newer(String where, int schema) {
    return new StoreException(where + ": this history was " + NEWER + " (schema " + schema
        + "); please update the coach");
  }

  /** The same, as a check lists it among a history file's problems. */
  static String newerProblem(int schema, int known) {
    return "schema " + schema + ": " + NEWER + " (this one knows schema " + known
        + "); update the coach";
  }

  /** The versioned SQL files in a folder of the class path, by version. */
  private static Migrations load(String folder) {
    List<Migration> found = new ArrayList<>();
    ClassLoader loader = Migrations.class.getClassLoader();
    for (String name : names(loader, folder)) {
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        continue;
      }
      try (InputStream in = loader.getResourceAsStream(folder + "/" + name)) {
        found.add(new Migration(Integer.parseInt(m.group(1)), name,
            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    found.sort(Comparator.comparingInt(Migration::version));
    for (int i = 0; i < found.size(); i++) {
      if (found.get(i).version() != i + 1) {
        throw new IllegalStateException(folder + ": migration " + (i + 1) + " is missing");
      }
    }
    return new Migrations(found);
  }

  /** The names of the files in a folder of the class path: a folder, or a jar's entries. */
  private static List<String> names(ClassLoader loader, String folder) {
    URL url = loader.getResource(folder);
    if (url == null) {
      throw new IllegalStateException(folder + " is not on the class path");
    }
    List<String> out = new ArrayList<>();
    try {
      if (url.getProtocol().equals("jar")) {
        JarURLConnection jar = (JarURLConnection) url.openConnection();
        jar.setUseCaches(false);
        try (var file = jar.getJarFile()) {
          file.stream().map(java.util.zip.ZipEntry::getName)
              .filter(n -> n.startsWith(folder + "/") && n.indexOf('/', folder.length() + 1) < 0)
              .forEach(n -> out.add(n.substring(folder.length() + 1)));
        }
      } else {
        try (var files = Files.list(Path.of(url.toURI()))) {
          files.forEach(p -> out.add(p.getFileName().toString()));
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(folder + ": the migrations cannot be read", e);
    }
    return out;
  }
}
