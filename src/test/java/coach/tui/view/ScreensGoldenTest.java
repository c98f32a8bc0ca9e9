package coach.tui.view;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.Routine;
import coach.session.Event;
import coach.session.Screen;
import coach.session.StartOptions;
import coach.tui.words.Language;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every screen rendered on Lanterna's virtual terminal and compared with the golden text under
 * src/test/resources/golden/. A screen that differs from its golden (or has none) is written beside
 * it as NAME.txt.new and the test fails; scripts/goldens review shows each old and new side by
 * side, and scripts/goldens accept NAME... (or --all) puts them in place. -Dgolden.update=true
 * writes every .new file without failing, to review a deliberate change at once.
 */
class ScreensGoldenTest {

  /** Each named moment of a session on the bundled routine. */
  static Map<String, Supplier<ScreenTour>> moments() {
    Map<String, Supplier<ScreenTour>> m = new LinkedHashMap<>();
    m.put("welcome", () -> new ScreenTour());
    // Thursday, sessions on Monday, Tuesday and today: a streak of 2, pain going down
    m.put("welcome-week", () -> new ScreenTour().withWeek(new Week(7,
        List.of(true, true, false, true, false, false, false), 3, 2, List.of(6, 5, 5, 4, 3))));
    m.put("resume", () -> new ScreenTour(new StartOptions(Map.of(), false, List.of(),
        new StartOptions.ResumePoint(1, 2, 1))).press(Event.Key.CONFIRM));
    m.put("screening", () -> new ScreenTour().toScreen(Screen.SCREENING).press(Event.Key.RIGHT));
    m.put("urgent", () -> new ScreenTour().toScreen(Screen.SCREENING).press(Event.Key.YES));
    m.put("next-morning", () -> new ScreenTour(new StartOptions(Map.of(), true, List.of(), null))
        .toScreen(Screen.NEXT_MORNING));
    m.put("offer-harder", () -> new ScreenTour(new StartOptions(Map.of("nerve-glide", 1), false,
        List.of("nerve-glide"), null)).toScreen(Screen.OFFER_HARDER));
    m.put("baseline", () -> new ScreenTour().toScreen(Screen.PAIN).press(new Event.Digit(3)));
    // the starting check with both answers given, on its one screen
    m.put("baseline-where", () -> new ScreenTour().toScreen(Screen.PAIN).press(new Event.Digit(3),
        Event.Key.DOWN, Event.Key.DOWN));
    m.put("high-pain", () -> new ScreenTour().toScreen(Screen.PAIN).press(new Event.Digit(8),
        Event.Key.DOWN, Event.Key.DOWN, Event.Key.DOWN, Event.Key.DOWN, Event.Key.CONFIRM));
    m.put("intro", () -> new ScreenTour().toScreen(Screen.INTRO));
    m.put("intro-glide", () -> {
      ScreenTour t = new ScreenTour().toScreen(Screen.INTRO).press(Event.Key.SKIP);
      return t;
    });
    m.put("good-news", () -> new ScreenTour().toScreen(Screen.PAIN).press(new Event.Digit(2),
        Event.Key.DOWN, Event.Key.DOWN, Event.Key.DOWN, Event.Key.DOWN, Event.Key.CONFIRM)
        .toScreen(Screen.PAIN).press(new Event.Digit(2), Event.Key.UP, Event.Key.CONFIRM));
    m.put("quit-summary", () -> new ScreenTour().toScreen(Screen.INTRO)
        .press(Event.Key.QUIT, Event.Key.YES));
    m.put("get-ready", () -> new ScreenTour().toScreen(Screen.GET_READY).advance(0.4));
    m.put("rep", () -> new ScreenTour().toScreen(Screen.REP).advance(5.2));
    m.put("pain-after-set", () -> new ScreenTour().toScreen(Screen.INTRO).toScreen(Screen.PAIN)
        .press(Event.Key.RIGHT));
    m.put("rest", () -> {
      ScreenTour t = new ScreenTour().toScreen(Screen.INTRO);
      for (int i = 0; i < 3; i++) {
        t.toScreen(Screen.PAIN).toScreen(Screen.GET_READY);
        if (t.state.screen() == Screen.REST) {
          break;
        }
      }
      return t.toScreen(Screen.REST).advance(2);
    });
    m.put("switch", () -> new ScreenTour().toScreen(Screen.INTRO).toScreen(Screen.PAIN)
        .press(new Event.Digit(5), Event.Key.CONFIRM));
    m.put("contact", () -> {
      ScreenTour t = new ScreenTour(new StartOptions(Map.of("cat-camel", 2), false, List.of(),
          null)).toScreen(Screen.INTRO).toScreen(Screen.PAIN);
      // a rise of 2 at the easiest level, inside the ceiling: the card, "Next exercise" marked
      return t.press(new Event.Digit(4), Event.Key.CONFIRM);
    });
    // 6 at the easiest level, above the ceiling: the red flags again, then stop for today
    m.put("stop-today", () -> new ScreenTour(new StartOptions(Map.of("cat-camel", 2), false,
        List.of(), null)).toScreen(Screen.INTRO).toScreen(Screen.PAIN)
        .press(new Event.Digit(6), Event.Key.CONFIRM)
        .toScreen(Screen.STOP_TODAY));
    m.put("locked", () -> new ScreenTour(StartOptions.fresh().withGate(new StartOptions.Gate(
        new StartOptions.Lockout(java.time.Instant.parse("2026-01-10T10:05:00Z"), null,
            new coach.session.Reason.StopToday(new coach.session.Rise(2, 8, true, 5, -1, -1),
                3, false)), null, null, false))).press(Event.Key.CONFIRM));
    m.put("locked-red-flag", () -> new ScreenTour(StartOptions.fresh().withGate(
        new StartOptions.Gate(new StartOptions.Lockout(
            java.time.Instant.parse("2026-01-10T10:05:00Z"), "bowel-bladder", null), null, null,
            false))).press(Event.Key.CONFIRM));
    m.put("clearance", () -> new ScreenTour(StartOptions.fresh().withGate(new StartOptions.Gate(
        null, java.time.Instant.parse("2026-01-09T10:05:00Z"), "bowel-bladder", false)))
        .press(Event.Key.CONFIRM));
    m.put("serious-signs", () -> new ScreenTour(StartOptions.fresh().withGate(
        new StartOptions.Gate(null, null, null, true))).press(Event.Key.CONFIRM));
    m.put("see-doctor", () -> new ScreenTour(StartOptions.fresh().withGate(
        new StartOptions.Gate(null, null, null, true))).press(Event.Key.CONFIRM, Event.Key.YES));
    // 5 after each set of Cat/Camel from a start of 2: easier, then 5 again is no new rise;
    // then the session ended with q
    m.put("summary-levels", () -> {
      ScreenTour t = new ScreenTour().toScreen(Screen.INTRO);
      for (int i = 0; i < 3; i++) {
        t.toScreen(Screen.PAIN).press(new Event.Digit(5), Event.Key.CONFIRM);
      }
      return t.press(Event.Key.QUIT, Event.Key.YES);
    });
    // the good news after a set, still said on the next set's reps
    m.put("rep-good-news", () -> new ScreenTour().toScreen(Screen.PAIN).press(new Event.Digit(2),
        Event.Key.DOWN, Event.Key.DOWN, Event.Key.DOWN, Event.Key.DOWN, Event.Key.CONFIRM)
        .toScreen(Screen.PAIN).press(new Event.Digit(2), Event.Key.UP, Event.Key.CONFIRM)
        .toScreen(Screen.REP).advance(1.2));
    m.put("pause", () -> new ScreenTour().toScreen(Screen.REP).advance(1).press(Event.Key.PAUSE));
    m.put("help", () -> new ScreenTour().toScreen(Screen.INTRO).press(Event.Key.HELP));
    m.put("quit", () -> new ScreenTour().toScreen(Screen.INTRO).press(Event.Key.QUIT));
    m.put("summary-with-earlier", () -> new ScreenTour(new StartOptions(
        Map.of("cat-camel", 2), false, List.of(), null, Map.of("cat-camel", List.of(5, 4, 3))))
        .toScreen(Screen.INTRO).toScreen(Screen.PAIN)
        .press(new Event.Digit(7), Event.Key.CONFIRM)
        .toScreen(Screen.SUMMARY)); // 7 at the easiest level: the session stops for today
    m.put("summary", () -> {
      ScreenTour t = new ScreenTour().toScreen(Screen.INTRO);
      while (t.state.screen() != Screen.SUMMARY) {
        if (t.state.screen() == Screen.INTRO) {
          t.press(Event.Key.SKIP);
        } else {
          t.toScreen(Screen.SUMMARY);
        }
      }
      return t;
    });
    return m;
  }

  @TestFactory
  List<DynamicTest> everyScreenMatchesItsGoldenText() {
    Style utf = new Style(false, false);
    return moments().entrySet().stream().flatMap(e -> List.of(
        DynamicTest.dynamicTest(e.getKey() + " 80x24",
            () -> Goldens.check(e.getKey() + "-80x24", e.getValue().get().render(80, 24, utf))),
        DynamicTest.dynamicTest(e.getKey() + " 40x12",
            () -> Goldens.check(e.getKey() + "-40x12", e.getValue().get().render(40, 12, utf))))
        .stream()).toList();
  }

  /** The same moments in Spanish: *-es-80x24.txt and *-es-40x12.txt. */
  @TestFactory
  List<DynamicTest> everyScreenInSpanishMatchesItsGoldenText() {
    Style es = new Style(false, false, Language.SPANISH);
    return moments().entrySet().stream().flatMap(e -> List.of(
        DynamicTest.dynamicTest(e.getKey() + " es 80x24",
            () -> Goldens.check(e.getKey() + "-es-80x24", e.getValue().get().render(80, 24, es))),
        DynamicTest.dynamicTest(e.getKey() + " es 40x12",
            () -> Goldens.check(e.getKey() + "-es-40x12", e.getValue().get().render(40, 12, es))))
        .stream()).toList();
  }

  @Test
  void aSixtyColumnWindowKeepsTheRedFlagAndHelpKeysAndWholeCues() throws IOException {
    Style utf = new Style(false, false);
    for (String name : List.of("pain-after-set", "rep", "welcome", "contact")) {
      String text = moments().get(name).get().render(60, 20, utf);
      Goldens.check(name + "-60x20", text);
      String footer = text.lines().reduce((a, b) -> b).orElse("");
      assertTrue(footer.contains("! red flag"), name + ": " + footer);
    }
    String pain = moments().get("pain-after-set").get().render(60, 20, utf);
    assertTrue(pain.lines().reduce((a, b) -> b).orElse("").contains("? help"), pain);
  }

  /**
   * The contact card at every size from the smallest to 120x40: either who and every way to
   * reach them, whole, or a request for a larger window; never a name without a way to reach
   * them, and never the booking offer. Both choices are always there.
   */
  @Test
  void theContactCardIsWholeOrAsksForALargerWindow() {
    Style utf = new Style(false, false);
    coach.routine.Contact k = ScreenTour.sciatica().contact();
    for (int w = Views.MIN_COLUMNS; w <= 120; w += 5) {
      for (int h = Views.MIN_ROWS; h <= 40; h += 2) {
        String text = moments().get("contact").get().render(w, h, utf);
        String flat = text.replaceAll("\\s+", " ");
        String size = w + "x" + h + "\n" + text;
        assertTrue(flat.contains("Next exercise") && flat.contains("End the session"), size);
        if (flat.contains("make the window larger")) {
          assertFalse(flat.contains("Contact:"), size);
          continue;
        }
        assertTrue(flat.contains("Contact: " + k.name()), size);
        assertTrue(flat.contains(k.email()), size);
        // a pain stop shows how to reach a person, never a booking offer (GUIDE section 3)
        assertFalse(flat.contains(k.booking().replaceAll("\\s+", " ")), size);
        assertTrue(w < 60 || h < 20 || !flat.contains("make the window larger"), size);
      }
    }
  }

  /**
   * The help window at every size: every key with its words whole (wrapped, never cut, never
   * over the border), or a request for a larger window.
   */
  @Test
  void theHelpWindowShowsEveryKeyWholeOrAsksForALargerWindow() {
    Style utf = new Style(false, false);
    for (int w = Views.MIN_COLUMNS; w <= 100; w += 4) {
      for (int h = Views.MIN_ROWS; h <= 30; h += 2) {
        String text = moments().get("help").get().render(w, h, utf);
        String size = w + "x" + h + "\n" + text;
        String inBox = text.lines().filter(l -> l.contains("\u2502"))
            .map(l -> l.substring(l.indexOf('\u2502') + 1, l.lastIndexOf('\u2502')).strip())
            .collect(java.util.stream.Collectors.joining(" ")).replaceAll("\\s+", " ");
        assertTrue(text.lines().anyMatch(l -> l.contains("\u2514\u2500")), size);
        if (inBox.contains("make the window larger")) {
          continue;
        }
        for (String words : List.of("confirm, or go on", "pause or resume the timer",
            "skip this set, rest or exercise", "this help", "end the session")) {
          assertTrue(inBox.contains(words), words + " at " + size);
        }
      }
    }
  }

  /** The rep screen of an exercise at a level, on its first rep, in the given phase. */
  private static ScreenTour repAt(int exercise, int level, int phase) {
    Routine routine = ScreenTour.sciatica();
    ScreenTour t = new ScreenTour(new StartOptions(
        Map.of(routine.exercises().get(exercise).id(), level), false, List.of(), null))
        .toScreen(Screen.INTRO);
    for (int i = 0; i < exercise; i++) {
      t.press(Event.Key.SKIP);
    }
    t.toScreen(Screen.REP);
    while (t.state.phase() < phase) {
      t.advance(1);
    }
    return t;
  }

  @TestFactory
  List<DynamicTest> everyLevelShowsItsDrawingBesideTheCueAt100x30And80x24() {
    Style utf = new Style(false, false);
    Routine routine = ScreenTour.sciatica();
    List<DynamicTest> tests = new java.util.ArrayList<>();
    for (int e = 0; e < routine.exercises().size(); e++) {
      coach.routine.Exercise ex = routine.exercises().get(e);
      for (int l = 0; l < ex.levels().size(); l++) {
        int exercise = e;
        int level = l;
        String name = "rep-" + ex.id() + "-" + ex.level(l).id();
        tests.add(DynamicTest.dynamicTest(name, () -> {
          List<coach.routine.Phase> phases = ex.level(level).phases();
          for (int p = 0; p < phases.size(); p++) {
            ScreenTour t = repAt(exercise, level, p);
            assertEquals(level, t.state.level(exercise), name);
            assertEquals(p, t.state.phase(), name);
            String wide = t.render(100, 30, utf);
            if (p == 0) {
              Goldens.check(name + "-100x30", wide);
            }
            String cue = phases.get(p).cue();
            assertTrue(wide.contains(cue.substring(0, Math.min(30, cue.length()))),
                name + "\n" + wide);
            assertDrawn(phases.get(p), wide, true, name);
            // another phase's drawing is never shown in this one
            for (int q = 0; q < phases.size(); q++) {
              if (q != p) {
                assertFalse(drawnAt(phases.get(q), wide), name + " phase " + q + "\n" + wide);
              }
            }
            // at 80x24 too, the cue wraps beside its drawing
            String small = t.render(80, 24, utf);
            if (p == 0) {
              Goldens.check(name + "-80x24", small);
            }
            assertTrue(small.contains(cue.substring(0, Math.min(20, cue.length()))),
                name + "\n" + small);
            assertDrawn(phases.get(p), small, true, name);
          }
        }));
      }
    }
    return tests;
  }

  @Test
  void theIntroShowsTheFirstPhasesDrawingWhenThereIsRoomAndDropsItWhenNot() throws IOException {
    Style utf = new Style(false, false);
    ScreenTour t = new ScreenTour().toScreen(Screen.INTRO);
    coach.routine.Phase first = t.coach.level(t.state).phases().get(0);
    String wide = t.render(100, 30, utf);
    Goldens.check("intro-100x30", wide);
    assertDrawn(first, wide, true, "intro");
    assertDrawn(first, t.render(80, 24, utf), true, "intro");
    assertDrawn(first, t.render(60, 20, utf), false, "intro");
    String ascii = t.render(100, 30, new Style(true, false));
    assertDrawn(first, ascii, true, "intro ascii");
  }

  /** Whether every line of the drawing stands on consecutive rows in the same column. */
  private static boolean drawnAt(coach.routine.Phase p, String screen) {
    List<String> rows = screen.lines().toList();
    List<String> d = p.drawing();
    for (int r = 0; r + d.size() <= rows.size(); r++) {
      int col = rows.get(r).indexOf(d.get(0));
      while (col >= 0) {
        boolean all = true;
        for (int i = 0; i < d.size() && all; i++) {
          String row = rows.get(r + i);
          String want = d.get(i);
          all = want.isBlank() ? row.length() <= col || row.substring(col,
              Math.min(row.length(), col + want.length())).isBlank()
              : row.length() >= col + want.length()
              && row.substring(col, col + want.length()).equals(want);
        }
        if (all) {
          return true;
        }
        col = rows.get(r).indexOf(d.get(0), col + 1);
      }
    }
    return false;
  }

  /** Drawn whole when {@code shown}; else not one of its distinctive lines is on screen. */
  private static void assertDrawn(coach.routine.Phase p, String screen, boolean shown,
      String name) {
    if (shown) {
      assertTrue(drawnAt(p, screen), name + ": the drawing is not whole on\n" + screen);
    } else {
      assertFalse(drawnAt(p, screen), name + ": the drawing is on\n" + screen);
      for (String line : p.drawing()) {
        // its lines of lines and figures (a word of it may stand in the cue too)
        if (line.strip().length() > 3 && !line.strip().matches("[A-Za-z ,.']+")) {
          assertFalse(screen.contains(line.strip()), name + ": a piece of the drawing ("
              + line.strip() + ") is on\n" + screen);
        }
      }
    }
  }

  @Test
  void asciiRepScreenUsesNoBoxOrBlockGlyphs() throws IOException {
    String text = moments().get("rep").get().render(80, 24, new Style(true, false));
    Goldens.check("rep-ascii-80x24", text);
    assertTrue(text.chars().allMatch(ch -> ch < 128), text);
  }

  @Test
  void everyScreenDrawsWithoutErrorAtTinyAndOddSizes() {
    for (var e : moments().entrySet()) {
      for (int[] size : new int[][] {{1, 1}, {2, 1}, {1, 5}, {10, 3}, {39, 11}, {200, 60}}) {
        ScreenTour t = e.getValue().get();
        assertDoesNotThrow(() -> drawDirect(t, size[0], size[1]),
            e.getKey() + " at " + size[0] + "x" + size[1]);
      }
    }
  }

  @Test
  void theWeekMarksDaysWithoutColourAndInAscii() {
    ScreenTour t = moments().get("welcome-week").get();
    String utf = t.render(80, 24, new Style(false, false));
    assertTrue(utf.contains("This week: 3 of 7 days \u00b7 2 days in a row"), utf);
    assertTrue(utf.contains("[Thu]"), utf);
    assertTrue(utf.contains("6 \u2192 5 \u2192 5 \u2192 4 \u2192 3 (going down)"), utf);
    String ascii = t.render(80, 24, new Style(true, false));
    assertTrue(ascii.chars().allMatch(ch -> ch < 128), ascii);
    assertTrue(ascii.contains("6 -> 5 -> 5 -> 4 -> 3 (going down)"), ascii);
    // a mark under Mon, Tue and Thu, none under Wed, nothing yet under Fri-Sun
    List<String> rows = ascii.lines().toList();
    int names = 0;
    while (!rows.get(names).contains("[Thu]")) {
      names++;
    }
    String marks = rows.get(names + 1);
    for (String day : List.of("Mon", "Tue", "[Thu]")) {
      int at = rows.get(names).indexOf(day) + day.length() / 2;
      assertEquals('x', marks.charAt(at), day + "\n" + ascii);
    }
    int wed = rows.get(names).indexOf("Wed") + 1;
    assertEquals('.', marks.charAt(wed), ascii);
    int fri = rows.get(names).indexOf("Fri");
    assertFalse(marks.length() > fri && marks.substring(fri).contains("x"), ascii);
  }

  @Test
  void theChosenRatingIsMarkedWithoutColour() {
    String text = moments().get("baseline").get().render(80, 24, new Style(false, false));
    assertTrue(text.contains("[3]"), text);
    assertTrue(text.contains("3 - mild"), text);
  }

  @Test
  void controlSequencesInRoutineTextNeverReachTheScreen() {
    // Built by hand: the loader refuses such text, so this is the drawing path's own defence.
    String evil = "\u001b[2J\u001b]0;owned\u0007\u009b31m\u202eevil\u0008\u007f";
    Routine clean = ScreenTour.sciatica();
    coach.routine.Exercise e = clean.exercises().get(0);
    coach.routine.Level l = e.level(0);
    coach.routine.Level hostile = new coach.routine.Level(l.id(), "Level" + evil, "Feel" + evil,
        List.of(new coach.routine.Phase("Cue" + evil, 3), new coach.routine.Phase("Next" + evil,
            3)));
    List<coach.routine.Level> levels = new java.util.ArrayList<>(e.levels());
    levels.set(0, hostile);
    coach.routine.Exercise bad = new coach.routine.Exercise(e.id(), "Name" + evil, e.frequency(),
        e.sets(), e.reps(), List.of("left" + evil), List.of("Focus" + evil), e.restSeconds(),
        levels, 0);
    Routine routine = new Routine(clean.id(), "Title" + evil, 1, null, "Disclaimer" + evil,
        new coach.routine.Contact("Who" + evil, "Role" + evil, "mail" + evil, null, null, null),
        clean.redFlags(), clean.painRule(), List.of(bad));
    Style style = new Style(false, false);
    List<String> drawn = new java.util.ArrayList<>();
    ScreenTour t = new ScreenTour(routine, StartOptions.fresh());
    drawn.add(t.render(80, 24, style));
    t.toScreen(Screen.INTRO);
    drawn.add(t.render(80, 24, style));
    t.toScreen(Screen.GET_READY);
    drawn.add(t.render(80, 24, style));
    t.toScreen(Screen.REP);
    drawn.add(t.render(80, 24, style));
    for (String text : drawn) {
      assertTrue(text.contains("Name") || text.contains("Title"), text);
      assertTrue(text.chars().noneMatch(c -> c < 0x20 && c != '\n' || c == 0x7f
          || (c >= 0x80 && c <= 0x9f) || c == 0x202e), text);
      assertFalse(text.contains("owned"), "an OSC title sequence leaked: " + text);
    }
    assertTrue(drawn.get(3).contains("Cue"), drawn.get(3));
    assertTrue(drawn.get(2).contains("Focus"), drawn.get(2));
  }

  /** Calls the views directly at any size (the loop would show "make the window larger"). */
  private static void drawDirect(ScreenTour t, int cols, int rows) throws IOException {
    DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
    TerminalScreen screen = new TerminalScreen(vt);
    screen.startScreen();
    Views.draw(new Canvas(screen.newTextGraphics(), screen.getTerminalSize(),
        new Style(false, true)), t.coach, t.state);
    screen.refresh();
    screen.stopScreen();
  }

  /**
   * A golden screen is a claim about what a person reads: none may hold a sentence or a title
   * cut short (the canvas ends a cut line with a mark, so a cut shows).
   */
  @Test
  void noGoldenScreenHoldsCutText() throws IOException {
    List<String> cut = new java.util.ArrayList<>();
    try (var files = Files.list(Goldens.DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).stripTrailing();
          if (line.endsWith("\u2026") || line.endsWith("...")) {
            cut.add(f.getFileName() + ":" + (i + 1) + ": " + line.strip());
          }
        }
      }
    }
    assertTrue(cut.isEmpty(), "cut text in golden screens:\n" + String.join("\n", cut));
  }

  /** The mark is there when a paragraph does not fit, and only then. */
  @Test
  void aParagraphCutShortEndsInAMark() throws IOException {
    DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(20, 5));
    TerminalScreen screen = new TerminalScreen(vt);
    screen.startScreen();
    Canvas c = new Canvas(screen.newTextGraphics(), screen.getTerminalSize(),
        new Style(false, false));
    c.paragraph(0, 0, 20, 2, "one two three four five six seven eight nine ten", false);
    c.paragraph(0, 3, 20, 2, "one two three", false);
    c.text(10, 4, "a title too long");
    screen.refresh();
    String row1 = rowText(vt, 1);
    assertTrue(row1.stripTrailing().endsWith("\u2026"), row1);
    assertFalse(rowText(vt, 3).contains("\u2026"), rowText(vt, 3));
    assertTrue(rowText(vt, 4).stripTrailing().endsWith("\u2026"), rowText(vt, 4));
    screen.stopScreen();
  }

  private static String rowText(DefaultVirtualTerminal vt, int row) {
    StringBuilder sb = new StringBuilder();
    for (int col = 0; col < vt.getTerminalSize().getColumns(); col++) {
      sb.append(vt.getCharacter(col, row).getCharacterString());
    }
    return sb.toString();
  }
}
