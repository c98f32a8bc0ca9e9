package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.RoutineLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coach validate}'s summary says every setting of a routine in plain words. */
class ValidateCommandTest {
  private static final Path CORPUS = Path.of("src/test/resources/routines");

  @TempDir Path tmp;

  private static String summary(Path file) {
    LoadResult r = new RoutineLoader().load(file);
    assertTrue(r.ok(), r.problems().toString());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    coach.app.RoutineSummary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8),
        file.toString(), r.routine());
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theSettingsThatStopAndWhoPrescribedAreSaidInWords() {
    Path f = CORPUS.resolve("good/stops-today.yaml");
    assertEquals(f + """
        : valid
          Minimal routine (id minimal, version 1)
          Exercises:
          1. Nerve glide [glide]: 2 sets x 3 reps, each for: left / right; rest 30 s; frequency \
        not given
               Loads the nerve: skipped for the rest of a session after symptoms spread.
               level 0 (start): Slider [slider]
                 3 s  Straighten the knee.
                 Enter  Bend the knee.
               level 1 (easiest): Lying slider [lying]
                 2 s  Move a little.
          Drawings: 3 of 3 phases have none: glide/slider phase 1, glide/slider phase 2, \
        glide/lying phase 1
          Pain rule:
            Pain rated 0-10: "your worst pain right now, back or leg", asked before starting and \
        after each set (each round counts).
            A rating above 3 and 2 or more points above the highest rating since the exercise \
        started or changed level is a rise: the next easier level for the remaining sets (at the \
        easiest level the exercise stops).
            A rating above 5 stops the exercise at once (after a start above 5, a rating above the \
        start does).
            Where symptoms reach is asked ("Where do you feel the symptoms now?" back / buttock / \
        thigh / below the knee / foot); reaching further stops the exercise at once.
            Symptoms reaching below the knee or further stop the session for today.
            Next-morning check 8 h to 7 days after the last session.
            Harder level offered after 2 completed sessions on different days without a rise, stop \
        or spread in it.
            A session cut off less than 168 hours ago is offered for resuming.
          Nobody prescribed this routine: the coach never speaks of your clinician's choice, and \
        asks once about signs of a serious cause before the first session.
          Red flags:
            - Any bladder changes? [bladder]
          Contact: Clinic, care@example.org
        """, summary(f));
  }

  @Test
  void settingsThatAreOffAreSaidToBeOff() throws Exception {
    String minimal = Files.readString(CORPUS.resolve("good/minimal.yaml"));
    Path f = Files.writeString(tmp.resolve("off.yaml"), minimal
        .replace("exercises:\n", "painRule:\n  spreadCounts: false\n  maxAcceptable: null\n"
            + "  nextMorningCheck: false\n  askAfter: exercise\n  resumeWithinHours: 1\n"
            + "exercises:\n")
        .replace("    rounds: [left, right]\n", "    rounds: [left, right]\n"
            + "    loadsNerve: true\n"));
    assertEquals(f + """
        : valid
          Minimal routine (id minimal, version 1)
          Exercises:
          1. Nerve glide [glide]: 2 sets x 3 reps, each for: left / right; rest 30 s; frequency \
        not given
               Loads the nerve: skipped for the rest of a session after symptoms spread (but \
        where symptoms reach is not asked, so it is never skipped).
               level 0 (prescribed start): Slider [slider]
                 3 s  Straighten the knee.
                 Enter  Bend the knee.
               level 1 (easiest): Lying slider [lying]
                 2 s  Move a little.
          Drawings: 3 of 3 phases have none: glide/slider phase 1, glide/slider phase 2, \
        glide/lying phase 1
          Pain rule:
            Pain rated 0-10: the coach's own question ("How much does it hurt right now?"), \
        asked before starting and after each exercise.
            A rating above 3 and 2 or more points above the highest rating since the exercise \
        started or changed level is a rise: the next easier level for the remaining sets (at the \
        easiest level the exercise stops).
            No ceiling: no rating stops an exercise at once by its number alone.
            Where symptoms reach is not asked.
            No next-morning check.
            Harder level offered after 2 completed sessions on different days without a rise, stop \
        or spread in it.
            A session cut off less than 1 hour ago is offered for resuming.
          Red flags:
            - Any bladder changes? [bladder]
          Contact: Clinic, care@example.org
        """, summary(f));
  }

  @Test
  void theDefaultsAreSaidAsTheyAre() {
    String s = summary(CORPUS.resolve("good/minimal.yaml"));
    assertTrue(s.contains("\n    A rating above 3 and 2 or more points above the highest rating"),
        s);
    assertTrue(s.contains("\n    Symptoms spreading stop the exercise, not the session.\n"), s);
    assertTrue(s.contains("\n    A session cut off less than 12 hours ago is offered for"
        + " resuming.\n"), s);
    assertTrue(s.contains("level 0 (prescribed start)"), s);
    assertFalse(s.contains("Nobody prescribed"), s);
  }

  @Test
  void theBundledRoutineHasADrawingForEveryPhaseOfEveryLevelAndRound() {
    String s = summary(Path.of("routines/sciatica.yaml"));
    // 6 Cat/Camel, 8 nerve glide, 11 leg raise, 20 hip circles (forward and backward)
    assertTrue(s.contains("\n  Drawings: every phase has one (45 phases).\n"), s);
    assertTrue(s.contains("left hip, backward (in reverse)"), s);
    assertTrue(s.contains("         in reverse rounds:\n         2 s  Take the leg back behind"
        + " you, knee bent."), s);
    assertTrue(s.contains("         done as one round (the exercise's rounds do not apply)"), s);
    assertTrue(s.contains("         start position: On hands and knees, hands under your"
        + " shoulders, knees under your hips, back flat."), s);
  }

  @Test
  void theBundledRoutinesPainRuleInWords() {
    String s = summary(Path.of("routines/sciatica.yaml"));
    assertTrue(s.contains("(id sciatica, version 3, from seed 000_6f0ad0dc985be3b5)"), s);
    String rule = s.substring(s.indexOf("  Pain rule:\n"), s.indexOf("  Red flags:\n"));
    assertEquals("""
          Pain rule:
            Pain rated 0-10: "your worst pain right now, back or leg", asked before starting and \
        after each set (each round counts).
            A rating above 3 and 2 or more points above the highest rating since the exercise \
        started or changed level is a rise: the next easier level for the remaining sets (at the \
        easiest level the exercise stops).
            A rating above 5 stops the exercise at once (after a start above 5, a rating above the \
        start does).
            Where symptoms reach is asked ("How far down do you feel the symptoms right now?" back \
        / buttock / thigh / below the knee / foot); reaching further stops the exercise at once.
            Symptoms reaching below the knee or further stop the session for today.
            Next-morning check 8 h to 7 days after the last session.
            Harder level offered after 2 completed sessions on different days without a rise, stop \
        or spread in it.
            A session cut off less than 12 hours ago is offered for resuming.
          Nobody prescribed this routine: the coach never speaks of your clinician's choice, and \
        asks once about signs of a serious cause before the first session.
        """, rule);
    // next to the two exercises that load the nerve, and no other
    String nerve = "\n       Loads the nerve: skipped for the rest of a session after symptoms"
        + " spread.\n";
    assertEquals(2, s.split(nerve, -1).length - 1, s);
    assertTrue(s.contains("[nerve-glide]: 3 sets x 10 reps, each for: left leg / right leg; rest"
        + " 30 s; frequency not given" + nerve), s);
    assertTrue(s.contains("[straight-leg-raise]: 3 sets x 8 reps, each for: left leg / right leg;"
        + " rest 45 s; frequency not given" + nerve), s);
  }

  @Test
  void theCommandPrintsTheSummaryOfEachValidFile() {
    Path f = CORPUS.resolve("good/stops-today.yaml").toAbsolutePath();
    InProcess r = InProcess.run(Map.of("USER", "pat", "HOME", tmp.toString(), "TERM", "dumb"),
        tmp, "validate", f.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    assertEquals(summary(f), r.out());
  }
}
