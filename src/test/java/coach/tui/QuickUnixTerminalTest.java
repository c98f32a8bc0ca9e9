package coach.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.googlecode.lanterna.TerminalSize;
import org.junit.jupiter.api.Test;

class QuickUnixTerminalTest {
  @Test
  void theSizeSttyPrintsIsRowsThenColumns() {
    assertEquals(new TerminalSize(100, 30), QuickUnixTerminal.size("30 100"));
    assertEquals(new TerminalSize(80, 24), QuickUnixTerminal.size(" 24 80\r"));
  }

  @Test
  void aSizeSttyCannotTellIsAskedOfTheTerminalInstead() {
    assertNull(QuickUnixTerminal.size("0 0")); // a serial line, for one
    assertNull(QuickUnixTerminal.size(""));
    assertNull(QuickUnixTerminal.size("stty: 'standard input': Inappropriate ioctl for device"));
    assertNull(QuickUnixTerminal.size("24"));
  }

  @Test
  void whatTheLauncherReadIsTheSettingsThenTheSize() {
    QuickUnixTerminal.LauncherState state =
        QuickUnixTerminal.LauncherState.parse("500:5:bf:8a3b:3:1c:7f\n30 100\n");
    assertEquals("500:5:bf:8a3b:3:1c:7f", state.saved());
    assertEquals(new TerminalSize(100, 30), state.size());
  }

  @Test
  void whatTheLauncherCouldNotReadLeavesTheTakingOverToStty() {
    assertNull(QuickUnixTerminal.LauncherState.parse(null));
    assertNull(QuickUnixTerminal.LauncherState.parse(""));
    assertNull(QuickUnixTerminal.LauncherState.parse("500:5:bf:8a3b"), "no size");
    assertNull(QuickUnixTerminal.LauncherState.parse("500:5:bf\n0 0"), "a size stty cannot tell");
    // never anything but stty's own numbers: they are given back to stty at the end
    assertNull(QuickUnixTerminal.LauncherState.parse("500:5;rm -rf ~\n30 100"));
    assertNull(QuickUnixTerminal.LauncherState.parse("500:5\n30 100\n7"));
  }
}
