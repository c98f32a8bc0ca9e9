package coach.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import coach.session.Event;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

class KeysTest {
  @Test
  void theFooterKeysMeanWhatTheySay() {
    assertEquals(Event.Key.CONFIRM, Keys.map(new KeyStroke(KeyType.Enter)));
    assertEquals(Event.Key.BACK, Keys.map(new KeyStroke(KeyType.Escape)));
    assertEquals(Event.Key.PAUSE, Keys.map(new KeyStroke(' ', false, false)));
    assertEquals(Event.Key.SKIP, Keys.map(new KeyStroke('s', false, false)));
    assertEquals(Event.Key.QUIT, Keys.map(new KeyStroke('q', false, false)));
    assertEquals(Event.Key.QUIT, Keys.map(new KeyStroke('c', true, false)));
    assertEquals(Event.Key.HELP, Keys.map(new KeyStroke('?', false, false)));
    assertEquals(Event.Key.RED_FLAG, Keys.map(new KeyStroke('!', false, false)));
    assertEquals(Event.Key.YES, Keys.map(new KeyStroke('Y', false, false)));
    assertEquals(Event.Key.NO, Keys.map(new KeyStroke('n', false, false)));
    assertEquals(Event.Key.UP, Keys.map(new KeyStroke(KeyType.ArrowUp)));
    assertEquals(new Event.Digit(7), Keys.map(new KeyStroke('7', false, false)));
  }

  @Test
  void otherKeysMeanNothing() {
    assertNull(Keys.map(new KeyStroke('x', false, false)));
    assertNull(Keys.map(new KeyStroke('s', true, false)));
    assertNull(Keys.map(new KeyStroke(KeyType.F1)));
    assertNull(Keys.map(null));
  }
}
