package coach.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The data folder: {@code --data-dir} when given, else {@code $XDG_DATA_HOME/rehab-coach}, else
 * {@code ~/.local/share/rehab-coach}. Holds the history database, the log and the SSH host key.
 */
public final class DataDir {
  private DataDir() {}

  public static Path resolve(String override, Map<String, String> env) {
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath();
    }
    String xdg = env.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "rehab-coach");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".local", "share", "rehab-coach");
  }

  /** Creates the folder (owner-only where the file system allows) and returns it. */
  /**
   * Why the folder could not be made or used, in a few words for a one-line error (the
   * exception's own message is often just the path again).
   */
  public static String why(IOException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "it is a file, not a folder";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason().equals("Not a directory")
          ? "a part of its path is a file, not a folder" : f.getReason();
    }
    return "it cannot be made";
  }

  public static Path ensure(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: keep the platform's default
      }
    }
    return dir;
  }
}
