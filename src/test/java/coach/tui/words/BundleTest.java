package coach.tui.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundles are complete: every key the code asks for is in the English bundle, every key of
 * the English bundle is used, and each value is a pattern MessageFormat reads as meant.
 */
class BundleTest {
  private static final Path MAIN = Path.of("src/main/java/coach");
  /** What a key looks like: dotted lower-camel words ("pain.scale.none"). */
  private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z]*(\\.[a-z][A-Za-z]*)+");

  static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BundleTest.class.getResourceAsStream("/" + name + ".properties")) {
      assertTrue(in != null, name + " is on the class path");
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  /** The source files that ask the bundle for words. */
  static List<Path> wordSources() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> all = Files.walk(MAIN)) {
      for (Path p : all.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String src = Files.readString(p, StandardCharsets.UTF_8);
        if (src.contains("Messages") || src.contains("words()")) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** Every key-like literal in the sources that ask for words. */
  static Set<String> keysInCode() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (Path p : wordSources()) {
      for (JavaLiterals.Literal l : JavaLiterals.of(p)) {
        if (KEY.matcher(l.text()).matches()) {
          keys.add(l.text());
        }
      }
    }
    return keys;
  }

  @Test
  void everyKeyTheCodeAsksForIsInTheEnglishBundle() throws IOException {
    Set<String> missing = new TreeSet<>(keysInCode());
    missing.removeAll(bundle("messages").stringPropertyNames());
    assertEquals(Set.of(), missing);
  }

  @Test
  void everyKeyOfTheEnglishBundleIsUsed() throws IOException {
    Set<String> unused = new TreeSet<>(bundle("messages").stringPropertyNames());
    unused.removeAll(keysInCode());
    assertEquals(Set.of(), unused);
  }

  @Test
  void everyLanguageHasEveryKeyAndNoOther() throws IOException {
    Set<String> english = bundle("messages").stringPropertyNames();
    for (Language l : Language.values()) {
      if (l == Language.ENGLISH) {
        continue;
      }
      Set<String> other = bundle("messages_" + l.tag()).stringPropertyNames();
      Set<String> missing = new TreeSet<>(english);
      missing.removeAll(other);
      Set<String> extra = new TreeSet<>(other);
      extra.removeAll(english);
      assertEquals(Set.of(), missing, l + " lacks these keys");
      assertEquals(Set.of(), extra, l + " has keys English lacks");
    }
  }

  /** The arguments a pattern uses: a translation that drops {0} would lose a number. */
  private static Set<String> arguments(String pattern) {
    Set<String> args = new TreeSet<>();
    java.util.regex.Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
    while (m.find()) {
      args.add(m.group(1));
    }
    return args;
  }

  @Test
  void everyTranslationUsesTheSameArguments() throws IOException {
    Properties english = bundle("messages");
    List<String> bad = new ArrayList<>();
    for (Language l : Language.values()) {
      Properties other = bundle(l == Language.ENGLISH ? "messages" : "messages_" + l.tag());
      for (String key : new TreeSet<>(english.stringPropertyNames())) {
        String v = other.getProperty(key, "");
        if (!arguments(english.getProperty(key)).equals(arguments(v))) {
          bad.add(l.tag() + " " + key + ": " + v);
        }
      }
    }
    assertEquals(List.of(), bad);
  }

  @Test
  void theSpanishBundleIsReadAsUtf8() {
    Messages es = Messages.of(Language.SPANISH);
    assertEquals("¿Cuánto le duele ahora mismo?", es.get("pain.question"));
    assertEquals("1 serie x 1 repetición", es.get("intro.dose", 1, 1));
    assertEquals("3 series x 10 repeticiones", es.get("intro.dose", 3, 10));
    assertEquals("Preguntas de seguridad (2 de 4)", es.get("screening.title", 2, 4));
  }

  @Test
  void englishIsEnglishWhateverTheMachinesOwnLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("es-ES"));
      assertEquals("How much does it hurt right now?",
          Messages.english().get("pain.question"));
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  @Test
  void everyValueIsAPatternWithItsApostrophesDoubled() throws IOException {
    for (Language l : Language.values()) {
      everyValueIsAPattern(l == Language.ENGLISH ? "messages" : "messages_" + l.tag());
    }
  }

  private static void everyValueIsAPattern(String name) throws IOException {
    Properties p = bundle(name);
    List<String> bad = new ArrayList<>();
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      String v = p.getProperty(key);
      // a single apostrophe starts a quoted part in MessageFormat and swallows what follows
      if (v.replace("''", "").contains("'")) {
        bad.add(key + ": a single apostrophe");
      }
      try {
        new MessageFormat(v);
      } catch (IllegalArgumentException e) {
        bad.add(key + ": " + e.getMessage());
      }
      if (!v.equals(v.strip())) {
        bad.add(key + ": blanks at an end");
      }
    }
    assertEquals(List.of(), bad, name);
  }

  @Test
  void pluralsAndApostrophesComeOutRight() {
    Messages m = Messages.english();
    assertEquals("1 set x 1 rep", m.get("intro.dose", 1, 1));
    assertEquals("3 sets x 10 reps", m.get("intro.dose", 3, 10));
    assertEquals("Let's make this easier", m.get("switch.title"));
    assertEquals("Safety check (2 of 4)", m.get("screening.title", 2, 4));
  }

  @Test
  void aMissingKeyShowsItselfInsteadOfStoppingTheSession() {
    assertEquals("no.such.key", Messages.english().get("no.such.key"));
  }
}
