package coach.tui.words;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The string literals of a Java source file, comments left out (enough Java for our sources). */
final class JavaLiterals {
  private JavaLiterals() {}

  /** A string literal and the line it starts on. */
  record Literal(Path file, int line, String text) {
    @Override
    public String toString() {
      return file.getFileName() + ":" + line + ": \"" + text + "\"";
    }
  }

  static List<Literal> of(Path file) {
    String src;
    try {
      src = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Literal> out = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (src.startsWith("//", i)) {
        while (i < src.length() && src.charAt(i) != '\n') {
          i++;
        }
      } else if (src.startsWith("/*", i)) {
        int end = src.indexOf("*/", i + 2);
        end = end < 0 ? src.length() : end + 2;
        line += count(src, i, end);
        i = end;
      } else if (src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        end = end < 0 ? src.length() : end;
        out.add(new Literal(file, line, src.substring(i + 3, end)));
        line += count(src, i, end);
        i = end + 3;
      } else if (c == '"' || c == '\'') {
        StringBuilder sb = new StringBuilder();
        int j = i + 1;
        while (j < src.length() && src.charAt(j) != c) {
          if (src.charAt(j) == '\\' && j + 1 < src.length()) {
            sb.append(src, j, j + 2);
            j += 2;
          } else {
            sb.append(src.charAt(j++));
          }
        }
        if (c == '"') {
          out.add(new Literal(file, line, unescape(sb.toString())));
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    return out;
  }

  private static int count(String s, int from, int to) {
    int n = 0;
    for (int k = from; k < to && k < s.length(); k++) {
      if (s.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\' && k + 1 < s.length()) {
        char n = s.charAt(++k);
        switch (n) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'u' -> {
            sb.append((char) Integer.parseInt(s.substring(k + 1, k + 5), 16));
            k += 4;
          }
          default -> sb.append(n);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
