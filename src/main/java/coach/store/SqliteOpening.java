package coach.store;

import coach.routine.FileText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opening a history file: created owner-only when absent; refused, without changing anything,
 * when it is not ours, is damaged, comes from a newer version or cannot be written; brought up
 * to the current schema by the migrations ({@link Migrations#SQLITE}), in order; then WAL with
 * full sync.
 */
final class SqliteOpening {
  /** Marks our files: "RhCo". */
  static final int APPLICATION_ID = 0x5268436f;
  static final int SCHEMA_VERSION = Migrations.SQLITE.latest();
  /** The first 16 bytes of every SQLite database file. */
  static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /**
   * An SQLite file keeps its schema version in its header ({@code user_version}); the first
   * migration also marks the file as ours ({@code application_id}).
   */
  static final Migrations.Ledger LEDGER = new Migrations.Ledger() {
    @Override
    public int version(Connection c) throws SQLException {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("PRAGMA user_version")) {
        return r.next() ? r.getInt(1) : 0;
      }
    }

    @Override
    public void applied(Connection c, Migrations.Migration m, int millis) throws SQLException {
      try (Statement s = c.createStatement()) {
        if (m.version() == 1) {
          s.execute("PRAGMA application_id = " + APPLICATION_ID);
        }
        s.execute("PRAGMA user_version = " + m.version());
      }
    }
  };

  /** An open history, and anything the person should know about it (or null). */
  record Opened(SqliteDb db, String notice) {}

  private final Path file;
  private final Connection c;

  private SqliteOpening(Path file, Connection c) {
    this.file = file;
    this.c = c;
  }

  static Opened open(Path file) throws StoreException {
    SqliteNative.prepare();
    String unreachable = FileText.unreachable(file);
    if (unreachable != null) {
      // it may be there: creating one in its place is not ours to try
      throw new StoreException(file + ": " + unreachable);
    }
    boolean fresh = !Files.exists(file);
    boolean empty = false;
    try {
      if (fresh) {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
          Files.createDirectories(dir);
          trySetPermissions(dir, "rwx------");
        }
        Files.createFile(file);
        trySetPermissions(file, "rw-------");
      } else {
        try {
          if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString());
          }
          checkLooksLikeSqlite(file);
        } catch (AccessDeniedException e) {
          throw new StoreException(file + ": cannot be read (permission denied)", e);
        }
        empty = Files.size(file) == 0;
        if (!Files.isWritable(file)) {
          throw new StoreException(file + ": the history file is read-only; ratings could not"
              + " be saved");
        }
      }
    } catch (AccessDeniedException e) {
      throw new StoreException(file + ": cannot create the history file here (permission"
          + " denied)", e);
    } catch (IOException e) {
      throw new StoreException(file + ": cannot create the history file: " + e.getMessage(), e);
    }
    Connection c = null;
    try {
      c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 10000");
        s.execute("PRAGMA foreign_keys = ON");
      }
      SqliteDb db = new SqliteDb(file, c);
      new SqliteOpening(file, c).migrate(db);
      String notice = empty ? file + ": the history file was empty (0 bytes), so a new history"
          + " was started in it; if it held sessions, restore it from a backup" : null;
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = FULL");
      }
      return new Opened(db, notice);
    } catch (SQLException e) {
      SqliteDb.closeQuietly(c);
      throw new StoreException(file + ": " + SqliteDb.plainMessage(e), e);
    } catch (StoreException e) {
      SqliteDb.closeQuietly(c);
      throw e;
    }
  }

  private static void checkLooksLikeSqlite(Path file) throws IOException, StoreException {
    if (Files.isDirectory(file)) {
      throw new StoreException(file + ": is a folder, not a history file");
    }
    if (Files.size(file) == 0) {
      return; // created but never written: treated as new
    }
    byte[] head = new byte[SQLITE_MAGIC.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n < head.length || !java.util.Arrays.equals(head, SQLITE_MAGIC)) {
      throw new StoreException(file + ": this is not a Rehab Coach history file (left unchanged)");
    }
  }

  private void migrate(SqliteDb db) throws SQLException, StoreException {
    int appId = pragmaInt("application_id");
    int version = pragmaInt("user_version");
    if (appId == 0 && version == 0) {
      if (hasTables()) {
        throw new StoreException(file + ": this database belongs to another program (left"
            + " unchanged)");
      }
    } else if (appId != APPLICATION_ID) {
      throw new StoreException(file + ": this database belongs to another program (left"
          + " unchanged)");
    }
    Migrations.SQLITE.migrate(db, LEDGER, version);
    if (quickCheckable(file)) {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("PRAGMA quick_check")) {
        if (!r.next() || !"ok".equals(r.getString(1))) {
          throw new StoreException(file + ": the history file is damaged (left unchanged)");
        }
      }
    }
  }

  /**
   * A history up to this size is checked page by page at every opening (a person's own history
   * stays far below it for years). A larger one, a clinic's, is not: the check reads the whole
   * file (seconds for a few gigabytes), so every command would cost what the clinic holds, not
   * what it asks for. A damaged page of it is still said in one line when it is read, and
   * {@code coach check} checks it whole.
   */
  static final long QUICK_CHECK_UP_TO = 16L << 20;

  private static boolean quickCheckable(Path file) {
    try {
      return Files.size(file) <= QUICK_CHECK_UP_TO;
    } catch (IOException e) {
      return true;
    }
  }

  private boolean hasTables() throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return r.next() && r.getInt(1) > 0;
    }
  }

  private int pragmaInt(String name) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  private static void trySetPermissions(Path p, String perms) throws IOException {
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system
    }
  }
}
