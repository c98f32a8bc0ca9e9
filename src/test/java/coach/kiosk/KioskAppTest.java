package coach.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.app.CoachSession;
import coach.routine.LoadResult;
import coach.routine.RoutineLoader;
import coach.session.Coach;
import coach.session.Effect;
import coach.session.Event;
import coach.session.Outcome;
import coach.session.Screen;
import coach.store.HistoryStore;
import coach.store.SqliteHistoryStore;
import coach.tui.CoachApp;
import coach.tui.ManualClock;
import coach.tui.view.Style;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.BasicTextImage;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kiosk mode with a manual clock and a real history in a temporary folder. */
class KioskAppTest {
  private static final LoadResult SCIATICA = new RoutineLoader().load(
      Path.of("routines/sciatica.yaml"));
  private static final Duration IDLE = Duration.ofMinutes(10);

  @TempDir Path tmp;
  private final ManualClock clock = new ManualClock(1_000_000_000L);
  private SqliteHistoryStore store;
  private final List<String> begun = new ArrayList<>();
  private KioskApp kiosk;
  private final List<Effect> out = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    assertTrue(SCIATICA.ok());
    store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(tmp));
    kiosk = kiosk(null, code -> Set.of("P-1001", "quinn.s").contains(code) ? Optional.of(code)
        : Optional.empty());
  }

  private KioskApp kiosk(String fixed, java.util.function.Function<String, Optional<String>> codes) {
    return new KioskApp(clock, IDLE, new Style(false, false), "Sciatica relief routine", fixed,
        codes, patient -> {
          begun.add(patient);
          CoachSession.Planned p = CoachSession.plan(SCIATICA, store, patient,
              new Style(false, false));
          return new KioskApp.Begun(p.app(), p.sink());
        });
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  private void send(Event... events) {
    for (Event e : events) {
      out.addAll(kiosk.update(e, clock.nanoTime()));
    }
  }

  /** Keys as the terminal would deliver them, read the way the kiosk reads them now. */
  private void type(String s) {
    for (char c : s.toCharArray()) {
      Event e = kiosk.key(new KeyStroke(c, false, false));
      send(e);
    }
  }

  private void enter() {
    send(kiosk.key(new KeyStroke(KeyType.Enter)));
  }

  private void advance(Duration d) {
    clock.advance(d);
    send(new Event.Tick());
  }

  private String screen() {
    BasicTextImage img = new BasicTextImage(80, 24);
    kiosk.draw(img.newTextGraphics(), new TerminalSize(80, 24));
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < 24; r++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < 80; c++) {
        line.append(img.getCharacterAt(c, r).getCharacterString());
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Answers no to every safety question on screen: the signs of a serious cause before a first
   * session, then the red flags.
   */
  private void noRedFlags() {
    while (coachScreen() == Screen.SERIOUS_SIGNS || coachScreen() == Screen.SCREENING) {
      send(Event.Key.NO);
    }
  }

  /** Runs the timers, waking when the kiosk asks to, up to the next pain check. */
  private void untilPainCheck() {
    long last = clock.nanoTime();
    while (kiosk.inSession() && coachScreen() != Screen.PAIN) {
      clock.advanceNanos(kiosk.nextWakeNanos().getAsLong() - clock.nanoTime());
      send(new Event.Tick());
      assertTrue(clock.nanoTime() - last < 10 * 60 * Coach.SECOND, "stuck");
    }
    assertEquals(Screen.PAIN, coachScreen());
  }

  private Screen coachScreen() {
    assertTrue(kiosk.inSession());
    return ((CoachApp) currentApp()).state().screen();
  }

  private Object currentApp() {
    try {
      var f = KioskApp.class.getDeclaredField("current");
      f.setAccessible(true);
      return f.get(kiosk);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private List<HistoryStore.SessionRow> sessions(String patient) throws Exception {
    return store.sessions(patient, null, null);
  }

  @Test
  void lettersThatAreKeysElsewhereAreTypedIntoTheCode() throws Exception {
    assertTrue(screen().contains("Please type your patient code"), screen());
    type("quinn.s");
    assertEquals("quinn.s", kiosk.typed());
    assertTrue(screen().contains("Patient code: [quinn.s_"), screen());
    send(Event.Key.ERASE);
    type("s");
    enter();
    assertEquals(List.of("quinn.s"), begun);
    assertEquals(Screen.WELCOME, coachScreen());
    // in the session the same letter means quit again
    assertEquals(Event.Key.QUIT, kiosk.key(new KeyStroke('q', false, false)));
  }

  @Test
  void quittingSavesTheSessionAndBringsBackAnEmptyStartScreen() throws Exception {
    type("P-1001");
    enter();
    send(Event.Key.CONFIRM);
    noRedFlags();
    send(new Event.Digit(3), Event.Key.DOWN, Event.Key.CONFIRM);
    send(Event.Key.QUIT, Event.Key.YES);
    assertTrue(screen().contains("Session summary"), screen());
    send(Event.Key.CONFIRM);
    assertFalse(kiosk.inSession());
    assertFalse(out.stream().anyMatch(e -> e instanceof Effect.Exit), "the kiosk must not exit");
    String s = screen();
    assertTrue(s.contains("The last session was saved"), s);
    assertFalse(s.contains("P-1001"), "the start screen shows nobody's code: " + s);
    List<HistoryStore.SessionRow> rows = sessions("P-1001");
    assertEquals(1, rows.size());
    assertEquals(Outcome.QUIT, rows.get(0).outcome());
    assertEquals(3, store.ratings(rows.get(0).id()).get(0).rating().value());
  }

  @Test
  void tenMinutesWithoutAKeySavesTheSessionAndOffersToResumeNextTime() throws Exception {
    type("P-1001");
    enter();
    send(Event.Key.CONFIRM);
    noRedFlags();
    send(new Event.Digit(2), Event.Key.DOWN, Event.Key.CONFIRM);
    assertEquals(Screen.INTRO, coachScreen());
    // the first exercise begun (a session that never began one is not offered for resuming):
    // its first round rated, then no key at the next pain check
    send(Event.Key.CONFIRM);
    untilPainCheck();
    send(new Event.Digit(2), Event.Key.CONFIRM); // the symptoms as last time
    untilPainCheck();
    advance(Duration.ofMinutes(9).plusSeconds(59));
    assertTrue(kiosk.inSession(), "not idle yet");
    advance(Duration.ofSeconds(1));
    assertFalse(kiosk.inSession());
    assertTrue(screen().contains("no key was pressed"), screen());
    assertEquals(Outcome.INTERRUPTED, sessions("P-1001").get(0).outcome());
    // the wake-up for the idle check is asked for, so the loop need not poll
    type("P-1001");
    enter();
    send(Event.Key.CONFIRM);
    assertEquals(Screen.RESUME, coachScreen());
  }

  /** Over SSH a session's countdown seconds redraw only what ticks, as on a terminal of its own. */
  @Test
  void aSessionsCountdownTicksThroughTheKioskAndTheStartScreenNeverDoes() throws Exception {
    TerminalSize size = new TerminalSize(80, 24);
    BasicTextImage shown = new BasicTextImage(size);
    kiosk.draw(shown.newTextGraphics(), size);
    assertNull(kiosk.tickingAreas(size), "the start screen");
    type("P-1001");
    enter();
    send(Event.Key.CONFIRM);
    noRedFlags();
    send(new Event.Digit(1), Event.Key.DOWN, Event.Key.CONFIRM);
    assertNull(kiosk.tickingAreas(size), "a session not drawn yet");
    send(Event.Key.CONFIRM);
    advance(Duration.ofSeconds(3));
    assertEquals(Screen.REP, coachScreen());
    kiosk.draw(shown.newTextGraphics(), size);
    int partial = 0;
    for (int second = 0; second < 8; second++) {
      advance(Duration.ofSeconds(1));
      var areas = kiosk.tickingAreas(size);
      if (areas == null) { // a new phase: the whole frame, as the loop draws it
        shown = new BasicTextImage(size);
        kiosk.draw(shown.newTextGraphics(), size);
        continue;
      }
      partial++;
      for (var a : areas) {
        for (int y = a.y; y < a.yAndHeight; y++) {
          for (int x = a.x; x < a.xAndWidth; x++) {
            shown.setCharacterAt(x, y, com.googlecode.lanterna.TextCharacter.DEFAULT_CHARACTER);
          }
        }
      }
      kiosk.drawTicking(shown.newTextGraphics(), size);
      BasicTextImage whole = new BasicTextImage(size);
      kiosk.draw(whole.newTextGraphics(), size);
      assertEquals(text(whole), text(shown), "second " + second);
    }
    assertTrue(partial >= 5, partial + " of 8 seconds drawn by what ticks");
    assertNull(kiosk.tickingAreas(new TerminalSize(100, 30)), "another size");
    send(Event.Key.QUIT, Event.Key.YES);
    send(Event.Key.CONFIRM);
    assertFalse(kiosk.inSession());
    assertNull(kiosk.tickingAreas(size), "the session over");
  }

  private static String text(BasicTextImage img) {
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < img.getSize().getRows(); r++) {
      for (int c = 0; c < img.getSize().getColumns(); c++) {
        var ch = img.getCharacterAt(c, r);
        sb.append(ch.getCharacterString()).append(ch.getModifiers().isEmpty() ? "" : "*");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Test
  void aRunningTimerIsNotIdleButTheWaitAfterItIs() throws Exception {
    type("P-1001");
    enter();
    send(Event.Key.CONFIRM);
    noRedFlags();
    send(new Event.Digit(1), Event.Key.DOWN, Event.Key.CONFIRM);
    assertEquals(Screen.INTRO, coachScreen());
    send(Event.Key.CONFIRM); // get ready, then the reps run on their own
    long last = clock.nanoTime();
    while (kiosk.inSession() && coachScreen() != Screen.PAIN) {
      clock.advanceNanos(kiosk.nextWakeNanos().getAsLong() - clock.nanoTime());
      send(new Event.Tick());
      assertTrue(clock.nanoTime() - last < 10 * 60 * Coach.SECOND, "stuck");
    }
    assertEquals(Screen.PAIN, coachScreen(), "the set ran to its pain check without a key");
    long asked = clock.nanoTime();
    assertEquals(asked + IDLE.toNanos(), kiosk.nextWakeNanos().getAsLong());
    advance(Duration.ofMinutes(9));
    assertTrue(kiosk.inSession());
    advance(Duration.ofMinutes(1));
    assertFalse(kiosk.inSession());
  }

  @Test
  void unknownCodesAreRefusedAndFiveInARowMakeTheScreenWait() throws Exception {
    for (int i = 0; i < 4; i++) {
      type("P-999" + i);
      enter();
      assertTrue(screen().contains("not known here"), screen());
    }
    type("P-9995");
    enter();
    assertTrue(screen().contains("Please wait 30 seconds"), screen());
    type("P-1001");
    enter();
    assertFalse(kiosk.inSession(), "typing is ignored while the screen waits");
    assertEquals(clock.nanoTime() + KioskApp.LOCK_NANOS, kiosk.nextWakeNanos().getAsLong());
    advance(Duration.ofSeconds(30));
    type("P-1001");
    enter();
    assertTrue(kiosk.inSession());
    assertTrue(begun.equals(List.of("P-1001")), "no session for an unknown code: " + begun);
  }

  /**
   * The count of unknown codes goes on across connections: a kiosk that reconnects (a new start
   * screen under the same address or login) still waits, and shows it at once.
   */
  @Test
  void aWaitStartedOnOneConnectionHoldsOnTheNext() throws Exception {
    AtomicLong real = new AtomicLong();
    CodeGuesses shared = new CodeGuesses(real::get);
    kiosk.countGuessesWith(shared.guard(List.of("address 192.0.2.1")));
    for (int i = 0; i < 3; i++) {
      type("P-999" + i);
      enter();
    }
    kiosk = kiosk(null, code -> code.equals("P-1001") ? Optional.of(code) : Optional.empty())
        .countGuessesWith(shared.guard(List.of("address 192.0.2.1")));
    type("P-9993");
    enter();
    assertTrue(screen().contains("not known here"), screen());
    type("P-9994");
    enter();
    assertTrue(screen().contains("Please wait 30 seconds"), screen());
    real.addAndGet(10_000_000_000L);
    kiosk = kiosk(null, code -> code.equals("P-1001") ? Optional.of(code) : Optional.empty())
        .countGuessesWith(shared.guard(List.of("address 192.0.2.1")));
    assertTrue(screen().contains("Please wait 20 seconds"), "at once: " + screen());
    type("P-1001");
    enter();
    assertFalse(kiosk.inSession(), "typing is ignored while the wait runs");
    real.addAndGet(20_000_000_000L);
    advance(Duration.ofSeconds(20));
    type("P-1001");
    enter();
    assertTrue(kiosk.inSession());
  }

  @Test
  void aSpanishKioskSpeaksSpanishAndItsSessionsToo() throws Exception {
    Style es = new Style(false, false, coach.tui.words.Language.SPANISH);
    kiosk = new KioskApp(clock, IDLE, es, "Sciatica relief routine", null,
        code -> code.equals("P-1001") ? Optional.of(code) : Optional.empty(), patient -> {
          CoachSession.Planned p = CoachSession.plan(SCIATICA, store, patient, es);
          return new KioskApp.Begun(p.app(), p.sink());
        });
    assertTrue(screen().contains("Escriba su código de paciente"), screen());
    assertTrue(screen().contains("Código de paciente: [_"), screen());
    assertTrue(screen().contains("Intro empezar · Retroceso borrar · Esc vaciar"), screen());
    for (int i = 0; i < 5; i++) {
      type("P-999" + i);
      enter();
    }
    assertTrue(screen().contains("Espere 30 segundos"), screen());
    advance(Duration.ofSeconds(30));
    type("P-1001");
    enter();
    assertTrue(screen().contains("Pulse Intro para empezar"), screen());
    assertTrue(screen().contains("This coach does not diagnose"), "the routine's own words: "
        + screen());
  }

  @Test
  void aHalfTypedCodeIsClearedWhenLeftAlone() {
    type("P-10");
    assertEquals(clock.nanoTime() + IDLE.toNanos(), kiosk.nextWakeNanos().getAsLong());
    advance(IDLE);
    assertEquals("", kiosk.typed());
    assertTrue(kiosk.nextWakeNanos().isEmpty(), "nothing timed on an empty start screen");
    type("P/\u00e9 1");
    assertEquals("P1", kiosk.typed(), "only letters, digits, dot, dash and underscore");
  }

  @Test
  void aSignalEndsTheKioskAndSavesTheOpenSession() throws Exception {
    type("P-1001");
    enter();
    send(Event.Key.CONFIRM);
    send(new Event.Interrupt("SIGTERM"));
    assertTrue(out.stream().anyMatch(e -> e instanceof Effect.Exit));
    assertEquals(Outcome.INTERRUPTED, sessions("P-1001").get(0).outcome());
  }

  @Test
  void aPatientKnownFromTheLoginOnlyPressesEnter() throws Exception {
    kiosk = kiosk("alice", code -> Optional.empty());
    String s = screen();
    assertTrue(s.contains("Press Enter to begin"), s);
    assertFalse(s.contains("Patient code"), s);
    assertEquals(Event.Key.QUIT, kiosk.key(new KeyStroke('q', false, false)));
    send(Event.Key.QUIT);
    assertFalse(kiosk.inSession(), "q on the start screen neither starts nor ends anything");
    assertFalse(out.stream().anyMatch(e -> e instanceof Effect.Exit));
    enter();
    assertEquals(List.of("alice"), begun);
    send(Event.Key.QUIT, Event.Key.YES);
    assertTrue(screen().contains("Session summary"), screen());
    send(Event.Key.CONFIRM);
    assertFalse(kiosk.inSession());
    enter();
    assertEquals(List.of("alice", "alice"), begun, "back at the start, Enter begins again");
  }

  @Test
  void aCodeWhoseSessionIsRunningElsewhereIsToldSoAndNothingIsTouched() throws Exception {
    var elsewhere = store.begin("P-1001", "sciatica", "hash", java.util.Map.of());
    type("P-1001");
    enter();
    assertFalse(kiosk.inSession());
    String s = screen();
    assertTrue(s.contains("already running elsewhere"), s);
    assertEquals(1, sessions("P-1001").size(), "no second session was started");
    assertEquals(null, sessions("P-1001").get(0).outcome(), "the running one is left alone");
    elsewhere.apply(new Effect.SessionEnded(Outcome.COMPLETED));
    type("P-1001");
    enter();
    assertTrue(kiosk.inSession(), "once it ended, the patient can start");
  }
}
