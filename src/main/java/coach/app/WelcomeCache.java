package coach.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What a session's welcome screen shows of its routine (the title and the disclaimer), kept in
 * {@code DATA_DIR/cache/welcome} under a key of the routine's exact bytes, so the next start can
 * draw the welcome before it reads the routine again. Only a routine that loaded without a
 * problem is kept. A cache: a missing, damaged or unwritable file only means no early frame.
 */
public final class WelcomeCache {
  /** The welcome of a routine, as last read. */
  public record Preview(String title, String disclaimer) {}

  /** At most this many routines are kept; a new one beyond them starts the file again. */
  static final int ROUTINES = 16;
  private static final int MAX_TITLE = 200;
  private static final int MAX_DISCLAIMER = 4000;

  /** A larger file is not this cache's (at most 16 routines of 4,000 characters). */
  private static final long MAX_FILE = 512 * 1024;

  private WelcomeCache() {}

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  static Path file(Path dataDir) {
    return dataDir.resolve("cache").resolve("welcome");
  }

  /** The welcome kept for these bytes, if any. */
  public static Optional<Preview> read(Path dataDir, String key) {
    Properties p = load(file(dataDir));
    String title = p.getProperty(key + ".title");
    if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
      return Optional.empty();
    }
    String disclaimer = p.getProperty(key + ".disclaimer", "");
    return disclaimer.length() > MAX_DISCLAIMER ? Optional.empty()
        : Optional.of(new Preview(title, disclaimer));
  }

  /** Keeps the welcome for these bytes (unless it is kept already); failures are ignored. */
  public static void write(Path dataDir, String key, Preview preview) {
    if (preview.title() == null || preview.title().length() > MAX_TITLE) {
      return;
    }
    String disclaimer = preview.disclaimer() == null ? "" : preview.disclaimer();
    if (disclaimer.length() > MAX_DISCLAIMER) {
      return;
    }
    Path file = file(dataDir);
    Properties p = load(file);
    if (preview.title().equals(p.getProperty(key + ".title"))
        && disclaimer.equals(p.getProperty(key + ".disclaimer"))) {
      return; // kept already: most starts write nothing
    }
    try {
      Files.createDirectories(file.getParent());
      if (p.size() / 2 >= ROUTINES) {
        p.clear();
      }
      p.setProperty(key + ".title", preview.title());
      p.setProperty(key + ".disclaimer", disclaimer);
      Path tmp = file.resolveSibling("welcome." + ProcessHandle.current().pid() + ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "Rehab Coach: the welcome of each routine as last read (safe to delete)");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException ignored) {
      // the next start reads the routine before its first frame, as without a cache
    }
  }

  private static Properties load(Path file) {
    Properties p = new Properties();
    if (Files.isRegularFile(file) && sizeOf(file) <= MAX_FILE) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | RuntimeException e) {
        p.clear(); // damaged: as if empty, and written anew next time
      }
    }
    return p;
  }
}
