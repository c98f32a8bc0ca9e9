package coach.tui.view;

/**
 * How the screens are drawn on this terminal.
 *
 * @param ascii ASCII instead of box drawing and block glyphs (--ascii, or a non-UTF-8 locale)
 * @param color colour on (off when NO_COLOR is set); meaning never rests on colour alone
 */
public record Style(boolean ascii, boolean color) {}
