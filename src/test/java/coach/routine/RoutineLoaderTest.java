package coach.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutineLoaderTest {
  private static final Path CORPUS = Path.of("src/test/resources/routines");
  private final RoutineLoader loader = new RoutineLoader();

  @Test
  void theBundledSciaticaRoutineHasTheSourcesDosages() {
    LoadResult r = loader.load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    List<Exercise> ex = r.routine().exercises();
    assertEquals(List.of("cat-camel", "nerve-glide", "straight-leg-raise", "hip-cars"),
        ex.stream().map(Exercise::id).toList());
    assertDosage(ex.get(0), 3, 5, List.of("lower back", "middle back", "upper back"));
    assertDosage(ex.get(1), 3, 10, List.of("left leg", "right leg"));
    assertDosage(ex.get(2), 3, 8, List.of("left leg", "right leg"));
    assertDosage(ex.get(3), 2, 3, List.of("left hip, forward", "left hip, backward",
        "right hip, forward", "right hip, backward"));
    for (Exercise e : ex) {
      assertTrue(e.levels().size() - e.startLevel() >= 3, e.id() + " needs two easier levels");
      // the source gives a frequency only for the Hip CARs
      assertEquals(e.id().equals("hip-cars") ? "daily" : null, e.frequency(), e.id());
    }
    // an irritable nerve starts with the slider; the tensioner is the next step up
    assertEquals("slider", ex.get(1).level(ex.get(1).startLevel()).id());
    assertEquals("tensioner", ex.get(1).level(0).id());
    // each Cat/Camel segment has its own cue
    assertEquals(3, ex.get(0).roundFocus().stream().distinct().count());
    assertTrue(r.routine().contact().role().contains("not your own clinician"));
    assertTrue(r.routine().redFlags().questions().stream()
        .anyMatch(q -> q.question().contains("genitals") && !q.question().contains("buttock")));
    assertEquals("support@parfourperformance.com", r.routine().contact().email());
    assertTrue(r.routine().redFlags().questions().stream()
        .anyMatch(q -> q.question().toLowerCase().contains("bladder")));
    assertEquals("000_6f0ad0dc985be3b5", r.routine().seed());
  }

  @Test
  void theBundledRoutineIsVersion3WithItsStopsAndNobodysPrescription() {
    LoadResult r = loader.load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    Routine routine = r.routine();
    assertEquals(3, routine.version());
    assertTrue(routine.selfStarted());
    PainRule rule = routine.painRule();
    assertEquals(2, rule.increaseBy());
    assertEquals(3, rule.safeUpTo());
    assertEquals(5, rule.maxAcceptable());
    assertEquals("below the knee", rule.spreadStopsTodayAt());
    assertEquals(4, rule.spreadStopsTodayRank());
    assertEquals("your worst pain right now, back or leg", rule.painQuestion());
    assertEquals(PainRule.RESUME_WITHIN_HOURS, rule.resumeWithinHours());
    assertEquals(List.of("nerve-glide", "straight-leg-raise"), routine.exercises().stream()
        .filter(Exercise::loadsNerve).map(Exercise::id).toList());
  }

  @Test
  void everyPhaseOfTheBundledRoutineHasADrawingThatFits() {
    LoadResult r = loader.load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    for (Exercise e : r.routine().exercises()) {
      for (Level l : e.levels()) {
        for (Phase p : l.phases()) {
          String where = e.id() + "/" + l.id() + ": " + p.cue();
          assertFalse(p.drawing().isEmpty(), where);
          assertTrue(p.drawing().size() <= Phase.DRAWING_ROWS, where);
          assertTrue(p.drawingWidth() <= Phase.DRAWING_COLUMNS, where);
        }
        // the phases of a level are told apart by their drawings
        assertEquals(l.phases().size(), l.phases().stream().map(Phase::drawing).distinct()
            .count(), e.id() + "/" + l.id());
      }
    }
  }

  @Test
  void aDrawingKeepsItsLeadingSpacesAndBoxCharacters() {
    LoadResult r = loader.load(CORPUS.resolve("good/drawings.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    List<Phase> phases = r.routine().exercises().get(0).level(0).phases();
    assertEquals(List.of("  o        o", "  |__  ->  |___", "  |  |     |"),
        phases.get(0).drawing());
    assertEquals(List.of("\u250c\u2500\u2500\u2510", "\u2502  \u2502",
        "\u2514\u2500\u2500\u2518"), phases.get(1).drawing());
  }

  private static void assertDosage(Exercise e, int sets, int reps, List<String> rounds) {
    assertEquals(sets, e.sets(), e.id());
    assertEquals(reps, e.reps(), e.id());
    assertEquals(rounds, e.rounds(), e.id());
  }

  @Test
  void theTemplateIsAValidRoutine() {
    LoadResult r = loader.load(Path.of("routines/template.yaml"));
    assertTrue(r.ok(), r.problems().toString());
  }

  @Test
  void yamlAndJsonWithTheSameContentGiveTheSameRoutine() {
    LoadResult y = loader.load(CORPUS.resolve("good/minimal.yaml"));
    LoadResult j = loader.load(CORPUS.resolve("good/minimal.json"));
    assertTrue(y.ok(), y.problems().toString());
    assertTrue(j.ok(), j.problems().toString());
    assertEquals(y.routine(), j.routine());
    assertNull(y.routine().exercises().get(0).levels().get(0).phases().get(1).seconds());
    assertEquals(30, y.routine().exercises().get(0).restSeconds());
  }

  @Test
  void withoutTheNewSettingsARoutineGetsTheirDefaults() {
    LoadResult r = loader.load(CORPUS.resolve("good/minimal.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    PainRule rule = r.routine().painRule();
    assertEquals(PainRule.defaults(), rule);
    assertEquals(2, rule.increaseBy());
    assertNull(rule.painQuestion());
    assertNull(rule.spreadStopsTodayAt());
    assertEquals(0, rule.spreadStopsTodayRank());
    assertEquals(12, rule.resumeWithinHours());
    assertFalse(r.routine().selfStarted());
    assertFalse(r.routine().exercises().get(0).loadsNerve());
  }

  @Test
  void theNewSettingsLoad() {
    LoadResult r = loader.load(CORPUS.resolve("good/stops-today.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    PainRule rule = r.routine().painRule();
    assertEquals("your worst pain right now, back or leg", rule.painQuestion());
    assertEquals("below the knee", rule.spreadStopsTodayAt());
    assertEquals(168, rule.resumeWithinHours());
    assertTrue(r.routine().selfStarted());
    assertTrue(r.routine().exercises().get(0).loadsNerve());
  }

  @Test
  void aRegionToStopAtIsOneOfTheRoutinesOwnRegions() {
    LoadResult j = loader.load(CORPUS.resolve("good/stops-today-own-regions.json"));
    assertTrue(j.ok(), j.problems().toString());
    PainRule rule = j.routine().painRule();
    assertEquals(List.of("back", "leg", "foot"), rule.regions());
    assertEquals("leg", rule.spreadStopsTodayAt());
    assertEquals(2, rule.spreadStopsTodayRank());
    assertEquals("your knee pain right now", rule.painQuestion());
    assertEquals(1, rule.resumeWithinHours());
    assertFalse(j.routine().selfStarted());
    assertFalse(j.routine().exercises().get(0).loadsNerve());
    Path other = CORPUS.resolve("loader-only/spread-stop-not-in-own-regions.yaml");
    assertEquals(List.of(other + ":14:23: \"spreadStopsTodayAt\" is \"foot\"; expected one of the"
        + " regions: back, leg"), loader.load(other).problems().stream().map(Problem::format)
        .toList());
  }

  /** A routine file: minimal.yaml with these lines as its pain rule. */
  private static Path withPainRule(Path dir, String lines) throws Exception {
    String minimal = Files.readString(CORPUS.resolve("good/minimal.yaml"));
    return Files.writeString(dir.resolve("routine.yaml"), minimal.replace("exercises:\n",
        "painRule:\n" + lines + "exercises:\n"));
  }

  @Test
  void aRegionListWithAProblemGivesOnlyItsOwnProblem(@TempDir Path dir) throws Exception {
    Path f = withPainRule(dir, "  regions: []\n  spreadStopsTodayAt: foot\n");
    assertEquals(List.of(f + ":13:12: \"regions\" is empty; it needs at least 1 item"),
        loader.load(f).problems().stream().map(Problem::format).toList());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "painQuestion: \"how bad\\e[2J\" | 13:17 | \"painQuestion\" contains a control character (U+001B)",
    "painQuestion: 7              | 13:17 | \"painQuestion\" must be text, got the number 7",
    "spreadStopsTodayAt: Foot     | 13:23 | \"spreadStopsTodayAt\" is \"Foot\"; expected one of the regions",
    "spreadStopsTodayAt: [foot]   | 13:23 | \"spreadStopsTodayAt\" must be text, not a list",
    "resumeWithinHours: 12.5      | 13:22 | \"resumeWithinHours\" must be a whole number, got the number 12.5",
    "resumeWithinHours: twelve    | 13:22 | \"resumeWithinHours\" must be a whole number, got text",
    "resumeWithinHour: 12         | 13:3  | unknown field \"resumeWithinHour\" in painRule; did you mean \"resumeWithinHours\"?",
    "spreadStopsTodayAt:          | 13:22 | \"spreadStopsTodayAt\" is empty; give text or leave the field out",
  })
  void aBadNewPainRuleSettingIsReportedWhereItStands(String line, String position, String text,
      @TempDir Path dir) throws Exception {
    Path f = withPainRule(dir, "  " + line + "\n");
    LoadResult r = loader.load(f);
    assertFalse(r.ok());
    String all = r.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    assertTrue(r.problems().stream().anyMatch(p -> p.format().startsWith(f + ":" + position
        + ": ") && p.message().contains(text)), "expected " + position + ": " + text + " in\n"
        + all);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "unknown-field.yaml      | 16:5  | unknown field \"repz\" in exercise \"glide\"; did you mean \"reps\"?",
    "wrong-type.yaml         | 15:11 | \"sets\" must be a whole number, got text (\"two\")",
    "wrong-type.json         | 22:15 | \"sets\" must be a whole number",
    "missing-title.yaml      | 1:1   | missing the required field \"title\"",
    "out-of-range.yaml       | 16:11 | \"reps\" is 1000; expected a whole number from 1 to 100",
    "empty-optional.yaml     | 3:6   | \"seed\" is empty; give text or leave the field out",
    "seconds-text.yaml       | 24:22 | \"seconds\" must be a whole number",
    "rounds-duplicate.yaml   | 17:20 | \"left\" appears twice in \"rounds\"",
    "bidi.yaml               | 5:9   | contains a control character (U+202E)",
    "empty-levels.yaml       | 18:13 | \"levels\" is empty",
    "empty-rounds.yaml       | 17:13 | \"rounds\" is empty",
    "no-contact-way.yaml     | 5:3   | contact needs at least one way to reach the clinician",
    "syntax-error.yaml       | 16:9  | syntax error",
    "syntax-error.json       | 2:12  | syntax error",
    "bad-id.yaml             | 1:5   | is not a valid id",
    "bad-askafter.yaml       | 33:13 | askAfter must be \"set\", \"exercise\" or \"exercise-side\"",
    "control-chars.yaml      | 25:18 | contains a control character (U+001B)",
    "not-a-mapping.yaml      | 1:1   | must be a mapping of fields",
    "empty.yaml              | 1:1   | the file is empty",
    "latin1.yaml             | 20:25 | the byte 0xE9 is not UTF-8 text; save the file as UTF-8",
    "raw-escape.yaml         | 23:29 | a control character (U+001B, escape) in the text",
    "raw-c1.yaml             | 25:23 | a control character (U+009B) in the text",
    "long-number.yaml        | 15:11 | a number with more than 20 digits",
    "huge-number.yaml        | 16:11 | a number too large",
    "drawing-too-wide.yaml   | 27:39 | line 2 of \"drawing\" is 32 characters wide; at most 24",
    "drawing-too-tall.yaml   | 36:15 | \"drawing\" has 11 lines; at most 10",
    "drawing-bad-character.yaml | 26:22 | line 1 of \"drawing\" has the character U+25CF at column 8",
    "complex-key.yaml        | 2:4   | a field's name must be plain text, not a list or fields",
    "binary-value.yaml       | 2:8   | a tagged value (such as !!binary); expected text",
    "nan.json                | 2:14  | unexpected \"NaN\" here; expected text in quotes, a number",
    "bare-word.json          | 2:11  | unexpected \"garbage\" here; expected text in quotes",
    "comment.json            | 1:1   | unexpected \"/\" here; JSON has no comments",
    "infinite.yaml           | 3:11  | \".inf\" is not a number a routine can use",
    "spread-stop-not-a-region.yaml | 13:23 | \"spreadStopsTodayAt\" is \"knee\"; expected one of the regions: back, buttock, thigh, below the knee, foot",
    "spread-stop-without-spread.yaml | 14:23 | \"spreadStopsTodayAt\" is only used with \"spreadCounts: true\"; remove it or set spreadCounts to true",
    "resume-too-long.yaml    | 13:22 | \"resumeWithinHours\" is 169; expected a whole number from 1 to 168",
    "resume-zero.yaml        | 13:22 | \"resumeWithinHours\" is 0; expected a whole number from 1 to 168",
    "pain-question-blank.yaml | 13:17 | \"painQuestion\" is empty; give text or leave the field out",
    "self-started-text.yaml  | 4:14  | \"selfStarted\" must be true or false, got text (\"yes\")",
    "loads-nerve-number.yaml | 18:17 | \"loadsNerve\" must be true or false, got the number 1",
    "loads-nerve-misspelt.yaml | 18:5 | unknown field \"loadsNerves\" in exercise \"glide\"; did you mean \"loadsNerve\"?",
    "reverse-without-phases.yaml | 32:9 | level \"lying\" of exercise \"glide\" has no \"reversePhases\"; expected them, because the round \"backward\" is marked \"reverse: true\"",
    "reverse-phases-without-round.yaml | 27:11 | level \"slider\" of exercise \"glide\" has \"reversePhases\", but none of its rounds is marked \"reverse: true\"",
    "level-rounds-word.yaml  | 29:17 | \"rounds\" of level \"lying\" must be a list of round names or the word none",
  })
  void brokenFilesNameTheLineColumnAndTheProblem(String file, String position, String text) {
    LoadResult r = loader.load(CORPUS.resolve("broken").resolve(file));
    assertFalse(r.ok());
    assertNull(r.routine());
    String expected = CORPUS.resolve("broken").resolve(file) + ":" + position + ": ";
    String all = r.problems().stream().map(Problem::format).collect(Collectors.joining("\n"));
    assertTrue(r.problems().stream().anyMatch(p -> p.format().startsWith(expected)
        && p.message().contains(text)), "expected " + expected + text + " in\n" + all);
  }

  @Test
  void noProblemNamesALibraryOrAJavaException() throws Exception {
    try (var files = java.nio.file.Files.list(CORPUS.resolve("broken"))) {
      for (Path f : files.toList()) {
        for (Problem p : loader.load(f).problems()) {
          assertFalse(p.message().matches("(?s).*(java\\.|org\\.|Exception|jackson|snakeyaml"
              + "|StreamReadConstraints|Unexpected character \\(|Feature|`|VALUE_|Scalar"
              + "|Non-standard|Unrecognized|Malformed).*"), p.format());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/dev/zero", "/dev/urandom", "/dev/null"})
  @Timeout(2)
  void aLinkToADeviceIsRefusedWithoutReadingIt(String device, @TempDir Path dir)
      throws Exception {
    Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("routine.yaml"),
        Path.of(device));
    LoadResult r = loader.load(link);
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertTrue(r.problems().get(0).message().contains("is not a regular file"),
        r.problems().toString());
  }

  @Test
  @Timeout(5)
  void aPipeIsRefusedWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("routine.yaml");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    LoadResult r = loader.load(fifo);
    assertTrue(r.problems().get(0).message().contains("is not a regular file"),
        r.problems().toString());
    assertTrue(new RoutineLoader().loadContact(fifo).problems().get(0).message()
        .contains("is not a regular file"));
  }

  @Test
  void duplicateIdsAreReportedWhereTheSecondOneStands() {
    LoadResult r = loader.load(CORPUS.resolve("loader-only/duplicate-level-id.yaml"));
    assertEquals(List.of(CORPUS.resolve("loader-only/duplicate-level-id.yaml")
        + ":26:9: the level id \"slider\" is used twice in exercise \"glide\""),
        r.problems().stream().map(Problem::format).toList());
  }

  @Test
  void everyProblemIsReportedNotJustTheFirst() {
    LoadResult r = loader.load(CORPUS.resolve("broken/out-of-range.yaml"));
    assertEquals(2, r.problems().size(), r.problems().toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "alias-bomb.yaml | YAML anchors (&name) are not allowed",
    "binary.yaml     | this is not a text file",
    "deep.yaml       | nested more than 32 levels deep",
    "huge.yaml       | the file is larger than 1 MB",
    "long-text.yaml  | \"title\" is 5000 characters long",
  })
  @Timeout(1)
  void hostileFilesAreRefusedQuicklyWithOneClearProblem(String file, String text) {
    LoadResult r = loader.load(CORPUS.resolve("hostile").resolve(file));
    assertFalse(r.ok());
    assertTrue(r.problems().stream().anyMatch(p -> p.message().contains(text)),
        r.problems().toString());
    assertTrue(r.problems().size() <= 20, "too many problems: " + r.problems().size());
  }

  @Test
  void aFolderAMissingFileAndAnUnreadableFileEachGiveOneProblem(@TempDir Path dir)
      throws Exception {
    assertEquals("is a folder, not a file",
        loader.load(dir).problems().get(0).message());
    assertEquals("no such file", loader.load(dir.resolve("nope.yaml")).problems().get(0)
        .message());
    Path secret = Files.writeString(dir.resolve("secret.yaml"), "id: x\n");
    secret.toFile().setReadable(false);
    if (!Files.isReadable(secret)) { // root can read anything
      assertTrue(loader.load(secret).problems().get(0).message().contains("cannot be read"));
    }
  }

  @Test
  void didYouMeanOnlyForCloseNames() {
    assertEquals("reps", NodeReader.closest("repz", "sets", "reps", "rounds"));
    assertEquals("restSeconds", NodeReader.closest("restseconds", "restSeconds"));
    assertNull(NodeReader.closest("a", "id", "title"));
  }
}
