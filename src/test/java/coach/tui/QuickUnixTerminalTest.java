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
}
