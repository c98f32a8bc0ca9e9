package coach.tui.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which language the screens speak: --lang, else LC_ALL, LC_MESSAGES, LANG, else English. */
class LanguageTest {
  @Test
  void theOptionWins() {
    assertEquals(Language.SPANISH, Language.choose("es", Map.of("LC_ALL", "en_GB.UTF-8")));
    assertEquals(Language.ENGLISH, Language.choose("en", Map.of("LC_ALL", "es_ES.UTF-8")));
    assertEquals(Language.SPANISH, Language.choose("ES", Map.of()));
    assertEquals(Language.SPANISH, Language.choose("es-MX", Map.of()));
  }

  @Test
  void theLocaleIsReadAsPosixReadsIt() {
    assertEquals(Language.SPANISH, Language.choose(null, Map.of("LANG", "es_ES.UTF-8")));
    assertEquals(Language.ENGLISH, Language.choose(null, Map.of("LC_ALL", "C.UTF-8",
        "LANG", "es_ES.UTF-8")));
    assertEquals(Language.SPANISH, Language.choose(null, Map.of("LC_MESSAGES", "es_AR.UTF-8",
        "LANG", "en_US.UTF-8")));
    assertEquals(Language.SPANISH, Language.choose(null, Map.of("LC_ALL", "",
        "LC_MESSAGES", "es@euro")));
    assertEquals(Language.ENGLISH, Language.choose(null, Map.of("LANG", "fr_FR.UTF-8")));
    assertEquals(Language.ENGLISH, Language.choose(null, Map.of("LANG", "POSIX")));
    assertEquals(Language.ENGLISH, Language.choose(null, Map.of()));
  }

  @Test
  void anUnknownOptionSaysWhatIsAccepted() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Language.choose("fr\u001b[2J", Map.of()));
    assertEquals("--lang takes en or es, not \"fr[2J\"", e.getMessage());
  }
}
