package coach.routine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reading the files people write by hand (routines, contact cards, patients files) without
 * trusting them: only regular files (never a device, a pipe or a folder, even behind a link),
 * never more than the limit whatever the file system says its size is, and text that is UTF-8
 * with no control characters, each refusal at its real line and column.
 */
public final class FileText {
  private FileText() {}

  /** The bytes of a file, or why it could not be read (then bytes is null). */
  public record Read(byte[] bytes, Problem problem) {}

  /** Reads at most {@code max} bytes of a regular file; larger files are refused. */
  public static Read read(Path file, long max) {
    String name = file.toString();
    String unknown = unreachable(file);
    if (unknown != null) {
      return failed(name, unknown);
    }
    if (!Files.exists(file)) {
      return failed(name, Files.isSymbolicLink(file) ? "is a link to nothing" : "no such file");
    }
    if (Files.isDirectory(file)) {
      return failed(name, "is a folder, not a file");
    }
    if (!Files.isRegularFile(file)) {
      return failed(name, "is not a regular file (a device, a pipe or a socket); expected a"
          + " YAML or JSON file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (bytes.length > max) {
        return failed(name, "the file is larger than " + (max >= 1 << 20 ? (max >> 20) + " MB"
            : max + " bytes") + "; a file of ours is never this large");
      }
      return new Read(bytes, null);
    } catch (NoSuchFileException e) {
      return failed(name, "no such file");
    } catch (AccessDeniedException e) {
      return failed(name, "cannot be read (permission denied)");
    } catch (IOException e) {
      return failed(name, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Why it cannot be told whether this path is there, in a few words: "cannot be read
   * (permission denied)" when a folder on the way to it cannot be entered, "cannot be reached
   * (X is a file, not a folder)" when a part of the way is a file; null when it can be told,
   * and then {@link Files#exists} is the truth. A false from {@link Files#exists} alone means
   * "absent" or "could not look": only after this says null may a command say there is
   * nothing there.
   */
  public static String unreachable(Path path) {
    try {
      Files.readAttributes(path, BasicFileAttributes.class);
      return null;
    } catch (NoSuchFileException e) {
      return null;
    } catch (AccessDeniedException e) {
      return "cannot be read (permission denied)";
    } catch (FileSystemException e) {
      String onTheWay = notAFolderOnTheWay(path);
      if (onTheWay != null) {
        return onTheWay;
      }
      if (Files.isSymbolicLink(path)) {
        return null; // links that lead round in a loop: a link to nothing
      }
      return e.getReason() == null ? "cannot be read" : "cannot be read (" + e.getReason() + ")";
    } catch (IOException | SecurityException e) {
      return "cannot be read";
    }
  }

  /** "cannot be reached (X is a file, not a folder)" for the first such X on the way, else null. */
  private static String notAFolderOnTheWay(Path path) {
    for (Path p = path.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p)) {
        return null;
      }
      if (Files.exists(p)) {
        return "cannot be reached (" + p + " is a file, not a folder)";
      }
    }
    return null;
  }

  private static Read failed(String name, String message) {
    return new Read(null, new Problem(name, 0, 0, message));
  }

  /**
   * The first thing that makes these bytes something other than plain UTF-8 text: a NUL byte, a
   * byte sequence that is not UTF-8, or a control character (an escape, C1 or DEL; tabs and line
   * ends are fine), with its line and column (in characters); null when the text is plain.
   */
  public static Problem scan(String name, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        int[] pos = position(bytes, i);
        return new Problem(name, pos[0], pos[1],
            "this is not a text file (a NUL byte); expected YAML or JSON");
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      int[] pos = position(bytes, at);
      return new Problem(name, pos[0], pos[1], String.format("the byte 0x%02X is not UTF-8"
          + " text; save the file as UTF-8", bytes[at] & 0xff));
    }
    decoder.flush(out);
    out.flip();
    int line = 1;
    int col = 1;
    for (int i = 0; i < out.length(); i++) {
      char c = out.charAt(i);
      if (c == '\n') {
        line++;
        col = 1;
        continue;
      }
      boolean control = (c < 0x20 && c != '\t' && c != '\r') || c == 0x7f
          || (c >= 0x80 && c <= 0x9f);
      if (control) {
        return new Problem(name, line, col, String.format("a control character (U+%04X%s) in"
            + " the text; expected plain text", (int) c, c == 0x1b ? ", escape" : ""));
      }
      if (!Character.isLowSurrogate(c)) {
        col++;
      }
    }
    return null;
  }

  /** Line and column (in characters, counting each UTF-8 sequence once) of a byte offset. */
  static int[] position(byte[] bytes, int index) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < index && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        col = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        col++;
      }
    }
    return new int[] {line, col};
  }
}
