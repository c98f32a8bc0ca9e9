package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.session.Outcome;
import org.junit.jupiter.api.Test;

/** A session ended by a signal exits as a shell expects for that signal: 128 + its number. */
class SessionExitStatusTest {
  @Test
  void eachSignalGivesItsOwnStatus() {
    assertEquals(143, RunCommand.exitCode(Outcome.INTERRUPTED, "TERM"));
    assertEquals(129, RunCommand.exitCode(Outcome.INTERRUPTED, "HUP"));
    assertEquals(130, RunCommand.exitCode(Outcome.INTERRUPTED, "INT"));
  }

  @Test
  void aTerminalThatWentAwayWithoutASignalCountsAsAHangUp() {
    assertEquals(129, RunCommand.exitCode(Outcome.INTERRUPTED, null));
  }

  @Test
  void aSessionThatEndedOnItsOwnExitsZero() {
    for (Outcome o : new Outcome[] {Outcome.COMPLETED, Outcome.STOPPED_FOR_PAIN,
        Outcome.RED_FLAG, Outcome.QUIT}) {
      assertEquals(0, RunCommand.exitCode(o, null));
    }
  }

  @Test
  void aSignalOnTheSummaryStillSaysWhichSignalEndedTheProgram() {
    assertEquals(143, RunCommand.exitCode(Outcome.COMPLETED, "TERM"));
    assertEquals(129, RunCommand.exitCode(Outcome.QUIT, "HUP"));
  }
}
