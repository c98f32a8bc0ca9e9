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
      String folder = knownFolder();
      if (folder == null) {
        folder = org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS();
      }
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

  /**
   * The driver's folder for this platform when it is a common one (Linux on x86_64 or aarch64,
   * glibc or musl), found without the driver's own probe, which starts a {@code uname -o} child
   * process to look for Android; null to leave it to the driver.
   */
  static String knownFolder() {
    String os = System.getProperty("os.name", "");
    String arch = System.getProperty("os.arch", "");
    String vm = System.getProperty("java.vm.vendor", "") + System.getProperty("java.runtime.name",
        "");
    if (!os.equals("Linux") || vm.contains("Android") || System.getenv("TERMUX_VERSION") != null) {
      return null;
    }
    String a = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      default -> null;
    };
    if (a == null) {
      return null;
    }
    boolean musl = Files.exists(Path.of("/lib/ld-musl-" + a + ".so.1"));
    return (musl ? "Linux-Musl/" : "Linux/") + a;
  }
}
