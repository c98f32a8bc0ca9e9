package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.store.AlertKind;
import coach.tui.ClinicBoard;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every kind of alert has words of its own in each bundle, and the command line uses them. */
class AlertWordsTest {
  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = AlertWordsTest.class.getResourceAsStream("/" + name + ".properties")) {
      assertTrue(in != null, name + " is on the class path");
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyKindHasWordsOfItsOwnInEnglishAndSpanish() throws IOException {
    for (String name : new String[] {"messages", "messages_es"}) {
      Properties words = bundle(name);
      Set<String> seen = new HashSet<>();
      for (AlertKind k : AlertKind.values()) {
        String w = words.getProperty(ClinicBoard.kindKey(k));
        assertTrue(w != null && !w.isBlank(), name + " has no words for " + k);
        assertTrue(seen.add(w), name + ": " + k + " says the same as another kind: " + w);
      }
    }
  }

  @Test
  void theSameDayKindsInWords() {
    assertEquals("symptoms spread", AlertWords.of(AlertKind.SYMPTOMS_SPREAD));
    assertEquals("session stopped for today", AlertWords.of(AlertKind.STOPPED_FOR_TODAY));
    for (AlertKind k : AlertKind.values()) {
      assertFalse(AlertWords.of(k).contains("board.kind"), k.name());
    }
  }
}
