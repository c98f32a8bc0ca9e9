package coach.tui.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code that draws screens holds no sentence of its own: every word a person reads comes from
 * the bundle. A string literal there may be a key, a separator, a glyph or a format; one with a
 * blank and a word in it is a sentence that belongs in messages.properties.
 */
class NoSentencesInViewsTest {
  private static final Path MAIN = Path.of("src/main/java/coach");
  /** A blank, and a word of two or more letters: "stopped for pain", "Enter start", "x reps". */
  private static final Pattern SENTENCE = Pattern.compile("(?s)(?=.*\\s)(?=.*\\p{L}{2,}).*");

  /** The files that draw what a session's person reads. */
  static List<Path> drawingSources() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> views = Files.list(MAIN.resolve("tui/view"))) {
      views.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
    }
    files.add(MAIN.resolve("tui/NotSaved.java"));
    files.add(MAIN.resolve("kiosk/KioskApp.java"));
    return files;
  }

  @Test
  void viewsHoldNoLiteralSentences() throws IOException {
    List<String> sentences = new ArrayList<>();
    for (Path file : drawingSources()) {
      for (JavaLiterals.Literal l : JavaLiterals.of(file)) {
        if (SENTENCE.matcher(l.text()).matches()) {
          sentences.add(l.toString());
        }
      }
    }
    assertEquals(List.of(), sentences, "move these into messages.properties");
  }

  @Test
  void theScanFindsASentenceWhereThereIsOne() throws IOException {
    Path tmp = Files.createTempFile("View", ".java");
    try {
      Files.writeString(tmp, "class View {\n  // a comment \"not a literal\"\n"
          + "  String k = \"pain.question\"; String sep = \" \\u00b7 \";\n"
          + "  String s = \"Press Enter when done\";\n}\n");
      List<String> found = JavaLiterals.of(tmp).stream()
          .filter(l -> SENTENCE.matcher(l.text()).matches()).map(JavaLiterals.Literal::text)
          .toList();
      assertEquals(List.of("Press Enter when done"), found);
      assertTrue(JavaLiterals.of(tmp).stream().anyMatch(l -> l.text().equals(" \u00b7 ")));
    } finally {
      Files.delete(tmp);
    }
  }
}
