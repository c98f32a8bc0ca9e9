package coach.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file a command writes for the therapist (an export, a report): it names patients and holds
 * their ratings, so a file the command creates is readable by its owner only; one that is there
 * already is written over and keeps its owner's choice.
 */
final class OwnerOnlyFile {
  private OwnerOnlyFile() {}

  /** What is written into the file. */
  @FunctionalInterface
  interface Writing {
    void to(OutputStream out) throws IOException, coach.store.StoreException;
  }

  static void write(Path file, Writing writing)
      throws IOException, coach.store.StoreException {
    if (!Files.exists(file)) {
      Files.createFile(file);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not POSIX
      }
    }
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))) {
      writing.to(out);
    }
  }
}
