package coach.tui.view;

import coach.session.Coach;
import coach.session.Overlay;
import coach.session.Screen;
import coach.session.SessionState;
import coach.tui.words.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * The bottom line: the keys that work now. When the window is narrow the least needed keys give
 * way first; the screen's main key and the red-flag key are always listed.
 */
final class Footer {
  /** Never gives way. */
  private static final int ALWAYS = 100;
  private static final int CONFIRM = 80;
  private static final int QUIT = 60;
  private static final int HELP = 50;
  private static final int OTHER = 40;
  private static final int ARROWS = 30;

  /** A key and what it does now, with how much it is needed on a narrow window. */
  record Key(String text, int priority) {}

  private Footer() {}

  /** With {@code scrolls}: the screen is longer than the window, and the arrows scroll it. */
  static String line(Messages m, Coach coach, SessionState s, boolean ascii, int width,
      boolean scrolls) {
    List<Key> keys = new ArrayList<>(keys(m, coach, s, ascii));
    if (scrolls && s.overlay() == Overlay.NONE) {
      keys.add(1, scrollKey(m, ascii));
    }
    return line(m, keys, ascii, width);
  }

  /** The arrows that scroll a screen longer than the window. */
  static Key scrollKey(Messages m, boolean ascii) {
    return new Key(m.get("footer.scroll", Glyphs.arrows(ascii, m)), QUIT);
  }

  /** The keys of the welcome screen, as {@link #keys} lists them there. */
  static List<Key> welcomeKeys(Messages m) {
    return List.of(new Key(m.get("footer.start"), CONFIRM), new Key(m.get("footer.quit"), QUIT),
        new Key(m.get("footer.redFlag"), ALWAYS), new Key(m.get("footer.help"), HELP));
  }

  static String line(Messages m, List<Key> given, boolean ascii, int width) {
    List<Key> keys = new ArrayList<>(given);
    String sep = Glyphs.sep(ascii);
    while (joined(keys, sep).length() + 2 > width && keys.size() > 1) {
      int drop = -1;
      for (int i = 1; i < keys.size(); i++) {
        int p = keys.get(i).priority();
        if (p < ALWAYS && (drop < 0 || p <= keys.get(drop).priority())) {
          drop = i;
        }
      }
      if (drop < 0) {
        break;
      }
      keys.remove(drop);
    }
    String out = joined(keys, sep);
    return out.length() + 2 > width ? Canvas.fit(out, Math.max(0, width - 2)) : out;
  }

  private static String joined(List<Key> keys, String sep) {
    return String.join(sep, keys.stream().map(Key::text).toList());
  }

  static List<Key> keys(Messages m, Coach coach, SessionState s, boolean ascii) {
    String arrows = Glyphs.arrows(ascii, m);
    Key redFlag = new Key(m.get("footer.redFlag"), ALWAYS);
    Key quit = new Key(m.get("footer.quit"), QUIT);
    Key help = new Key(m.get("footer.help"), HELP);
    Key confirm = new Key(m.get("footer.confirm"), CONFIRM);
    // the answers outrank quit and help: a narrow window keeps "n no" beside "y yes"
    Key yes = new Key(m.get("footer.yes"), QUIT + 5);
    Key no = new Key(m.get("footer.no"), QUIT + 5);
    Key back = new Key(m.get("footer.back"), OTHER);
    Key pause = new Key(m.get("footer.pause"), OTHER);
    Key skipSet = new Key(m.get("footer.skipSet"), OTHER);
    Key choose = new Key(m.get("footer.choose", arrows), ARROWS);
    if (s.overlay() == Overlay.PAUSE) {
      return List.of(new Key(m.get("footer.resume"), OTHER), quit, redFlag, help);
    }
    if (s.overlay() == Overlay.HELP) {
      return List.of(new Key(m.get("footer.close"), OTHER), redFlag);
    }
    if (s.overlay() == Overlay.QUIT_CONFIRM) {
      return List.of(new Key(m.get("footer.quit.yes"), OTHER),
          new Key(m.get("footer.quit.no"), OTHER), redFlag);
    }
    if (s.screen() == Screen.WELCOME) {
      return welcomeKeys(m);
    }
    List<Key> keys = new ArrayList<>(switch (s.screen()) {
      case WELCOME -> List.of();
      case RESUME -> List.of(new Key(m.get("footer.resume.yes"), QUIT + 5),
          new Key(m.get("footer.resume.no"), QUIT + 5));
      case SCREENING -> s.returnTo() != null && !s.recheck() ? List.of(yes, no, back)
          : List.of(yes, no);
      case URGENT, SUMMARY, LOCKED, SEE_DOCTOR ->
          List.of(new Key(m.get("footer.close.end"), CONFIRM));
      case STOP_TODAY -> List.of(new Key(m.get("footer.seeSummary"), CONFIRM));
      case NEXT_MORNING, OFFER_HARDER, CLEARANCE, SERIOUS_SIGNS -> List.of(yes, no);
      case PAIN -> coach.routine().painRule().spreadCounts()
          ? List.of(new Key(m.get("footer.rate"), OTHER),
              new Key(m.get("footer.where", arrows), HELP - 5), confirm,
              new Key(m.get("footer.adjust", Glyphs.leftRight(ascii, m)), ARROWS))
          : List.of(new Key(m.get("footer.rate"), OTHER), confirm,
              new Key(m.get("footer.adjust", arrows), ARROWS));
      case HIGH_PAIN, CONTACT -> List.of(confirm, choose);
      case INTRO -> List.of(new Key(m.get("footer.start"), CONFIRM),
          new Key(m.get("footer.skipExercise"), OTHER));
      case GET_READY -> List.of(pause, new Key(m.get("footer.startNow"), CONFIRM), skipSet);
      case REP -> coach.phase(s).timed() ? List.of(pause, skipSet)
          : List.of(new Key(m.get("footer.done"), CONFIRM), pause, skipSet);
      case REST -> List.of(new Key(m.get("footer.skipRest"), CONFIRM), pause);
      case SWITCH -> List.of(new Key(m.get("footer.continue"), CONFIRM));
    });
    if (s.screen() != Screen.URGENT && s.screen() != Screen.SUMMARY) {
      keys.add(quit);
    }
    if (s.screen() != Screen.URGENT && s.screen() != Screen.SCREENING) {
      keys.add(redFlag);
    }
    if (s.screen() != Screen.URGENT) {
      keys.add(help);
    }
    return keys;
  }
}
