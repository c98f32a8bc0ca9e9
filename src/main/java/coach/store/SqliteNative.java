package coach.store;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * SQLite's JDBC driver unpacks its native library into the temporary folder at every start
 * (tens of milliseconds before the first screen) and leaves a copy behind whenever the process
 * is killed. Given a cache folder ({@code -Dcoach.native.dir}, which the launcher passes), the
 * library is unpacked there once per driver version and loaded from there. Without one, or if
 * anything here fails, the driver does as it always does.
 */
final class SqliteNative {
  private static boolean done;

  private SqliteNative() {}

  static synchronized void prepare() {
    String dir = System.getProperty("coach.native.dir");
    if (done || dir == null || dir.isBlank() || System.getProperty("org.sqlite.lib.path") != null) {
      done = true;
      return;
    }
    done = true;
    try {
      String folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
      String name = System.mapLibraryName("sqlitejdbc");
      Path target = Path.of(dir, "sqlite-" + org.sqlite.SQLiteJDBCLoader.getVersion(), folder,
          name);
      if (!Files.isRegularFile(target)) {
        try (InputStream in = SqliteNative.class.getResourceAsStream(
            "/org/sqlite/native/" + folder + "/" + name)) {
          if (in == null) {
            return;
          }
          Files.createDirectories(target.getParent());
          Path part = Files.createTempFile(target.getParent(), name, ".part");
          Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
          Files.move(part, target, StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
      System.setProperty("org.sqlite.lib.path", target.getParent().toString());
      System.setProperty("org.sqlite.lib.name", name);
    } catch (Exception | LinkageError e) {
      // the driver unpacks its own copy as usual
    }
  }
}
