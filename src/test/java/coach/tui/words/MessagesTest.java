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
  void recentWordsAreExactlyWhatMessageFormatSaysForEveryKeyAndLanguage() {
    for (Language language : Language.values()) {
      Messages m = Messages.of(language);
      java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle(Messages.BUNDLE,
          language.locale(), java.util.ResourceBundle.Control.getNoFallbackControl(
              java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
      for (String key : java.util.Collections.list(bundle.getKeys())) {
        java.text.MessageFormat plain = new java.text.MessageFormat(bundle.getString(key),
            language.locale());
        int n = plain.getFormatsByArgumentIndex().length;
        for (int value : new int[] {0, 1, 2, 12, 1000, 12345}) {
          Object[] args = new Object[n];
          for (int i = 0; i < n; i++) {
            // a number where the pattern formats one, else a word
            args[i] = plain.getFormatsByArgumentIndex()[i] == null && i % 2 == 1 ? "w" + value
                : (Object) (value + i);
          }
          for (int again = 0; again < 2; again++) { // the second time from the recent texts
            assertEquals(plain.format(args), m.get(key, args), key + " " + language);
          }
        }
      }
    }
  }

  @Test
  void anArgumentThatCanChangeIsFormattedAnewEachTime() {
    Messages m = Messages.english();
    StringBuilder name = new StringBuilder("Ann");
    String first = m.get("footer.adjust", name);
    name.append("e");
    assertEquals("Ann adjust", first);
    assertEquals("Anne adjust", m.get("footer.adjust", name));
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
