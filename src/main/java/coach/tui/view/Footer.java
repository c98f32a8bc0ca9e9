package coach.tui.view;

import coach.session.Coach;
import coach.session.Overlay;
import coach.session.Screen;
import coach.session.SessionState;
import java.util.ArrayList;
import java.util.List;

/**
 * The bottom line: the keys that work now. When the window is narrow the least needed keys give
 * way first; the screen's main key and the red-flag key are always listed.
 */
final class Footer {
  static final String RED_FLAG = "! red flag";

  private Footer() {}

  static String line(Coach coach, SessionState s, boolean ascii, int width) {
    List<String> keys = new ArrayList<>(keys(coach, s, ascii));
    String sep = Texts.sep(ascii);
    while (String.join(sep, keys).length() + 2 > width && keys.size() > 1) {
      int drop = -1;
      for (int i = 1; i < keys.size(); i++) {
        int p = priority(keys.get(i));
        if (p < 100 && (drop < 0 || p <= priority(keys.get(drop)))) {
          drop = i;
        }
      }
      if (drop < 0) {
        break;
      }
      keys.remove(drop);
    }
    String out = String.join(sep, keys);
    return out.length() + 2 > width ? Canvas.fit(out, Math.max(0, width - 2)) : out;
  }

  /** Which keys give way first on a narrow window (lowest first); 100 never does. */
  private static int priority(String key) {
    if (key.equals(RED_FLAG)) {
      return 100;
    }
    if (key.startsWith("Enter")) {
      return 80;
    }
    if (key.startsWith("q ")) {
      return 60;
    }
    if (key.startsWith("? ")) {
      return 50;
    }
    if (key.endsWith(" adjust") || key.endsWith(" choose")) {
      return 30;
    }
    return 40;
  }

  static List<String> keys(Coach coach, SessionState s, boolean ascii) {
    String arrows = Texts.arrows(ascii);
    if (s.overlay() == Overlay.PAUSE) {
      return List.of("Space resume", "q quit", RED_FLAG, "? help");
    }
    if (s.overlay() == Overlay.HELP) {
      return List.of("Esc close", RED_FLAG);
    }
    if (s.overlay() == Overlay.QUIT_CONFIRM) {
      return List.of("y end session", "n keep going", RED_FLAG);
    }
    List<String> keys = new ArrayList<>(switch (s.screen()) {
      case WELCOME -> List.of("Enter start");
      case RESUME -> List.of("y continue", "n start fresh");
      case SCREENING -> s.returnTo() != null ? List.of("y yes", "n no", "Esc back")
          : List.of("y yes", "n no");
      case URGENT, SUMMARY -> List.of("Enter close");
      case NEXT_MORNING, OFFER_HARDER -> List.of("y yes", "n no");
      case PAIN -> List.of("0-10 rate", "Enter confirm", arrows + " adjust");
      case PAIN_REGION -> List.of(arrows + " choose", "Enter confirm", "Esc back");
      case HIGH_PAIN, CONTACT -> List.of("Enter confirm", arrows + " choose");
      case INTRO -> List.of("Enter start", "s skip exercise");
      case GET_READY -> List.of("Space pause", "Enter start now", "s skip set");
      case REP -> coach.phase(s).timed() ? List.of("Space pause", "s skip set")
          : List.of("Enter done", "Space pause", "s skip set");
      case REST -> List.of("Enter skip rest", "Space pause");
      case SWITCH -> List.of("Enter continue");
    });
    if (s.screen() != Screen.URGENT && s.screen() != Screen.SUMMARY) {
      keys.add("q quit");
    }
    if (s.screen() != Screen.URGENT && s.screen() != Screen.SCREENING) {
      keys.add(RED_FLAG);
    }
    if (s.screen() != Screen.URGENT) {
      keys.add("? help");
    }
    return keys;
  }
}
