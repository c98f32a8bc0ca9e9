package coach.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Coach;
import coach.session.Event;
import coach.session.Screen;
import coach.session.StartOptions;
import coach.tui.SpokenCues;
import coach.tui.words.Language;
import coach.tui.words.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spoken cues through a fake speech command that a test puts on the PATH: it writes down what it
 * was asked to say. The session runs on the real loop with a manual clock.
 */
@Timeout(60)
class SpeechTest {
  private static final Routine SCIATICA = load();
  @TempDir Path dir;

  private static Routine load() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    assertTrue(r.ok(), r.problems().toString());
    return r.routine();
  }

  /** A fake espeak-ng that writes its arguments, one call a line, then does {@code then}. */
  private Path fakeEspeak(String then) throws Exception {
    Path said = dir.resolve("said.txt");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path cmd = bin.resolve("espeak-ng");
    Files.writeString(cmd, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + said + "'\n" + then + "\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(cmd, PosixFilePermissions.fromString("rwx------"));
    return said;
  }

  private Speech speech() {
    return Speech.find(Map.of("PATH", "/nonexistent:" + dir.resolve("bin")), Language.ENGLISH)
        .orElseThrow();
  }

  /** The lines said so far, once there are at least {@code n} of them (waits up to 10 s). */
  private static List<String> said(Path file, int n) throws Exception {
    long end = System.currentTimeMillis() + 10_000;
    while (true) {
      List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
      if (lines.size() >= n || System.currentTimeMillis() > end) {
        return lines;
      }
      Thread.sleep(20);
    }
  }

  @Test
  void eachPhasesCueIsSaidAndEachRepStartsWithItsCount() throws Exception {
    Path file = fakeEspeak("");
    try (Speech speech = speech(); Pilot p = new Pilot(SCIATICA, StartOptions.fresh(), 80, 24)) {
      assertEquals("espeak-ng", speech.name());
      p.app.observe(new SpokenCues(speech, Messages.english()));
      PilotTest.toFirstExercise(p, 1);
      p.press(Event.Key.CONFIRM); // get ready: nothing is said yet
      p.advance(3);
      assertEquals(Screen.REP, p.state().screen());
      said(file, 1);
      p.advance(4);
      said(file, 2);
      // a pause and a resume are not a new moment: nothing is said again
      p.press(Event.Key.PAUSE).press(Event.Key.PAUSE);
      p.advance(4);
      said(file, 3);
      p.advance(4);
      List<String> lines = said(file, 4);
      assertEquals(List.of(
          "-v en 1 of 5. Round your back up toward the ceiling, tucking your chin.",
          "-v en Let your back sag gently, lifting your head and tailbone.",
          "-v en 2 of 5. Round your back up toward the ceiling, tucking your chin.",
          "-v en Let your back sag gently, lifting your head and tailbone."), lines);
    }
  }

  @Test
  void aVoiceThatHangsNeverHoldsUpTheTimers() throws Exception {
    Path file = fakeEspeak("exec sleep 30");
    try (Speech speech = speech(); Pilot p = new Pilot(SCIATICA, StartOptions.fresh(), 80, 24)) {
      p.app.observe(new SpokenCues(speech, Messages.english()));
      PilotTest.toFirstExercise(p, 1);
      p.press(Event.Key.CONFIRM).advance(3);
      assertEquals(List.of("-v en 1 of 5. Round your back up toward the ceiling, tucking your"
          + " chin."), said(file, 1)); // and now the voice hangs on it
      long start = System.nanoTime();
      // the rest of the first set: 4 s phases on the manual clock, each on time
      for (int step = 1; step < 10; step++) {
        p.advance(4);
        assertEquals(Screen.REP, p.state().screen(), "step " + step);
        assertEquals(step % 2, p.state().phase(), "step " + step);
        assertEquals(1 + step / 2, p.state().rep(), "step " + step);
        assertEquals(4 * Coach.SECOND, p.state().remaining(p.clock.nanoTime()), "step " + step);
      }
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tookMillis < 5_000, "the loop waited for the voice: " + tookMillis + " ms");
      // nine cues came while the first was spoken: the queue kept only the newest
      assertEquals(9 - Speech.QUEUE, speech.dropped());
      assertEquals(1, said(file, 1).size());
    }
  }

  @Test
  void noSpeechCommandOnThePathIsFoundAsNone() {
    assertTrue(Speech.find(Map.of("PATH", dir.toString()), Language.ENGLISH).isEmpty());
    assertTrue(Speech.find(Map.of(), Language.ENGLISH).isEmpty());
  }

  @Test
  void eachCommandIsToldTheLanguageAndToWait() {
    assertEquals(List.of("/x/espeak-ng", "-v", "es"),
        Speech.commandLine("espeak-ng", "/x/espeak-ng", Language.SPANISH));
    assertEquals(List.of("/x/spd-say", "-w", "-l", "en"),
        Speech.commandLine("spd-say", "/x/spd-say", Language.ENGLISH));
    assertEquals(List.of("/x/say"), Speech.commandLine("say", "/x/say", Language.ENGLISH));
  }
}
