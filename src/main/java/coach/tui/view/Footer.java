package coach.tui.view;

import coach.session.Coach;
import coach.session.KeyMap;
import coach.session.Overlay;
import coach.session.SessionState;
import coach.tui.words.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * The bottom line: the keys that work now, read from the core's key map ({@link KeyMap}), so it
 * lists exactly the keys the core carries out. When the window is narrow the least needed keys
 * give way first; the screen's main key and the red-flag key are always listed.
 */
final class Footer {
  /** A key and what it does now, with how much it is needed on a narrow window. */
  record Key(String text, int priority) {}

  private Footer() {}

  /** With {@code scrolls}: the screen is longer than the window, and the arrows scroll it. */
  static String line(Messages m, Coach coach, SessionState s, boolean ascii, int width,
      boolean scrolls) {
    List<Key> keys = new ArrayList<>(keys(m, coach.keys(s), ascii));
    if (scrolls && s.overlay() == Overlay.NONE) {
      keys.add(1, scrollKey(m, ascii));
    }
    return line(m, keys, ascii, width);
  }

  /** The arrows that scroll a screen longer than the window (the view's own keys). */
  static Key scrollKey(Messages m, boolean ascii) {
    return new Key(m.get("footer.scroll", Glyphs.arrows(ascii, m)), KeyMap.QUIT);
  }

  /** The keys of the welcome screen, as the key map lists them there. */
  static List<Key> welcomeKeys(Messages m) {
    return keys(m, KeyMap.welcome(), false);
  }

  static String line(Messages m, List<Key> given, boolean ascii, int width) {
    List<Key> keys = new ArrayList<>(given);
    String sep = Glyphs.sep(ascii);
    while (joined(keys, sep).length() + 2 > width && keys.size() > 1) {
      int drop = -1;
      for (int i = 1; i < keys.size(); i++) {
        int p = keys.get(i).priority();
        if (p < KeyMap.ALWAYS && (drop < 0 || p <= keys.get(drop).priority())) {
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

  /**
   * The bindings' labels in words, each once, where it first comes, with that binding's
   * priority; bindings without a label (q, ? or ! where plain) are not listed.
   */
  static List<Key> keys(Messages m, List<KeyMap.Binding> bindings, boolean ascii) {
    List<Key> keys = new ArrayList<>();
    java.util.Set<KeyMap.Label> listed = java.util.EnumSet.noneOf(KeyMap.Label.class);
    for (KeyMap.Binding b : bindings) {
      if (b.label() != null && listed.add(b.label())) {
        keys.add(new Key(text(m, b.label(), ascii), b.priority()));
      }
    }
    return keys;
  }

  /** A label's words; a switch over every label, so a new one must be given words. */
  static String text(Messages m, KeyMap.Label label, boolean ascii) {
    String arrows = Glyphs.arrows(ascii, m);
    return switch (label) {
      case START -> m.get("footer.start");
      case START_NOW -> m.get("footer.startNow");
      case CONFIRM -> m.get("footer.confirm");
      case CONTINUE -> m.get("footer.continue");
      case DONE -> m.get("footer.done");
      case SKIP_REST -> m.get("footer.skipRest");
      case CLOSE_END -> m.get("footer.close.end");
      case CLOSE -> m.get("footer.close");
      case BACK -> m.get("footer.back");
      case PAUSE -> m.get("footer.pause");
      case RESUME -> m.get("footer.resume");
      case RATE -> m.get("footer.rate");
      case ADJUST -> m.get("footer.adjust", arrows);
      case ADJUST_SIDEWAYS -> m.get("footer.adjust", Glyphs.leftRight(ascii, m));
      case WHERE -> m.get("footer.where", arrows);
      case CHOOSE -> m.get("footer.choose", arrows);
      case YES -> m.get("footer.yes");
      case NO -> m.get("footer.no");
      case RESUME_YES -> m.get("footer.resume.yes");
      case RESUME_NO -> m.get("footer.resume.no");
      case QUIT_YES -> m.get("footer.quit.yes");
      case QUIT_NO -> m.get("footer.quit.no");
      case SKIP_SET -> m.get("footer.skipSet");
      case SKIP_EXERCISE -> m.get("footer.skipExercise");
      case SEE_SUMMARY -> m.get("footer.seeSummary");
      case QUIT -> m.get("footer.quit");
      case RED_FLAG -> m.get("footer.redFlag");
      case HELP -> m.get("footer.help");
    };
  }
}
