package coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.kiosk.KioskApp;
import coach.session.Effect;
import coach.session.Event;
import coach.session.Reason;
import coach.tui.App;
import coach.tui.ManualClock;
import coach.tui.SessionLoop;
import coach.tui.view.Style;
import coach.tui.words.Language;
import coach.tui.words.Messages;
import coach.tui.words.Reasons;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Java 17 has pattern matching for switch only as a preview, so the code keeps its chains of
 * instanceof over the sealed families: the events, the effects, the reasons, the history's
 * entries. Each family's types are named here with the places that handle them, so a new type
 * fails this test until those places were looked at; where a chain can be run, it is run for an
 * instance of every type.
 */
class SealedFamiliesTest {
  /** Each family, its types, and where a new type must be handled. */
  private static final Map<String, List<String>> FAMILIES = Map.of(
      "coach.session.Event", List.of("Digit", "Interrupt", "Key", "Tick", "Typed", "Window"),
      "coach.session.Effect", List.of("Bell", "Exit", "RecordClearance", "RecordContactShown",
          "RecordNextMorning", "RecordProgress", "RecordRating", "RecordRedFlag",
          "RecordSeriousSigns", "RecordStopForToday", "RecordSwitch", "ResumeAnswered",
          "SessionEnded"),
      "coach.session.Reason", List.of("AtEasiest", "Easier", "EasiestToday", "HarderTaken",
          "HighStartEasier", "HighStartStop", "MorningWorse", "StopToday", "Stopped"),
      "coach.store.Entry", List.of("Begin", "End", "EventEntry", "Progress", "RatingEntry",
          "Settle"));

  private static final Map<String, String> WHERE = Map.of(
      "coach.session.Event", "Coach.update, KioskApp.update, SessionLoop.whileUnsaved",
      "coach.session.Effect", "SessionLoop.carryOut and endUndrawn (Bell and Exit are the"
          + " terminal's), KioskApp.forward, the recorder (store/SessionEntries.of),"
          + " CoachSession.forTheClinician",
      "coach.session.Reason", "tui/words/Reasons.text, ReasonCode (its code),"
          + " PainCheck.applyStop",
      "coach.store.Entry", "store: EntrySql, SpoolCodec, SessionEntries.saved, the"
          + " recorders' ends");

  @Test
  void eachSealedFamilyHasTheTypesItsChainsHandle() throws Exception {
    for (Map.Entry<String, List<String>> family : FAMILIES.entrySet()) {
      Set<String> types = new TreeSet<>();
      for (Class<?> c : Class.forName(family.getKey()).getPermittedSubclasses()) {
        types.add(c.getSimpleName());
      }
      assertEquals(new TreeSet<>(family.getValue()), types, family.getKey() + " changed: handle"
          + " each new type in " + WHERE.get(family.getKey()) + ", then name it here");
    }
  }

  @Test
  void everyReasonHasWordsInEveryLanguage() {
    for (Class<?> type : Reason.class.getPermittedSubclasses()) {
      Reason r = (Reason) sample(type);
      for (Language language : Language.values()) {
        String text = Reasons.text(Messages.of(language), r, null, List.of());
        assertFalse(text.isBlank() || text.contains("{"), type + " in " + language + ": " + text);
      }
    }
  }

  /** An instance of every effect, the exit last (a kiosk of one session looks no further). */
  private static List<Effect> everyEffect() {
    List<Effect> all = new ArrayList<>();
    for (Class<?> type : Effect.class.getPermittedSubclasses()) {
      if (type != Effect.Exit.class) {
        all.add((Effect) sample(type));
      }
    }
    all.add(new Effect.Exit());
    return all;
  }

  /** What is not the terminal's own (the bell, leaving) is for the history. */
  private static List<Effect> forTheHistory(List<Effect> effects) {
    return effects.stream().filter(e -> !(e instanceof Effect.Bell)
        && !(e instanceof Effect.Exit)).toList();
  }

  @Test
  @Timeout(10)
  void theLoopRingsTheBellLeavesAndHandsEveryOtherEffectToTheHistory() throws Exception {
    List<Effect> all = everyEffect();
    List<Effect> saved = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger bells = new AtomicInteger();
    DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
    terminal.addVirtualTerminalListener(new com.googlecode.lanterna.terminal.virtual
        .VirtualTerminalListener() {
      @Override
      public void onFlush() {}

      @Override
      public void onBell() {
        bells.incrementAndGet();
      }

      @Override
      public void onClose() {}

      @Override
      public void onResized(com.googlecode.lanterna.terminal.Terminal t, TerminalSize s) {}
    });
    SessionLoop loop = new SessionLoop(terminal, emitting(all), new ManualClock().withoutWakes(),
        false, saved::add, 20, 10).withoutKeyboard();
    loop.post(Event.Key.CONFIRM);
    loop.run(); // ends with the exit, after every effect was carried out
    assertEquals(forTheHistory(all), saved);
    assertEquals(1, bells.get());
  }

  @Test
  void aKioskHandsEveryEffectOfItsSessionToTheHistoryButTheTerminals() throws Exception {
    List<Effect> all = everyEffect();
    List<Effect> saved = new ArrayList<>();
    ManualClock clock = new ManualClock();
    KioskApp kiosk = KioskApp.single(clock, Duration.ofMinutes(5), new Style(false, false),
        "Routine", "P-1", patient -> new KioskApp.Begun(emitting(all), saved::add));
    List<Effect> out = kiosk.update(Event.Key.CONFIRM, clock.nanoTime());
    assertEquals(forTheHistory(all), saved);
    assertEquals(List.of(new Effect.Bell(), new Effect.Exit()), out);
  }

  /** An app that hands back the given effects for Enter. */
  private static App emitting(List<Effect> effects) {
    return new App() {
      @Override
      public List<Effect> update(Event event, long now) {
        return event == Event.Key.CONFIRM ? effects : List.of();
      }

      @Override
      public void draw(TextGraphics g, TerminalSize size) {}

      @Override
      public OptionalLong nextWakeNanos() {
        return OptionalLong.empty();
      }

      @Override
      public Messages words() {
        return Messages.english();
      }
    };
  }

  /** An instance of a record, an enum or a sealed type, its parts the plainest of their kind. */
  static Object sample(Class<?> type) {
    try {
      if (type == int.class || type == Integer.class) {
        return 1;
      } else if (type == long.class || type == Long.class) {
        return 1L;
      } else if (type == boolean.class || type == Boolean.class) {
        return false;
      } else if (type == char.class) {
        return 'a';
      } else if (type == String.class) {
        return "a";
      } else if (type == Instant.class) {
        return Instant.EPOCH;
      } else if (List.class.isAssignableFrom(type)) {
        return List.of();
      } else if (type.isEnum()) {
        return type.getEnumConstants()[0];
      } else if (type.isSealed()) {
        return sample(type.getPermittedSubclasses()[0]);
      } else if (type.isRecord()) {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(parts).map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
        Constructor<?> make = type.getDeclaredConstructor(types);
        make.setAccessible(true);
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
          args[i] = sample(types[i]);
        }
        return make.newInstance(args);
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot make a " + type, e);
    }
    throw new AssertionError("no sample of " + type);
  }

  @Test
  void theSamplesAreOfEveryType() {
    assertTrue(everyEffect().size() == Effect.class.getPermittedSubclasses().length);
  }
}
