package coach.tui;

import coach.session.Event;
import coach.session.KeyMap;
import coach.tui.words.Messages;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** Maps what the terminal read to what it means for the session. */
public final class Keys {
  private Keys() {}

  /**
   * For a text field: printable characters as typed (so "q" is a letter, not quit), everything
   * else by meaning.
   */
  public static Event typed(KeyStroke k) {
    if (k != null && k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown()
        && !Character.isISOControl(k.getCharacter())) {
      return new Event.Typed(k.getCharacter());
    }
    return map(k);
  }

  /**
   * Which letter answers yes on a yes/no question in these words ({@code keys.yes}): s as well
   * as y where yes is "sí"; y alone elsewhere. Only yes/no questions take s as yes: on an
   * exercise it still skips.
   */
  public static KeyMap.YesKey yesKey(Messages words) {
    return "s".equals(words.get("keys.yes")) ? KeyMap.YesKey.Y_OR_S : KeyMap.YesKey.Y;
  }

  /** The event for a key, or null for keys that mean nothing here. */
  public static Event map(KeyStroke k) {
    if (k == null) {
      return null;
    }
    KeyType t = k.getKeyType();
    switch (t) {
      case Enter:
        return Event.Key.CONFIRM;
      case Escape:
        return Event.Key.BACK;
      case ArrowUp:
        return Event.Key.UP;
      case ArrowDown:
        return Event.Key.DOWN;
      case ArrowLeft:
        return Event.Key.LEFT;
      case ArrowRight:
        return Event.Key.RIGHT;
      case Backspace:
        return Event.Key.ERASE;
      case Character:
        break;
      default:
        return null;
    }
    char c = k.getCharacter();
    if (k.isCtrlDown() && (c == 'c' || c == 'C')) {
      return Event.Key.QUIT;
    }
    if (k.isCtrlDown() || k.isAltDown()) {
      return null;
    }
    if (c >= '0' && c <= '9') {
      return new Event.Digit(c - '0');
    }
    return switch (c) {
      case ' ' -> Event.Key.PAUSE;
      case 's', 'S' -> Event.Key.SKIP;
      case 'q', 'Q' -> Event.Key.QUIT;
      case '?' -> Event.Key.HELP;
      case '!' -> Event.Key.RED_FLAG;
      case 'y', 'Y' -> Event.Key.YES;
      case 'n', 'N' -> Event.Key.NO;
      case '\n', '\r' -> Event.Key.CONFIRM;
      default -> null;
    };
  }
}
