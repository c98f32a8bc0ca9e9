package coach.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The key map is what the keys do: on every screen and overlay, each key the footer lists does
 * something (changes the state or asks for an effect), and each key that does something is
 * listed, or is one of {@link KeyMap#ALWAYS_KEYS}. Walked at random from every kind of start,
 * until every screen and overlay was seen.
 */
class KeyMapTest {
  /** Every key the terminal can hand a session. */
  private static final List<Event> KEYS = keys();

  private static List<Event> keys() {
    List<Event> out = new ArrayList<>(List.of(Event.Key.values()));
    for (int d = 0; d <= 9; d++) {
      out.add(new Event.Digit(d));
    }
    out.add(new Event.Typed('x'));
    return List.copyOf(out);
  }

  private static Routine sciatica() {
    LoadResult r = new RoutineCatalog(Path.of("no-such-folder"), Path.of(".")).find("sciatica");
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  /** The starts that lead to every screen: fresh, locked, after a red flag, resumed, ... */
  private static List<StartOptions> starts(Routine r) {
    String first = r.exercises().get(0).id();
    String second = r.exercises().get(1).id();
    return List.of(
        StartOptions.fresh(),
        StartOptions.fresh().withGate(new StartOptions.Gate(new StartOptions.Lockout(
            Instant.parse("2026-01-10T10:05:00Z"), null, null), null, null, false)),
        StartOptions.fresh().withGate(new StartOptions.Gate(null,
            Instant.parse("2026-01-09T10:05:00Z"), "bladder", false)),
        StartOptions.fresh().withGate(new StartOptions.Gate(null, null, null, true)),
        new StartOptions(Map.of(first, 1, second, 1), true, List.of(first, second),
            new StartOptions.ResumePoint(1, 1, 0)),
        new StartOptions(Map.of(first, 1), true, List.of(first), null));
  }

  @Test
  void everyListedKeyDoesSomethingAndEveryKeyThatDoesSomethingIsListed() {
    Set<Screen> screens = EnumSet.noneOf(Screen.class);
    Set<Overlay> overlays = EnumSet.noneOf(Overlay.class);
    Set<String> seen = new HashSet<>();
    List<String> wrong = new ArrayList<>();
    Random random = new Random(30);
    for (Routine routine : List.of(sciatica(), TestRoutines.twoExercises())) {
      for (StartOptions start : starts(routine)) {
        for (int walk = 0; walk < 40; walk++) {
          Driver d = new Driver(routine, start,
              walk % 2 == 0 ? KeyMap.YesKey.Y : KeyMap.YesKey.Y_OR_S);
          boolean left = false;
          for (int step = 0; step < 400 && !left; step++) {
            screens.add(d.state.screen());
            overlays.add(d.state.overlay());
            if (seen.add(d.state.toString())) {
              wrong.addAll(check(d));
            }
            left = next(d, random).contains(new Effect.Exit());
          }
        }
      }
    }
    assertEquals(List.of(), wrong.stream().distinct().limit(20).toList());
    assertEquals(EnumSet.allOf(Screen.class), screens, "the walk saw every screen");
    assertEquals(EnumSet.allOf(Overlay.class), overlays, "and every overlay");
  }

  /** What is wrong with the key map in the driver's state now. */
  private static List<String> check(Driver d) {
    SessionState s = d.state;
    long now = d.clock.nanoTime();
    List<KeyMap.Binding> bindings = d.coach.keys(s);
    List<String> wrong = new ArrayList<>();
    String where = s.screen() + "/" + s.overlay() + " choice " + s.choice() + ": ";
    Set<Event> bound = new HashSet<>();
    Set<KeyMap.Label> labelsThatAct = EnumSet.noneOf(KeyMap.Label.class);
    Set<KeyMap.Label> labels = new LinkedHashSet<>();
    for (KeyMap.Binding b : bindings) {
      if (!bound.add(b.key())) {
        wrong.add(where + b.key() + " is bound twice");
      }
      if (b.label() != null) {
        labels.add(b.label());
      }
    }
    for (Event key : KEYS) {
      Transition t = d.coach.update(s, key, now);
      boolean acts = !t.state().equals(s) || !t.effects().isEmpty();
      KeyMap.Binding b = bindings.stream().filter(x -> x.key().equals(key)).findFirst()
          .orElse(null);
      if (acts && b == null) {
        wrong.add(where + key + " does something but has no binding");
      } else if (acts && b.label() == null && !KeyMap.ALWAYS_KEYS.contains(key)) {
        wrong.add(where + key + " does something but is not listed");
      } else if (acts) {
        if (b.label() != null) {
          labelsThatAct.add(b.label());
        }
      } else if (b != null && b.label() == null) {
        wrong.add(where + key + " is bound, unlisted, and does nothing");
      }
    }
    for (KeyMap.Label label : labels) {
      if (!labelsThatAct.contains(label)) {
        wrong.add(where + "the footer lists " + label + " but none of its keys does anything");
      }
    }
    return wrong;
  }

  /**
   * A step as a person might take it: mostly onward, sometimes any key, sometimes waiting;
   * returns its effects.
   */
  private static List<Effect> next(Driver d, Random random) {
    OptionalLong wake = d.coach.nextWake(d.state, d.clock.nanoTime());
    int roll = random.nextInt(100);
    if (wake.isPresent() && roll < 40) {
      d.clock.advanceNanos(Math.max(0, wake.getAsLong() - d.clock.nanoTime()));
      return d.send(new Event.Tick());
    } else if (roll < 70) {
      Event[] onward = {Event.Key.CONFIRM, Event.Key.NO, Event.Key.DOWN,
        new Event.Digit(random.nextInt(10))};
      return d.send(onward[random.nextInt(onward.length)]);
    }
    return d.send(KEYS.get(random.nextInt(KEYS.size())));
  }

  /** Where yes is "sí", s answers yes on a yes/no question, and on an exercise still skips. */
  @Test
  void sAnswersYesOnlyOnYesNoQuestionsWhereYesIsSi() {
    Driver es = new Driver(sciatica(), StartOptions.fresh(), KeyMap.YesKey.Y_OR_S);
    es.press(Event.Key.CONFIRM);
    assertEquals(Screen.SCREENING, es.state.screen());
    es.press(Event.Key.SKIP);
    assertEquals(Screen.URGENT, es.state.screen(), "s: yes to the first red flag");
    assertEquals(List.of(new Effect.RecordRedFlag("bowel-bladder")),
        es.effectsOf(Effect.RecordRedFlag.class));

    Driver skip = new Driver(sciatica(), StartOptions.fresh(), KeyMap.YesKey.Y_OR_S)
        .throughScreening().rate(1, 0);
    assertEquals(Screen.INTRO, skip.state.screen());
    skip.press(Event.Key.SKIP);
    assertEquals(1, skip.state.exercise(), "s on an exercise still skips it");
    skip.press(Event.Key.QUIT, Event.Key.SKIP);
    assertEquals(Outcome.QUIT, skip.state.outcome(), "s: yes, end the session");

    Driver en = new Driver(sciatica());
    en.press(Event.Key.CONFIRM);
    SessionState asked = en.state;
    en.press(Event.Key.SKIP);
    assertEquals(asked, en.state, "in English s is no answer");
    en.press(Event.Key.YES);
    assertEquals(Screen.URGENT, en.state.screen(), "y: yes");
  }

  @Test
  void theWelcomeOfTheKeyMapIsTheWelcomeScreensKeys() {
    Driver d = new Driver(sciatica());
    assertEquals(KeyMap.welcome(), d.coach.keys(d.state));
  }

  @Test
  void onlyTheAlwaysKeysMayGoUnlisted() {
    assertNotNull(new KeyMap.Binding(Event.Key.QUIT, KeyMap.Action.LEAVE, null, KeyMap.QUIT));
    try {
      new KeyMap.Binding(Event.Key.SKIP, KeyMap.Action.SKIP_SET, null, KeyMap.OTHER);
    } catch (IllegalArgumentException expected) {
      return;
    }
    throw new AssertionError("an unlisted s was accepted");
  }
}
