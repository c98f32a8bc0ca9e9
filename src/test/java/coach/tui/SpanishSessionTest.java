package coach.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Event;
import coach.session.StartOptions;
import coach.tui.view.Style;
import coach.tui.words.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A session in Spanish, chosen as the run command chooses it (--lang es, or a Spanish locale):
 * every screen speaks Spanish, down to the boxes the loop draws, while the routine's own text
 * stays as its therapist wrote it.
 */
@Timeout(30)
class SpanishSessionTest {
  private static final Routine SCIATICA = load();

  private static Routine load() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  private static Pilot start(Language language) {
    return new Pilot(SCIATICA, StartOptions.fresh(), 80, 24,
        new Style(false, false, language));
  }

  @Test
  void aSpanishLocaleOrLangEsChoosesSpanish() {
    assertEquals(Language.SPANISH, Language.choose("es", Map.of("LANG", "C.UTF-8")));
    assertEquals(Language.SPANISH, Language.choose(null, Map.of("LANG", "es_ES.UTF-8")));
    assertEquals(Language.ENGLISH, Language.choose("en", Map.of("LANG", "es_ES.UTF-8")));
  }

  @Test
  void theScreensSpeakSpanishAndTheRoutineKeepsItsOwnWords() throws Exception {
    try (Pilot p = start(Language.choose(null, Map.of("LANG", "es_MX.UTF-8")))) {
      String welcome = p.screen();
      assertTrue(welcome.contains("Pulse Intro para empezar"), welcome);
      assertTrue(welcome.contains("Sciatica relief routine"), welcome); // the routine's title
      assertTrue(welcome.contains("This coach does not diagnose"), welcome); // its disclaimer
      p.press(Event.Key.CONFIRM);
      String screening = p.screen();
      assertTrue(screening.contains("Preguntas de seguridad (1 de 4)"), screening);
      assertTrue(screening.contains("bowel or bladder"), screening); // the routine's question
      p.press(Event.Key.NO, Event.Key.NO, Event.Key.NO, Event.Key.NO);
      assertTrue(p.screen().contains("¿cuánto le duele ahora mismo?"), p.screen());
      assertTrue(p.screen().contains("sin dolor"), p.screen());
      p.press(new Event.Digit(1), Event.Key.DOWN, Event.Key.CONFIRM);
      String intro = p.screen();
      assertTrue(intro.contains("Cat/Camel series"), intro);
      assertTrue(intro.contains("3 series x 5 repeticiones"), intro);
      assertTrue(intro.contains("Round your back up toward the ceiling"), intro); // its cue
      p.press(Event.Key.CONFIRM).advance(3);
      assertTrue(p.screen().contains("Serie 1 de 3 - Repetición 1 de 5"), p.screen());
      p.advance(40);
      p.press(new Event.Digit(4), Event.Key.CONFIRM);
      String change = p.screen().replaceAll("\\s+", " ");
      assertTrue(change.contains("Vamos a hacerlo más fácil"), change);
      assertTrue(change.contains("Dolor de 1 a 4: de «Cat/Camel on hands and knees» a la"
          + " versión más fácil «Small-range Cat/Camel on hands and knees»"), change);
      p.press(Event.Key.QUIT);
      assertTrue(p.screen().contains("¿Terminar la sesión ahora?"), p.screen());
      p.press(Event.Key.YES);
      String summary = p.screen();
      assertTrue(summary.contains("Resumen: terminada antes de tiempo"), summary);
      assertTrue(summary.contains("Más fácil: Dolor de 1 a 4"), summary);
      assertFalse(summary.contains("Session summary"), summary);
    }
  }

  /**
   * On a Spanish yes/no question s (sí) answers yes, and the hint and the footer say so; y still
   * works; on an exercise s still skips.
   */
  @Test
  void sAnswersYesOnASpanishQuestionAndStillSkipsAnExercise() throws Exception {
    try (Pilot p = start(Language.SPANISH)) {
      p.press(Event.Key.CONFIRM);
      String asked = p.screen();
      assertTrue(asked.contains("Pulse s para sí o n para no."), asked);
      assertTrue(asked.contains(" s sí · n no "), asked);
      p.press(Event.Key.NO, Event.Key.NO, Event.Key.NO, Event.Key.NO);
      p.press(new Event.Digit(1), Event.Key.DOWN, Event.Key.CONFIRM);
      assertTrue(p.screen().contains("Cat/Camel series"), p.screen());
      p.press(Event.Key.SKIP);
      assertTrue(p.screen().contains("Sciatic nerve glide"), "s skipped: " + p.screen());
      p.press(Event.Key.QUIT);
      assertTrue(p.screen().contains("s terminar la sesión"), p.screen());
      p.press(Event.Key.SKIP);
      assertTrue(p.screen().contains("Resumen: terminada antes de tiempo"), p.screen());
    }
    try (Pilot p = start(Language.SPANISH)) {
      p.press(Event.Key.CONFIRM, Event.Key.YES);
      assertTrue(p.screen().contains("busque ayuda médica urgente"), "y: yes too: " + p.screen());
    }
  }

  /** Each language's answer keys are the letter its yes key names ({@code keys.yes}). */
  @Test
  void theYesKeysNamedOnScreenAreTheLetterThatAnswersYes() {
    for (Language language : Language.values()) {
      coach.tui.words.Messages m = coach.tui.words.Messages.of(language);
      String letter = m.get("keys.yes") + " ";
      for (String key : List.of("footer.yes", "footer.resume.yes", "footer.quit.yes",
          "resume.hint.yes", "offer.hint.yes")) {
        assertTrue(m.get(key).startsWith(letter), language + " " + key + ": " + m.get(key));
      }
    }
    assertEquals(coach.session.KeyMap.YesKey.Y_OR_S,
        Keys.yesKey(coach.tui.words.Messages.of(Language.SPANISH)));
    assertEquals(coach.session.KeyMap.YesKey.Y,
        Keys.yesKey(coach.tui.words.Messages.of(Language.ENGLISH)));
  }

  @Test
  void theLoopsOwnNoticesSpeakSpanishToo() throws Exception {
    try (Pilot p = start(Language.SPANISH)) {
      p.resize(30, 10);
      assertTrue(p.screen().contains("Agrande la ventana, por favor"), p.screen());
      p.resize(80, 24);
      p.press(Event.Key.CONFIRM, Event.Key.NO, Event.Key.NO, Event.Key.NO, Event.Key.NO);
      p.diskFull = true;
      p.press(new Event.Digit(2), Event.Key.DOWN, Event.Key.CONFIRM);
      String s = p.screen();
      assertTrue(s.contains("Aún no está guardado"), s);
      assertTrue(s.contains("El disco está lleno"), s);
      assertTrue(s.contains("Intro intentarlo de nuevo"), s);
      p.diskFull = false;
      p.press(Event.Key.CONFIRM);
      assertFalse(p.screen().contains("Aún no está guardado"), p.screen());
    }
  }
}
