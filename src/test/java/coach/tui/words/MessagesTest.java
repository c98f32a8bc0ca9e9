package coach.tui.words;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void theSameWordsComeBackForTheSameArgumentsAndNewOnesForNewArguments() {
    Messages m = Messages.english();
    Messages fresh = Messages.english();
    for (int round = 0; round < 3; round++) {
      for (int sets = 0; sets < 300; sets++) { // more than a screen shows, asked again
        String dose = m.get("intro.dose", sets, 5);
        assertEquals(fresh.get("intro.dose", sets, 5), dose);
      }
    }
    assertEquals("1 set x 5 reps", m.get("intro.dose", 1, 5));
    assertEquals("2 sets x 1 rep", m.get("intro.dose", 2, 1));
    assertEquals("1,000 sets x 5 reps", m.get("intro.dose", 1000, 5));
    assertEquals("1,000 sets x 5 reps", m.get("intro.dose", 1000L, 5));
  }

  @Test
  void eachLanguageKeepsItsOwnWords() {
    Messages en = Messages.of(Language.ENGLISH);
    Messages es = Messages.of(Language.SPANISH);
    assertEquals("1 set x 5 reps", en.get("intro.dose", 1, 5));
    assertEquals(es.get("intro.dose", 1, 5), Messages.of(Language.SPANISH).get("intro.dose", 1,
        5));
    assertEquals(false, en.get("intro.dose", 1, 5).equals(es.get("intro.dose", 1, 5)));
  }
}
