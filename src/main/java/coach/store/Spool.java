package coach.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Entries kept on this computer until the clinic's database has them: one file per session
 * (DATA_DIR/spool/SESSION.jsonl, one JSON line per entry, each forced to the disk before the
 * write returns), held locked by the process running the session. A file nobody holds (its
 * process ended before sending it all) is sent by the next process that opens the history, and
 * deleted once the database has every entry; sending twice doubles nothing (see {@link Entry}).
 */
final class Spool {
  /** Spool files hold patients' ratings: readable by their owner alone. */
  private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
      java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

  private static final String SUFFIX = ".jsonl";
  /**
   * The files this process holds, whichever spool holds them: a process never opens a second
   * channel on a file it locks (closing that channel would drop its own lock).
   */
  private static final java.util.Set<Path> HELD_HERE =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(Spool.class.getName());

  private final Path dir;

  Spool(Path dir) throws IOException {
    this.dir = dir;
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
    }
  }

  Path dir() {
    return dir;
  }

  /** One session's file, written and held by this process while the session runs. */
  static final class Held implements AutoCloseable {
    final String sessionId;
    final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<Entry> entries = new ArrayList<>();
    private int sent;
    private boolean ended;
    private long oldestUnsent;

    private Held(String sessionId, Path file, FileChannel channel, FileLock lock) {
      this.sessionId = sessionId;
      this.file = file;
      this.channel = channel;
      this.lock = lock;
    }

    /**
     * Adds the entry to the file; it is on the disk when this returns. A write that fails half
     * way (a full disk) is cut back off, so a retry starts a whole line.
     */
    synchronized void append(Entry e) throws IOException {
      ByteBuffer b = ByteBuffer.wrap((SpoolCodec.line(e) + "\n")
          .getBytes(StandardCharsets.UTF_8));
      long before = channel.size();
      try {
        while (b.hasRemaining()) {
          channel.write(b);
        }
        channel.force(false);
      } catch (IOException failed) {
        try {
          channel.truncate(before);
        } catch (IOException ignored) {
          failed.addSuppressed(ignored);
        }
        throw failed;
      }
      if (sent == entries.size()) {
        oldestUnsent = System.nanoTime();
      }
      entries.add(e);
      if (e instanceof Entry.End) {
        ended = true;
      }
    }

    /** What the database does not have yet, in order. */
    synchronized List<Entry> unsent() {
      return List.copyOf(entries.subList(sent, entries.size()));
    }

    /** The first n unsent entries are in the database. */
    synchronized void sent(int n) {
      sent += n;
      oldestUnsent = System.nanoTime();
    }

    synchronized int pending() {
      return entries.size() - sent;
    }

    /** Nanoseconds the oldest unsent entry has waited, 0 when none waits. */
    synchronized long waited(long now) {
      return pending() == 0 ? 0 : now - oldestUnsent;
    }

    /** The session ended and the database has it all: the file can go. */
    synchronized boolean done() {
      return ended && sent == entries.size();
    }

    @Override
    public synchronized void close() {
      HELD_HERE.remove(file);
      try {
        lock.release();
      } catch (IOException ignored) {
        // closing the channel releases it too
      }
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to write
      }
    }
  }

  /** Starts a session's file, held by this process. */
  Held hold(String sessionId) throws IOException {
    Path file = dir.resolve(sessionId + SUFFIX);
    Path fresh = dir.resolve(sessionId + SUFFIX + ".new");
    FileChannel ch = FileChannel.open(fresh, java.util.Set.of(StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND), OWNER_ONLY);
    try {
      FileLock lock = ch.lock();
      HELD_HERE.add(file);
      // named only once locked, so no other process takes it for a file nobody holds
      Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
      syncDir();
      return new Held(sessionId, file, ch, lock);
    } catch (IOException | RuntimeException e) {
      HELD_HERE.remove(file);
      ch.close();
      Files.deleteIfExists(fresh);
      throw e;
    }
  }

  /**
   * Keeps one entry that belongs to no running session (it is sent like a file left over).
   *
   * @return its file
   */
  Path single(Entry e) throws IOException {
    String name = "x-" + UUID.randomUUID();
    Path fresh = dir.resolve(name + SUFFIX + ".new");
    try (FileChannel ch = FileChannel.open(fresh, java.util.Set.of(
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)) {
      ByteBuffer b = ByteBuffer.wrap((SpoolCodec.line(e) + "\n")
          .getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(false);
    }
    Path file = dir.resolve(name + SUFFIX);
    Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
    syncDir();
    return file;
  }

  private void syncDir() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | RuntimeException ignored) {
      // not every file system lets a folder be synced; the file itself is
    }
  }

  /** The spool's files, oldest first. */
  List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
          .sorted((a, b) -> {
            try {
              return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
            } catch (IOException e) {
              return a.compareTo(b);
            }
          }).toList();
    }
  }

  /** How a left-over file's entries are sent. */
  @FunctionalInterface
  interface Sender {
    void send(List<Entry> entries) throws java.sql.SQLException;
  }

  /**
   * Sends a file nobody holds and deletes it. Returns false, leaving it, when a running session
   * holds it (here or in another process).
   */
  boolean sendLeftOver(Path file, Sender sender) throws IOException, java.sql.SQLException {
    if (HELD_HERE.contains(file)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        return false;
      }
      if (lock == null) {
        return false;
      }
      try {
        Read r = read(file);
        sender.send(r.entries());
        if (r.damaged() == 0) {
          Files.deleteIfExists(file);
        } else {
          // what could be read is in the database; the rest is kept for a person to look at
          Path aside = file.resolveSibling(file.getFileName() + ".damaged");
          Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
          LOG.warning(file + ": " + r.damaged() + " line(s) could not be read; the file is kept"
              + " as " + aside);
        }
        return true;
      } finally {
        if (lock.isValid()) {
          lock.release();
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      return true; // sent and deleted meanwhile by another process
    }
  }

  /** The file's lines, each decoded on its own; null for a line that is not UTF-8. */
  private static List<String> lines(byte[] bytes) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        if (i > from || i < bytes.length) {
          try {
            out.add(StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes, from, i - from)).toString());
          } catch (java.nio.charset.CharacterCodingException e) {
            out.add(null);
          }
        }
        from = i + 1;
      }
    }
    return out;
  }

  /** A file's entries, and how many of its lines were not whole entries. */
  record Read(List<Entry> entries, int damaged) {}

  /**
   * A file's entries, skipping any line that is not a whole entry (a write cut off by a crash or
   * a full disk): each entry has its own id, so the others stand on their own.
   */
  static Read read(Path file) throws IOException {
    List<Entry> out = new ArrayList<>();
    int damaged = 0;
    for (String line : lines(Files.readAllBytes(file))) {
      if (line == null) {
        damaged++; // not UTF-8 (a write cut inside a character): this line alone is lost
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      // a cut-off line followed by a whole entry on the same line: the entry is the last '{"'
      try {
        out.add(SpoolCodec.entry(line));
      } catch (IOException e) {
        int at = line.lastIndexOf("{\"session\"");
        try {
          if (at <= 0) {
            throw e;
          }
          out.add(SpoolCodec.entry(line.substring(at)));
        } catch (IOException again) {
          // not even the tail is whole
        }
        damaged++;
      }
    }
    return new Read(out, damaged);
  }
}
