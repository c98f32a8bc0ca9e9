package coach.tui.view;

import coach.tui.words.Language;
import coach.tui.words.Messages;

/**
 * How the screens are drawn on this terminal.
 *
 * @param ascii ASCII instead of box drawing and block glyphs (--ascii, or a non-UTF-8 locale)
 * @param color colour on (off when NO_COLOR is set); meaning never rests on colour alone
 * @param words the language the screens speak (--lang, or the locale); one per terminal
 */
public record Style(boolean ascii, boolean color, Messages words) {
  /** In English. */
  public Style(boolean ascii, boolean color) {
    this(ascii, color, Messages.english());
  }

  /** In a language; the words are this terminal's own. */
  public Style(boolean ascii, boolean color, Language language) {
    this(ascii, color, Messages.of(language));
  }
}
