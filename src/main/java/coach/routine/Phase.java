package coach.routine;

import java.util.List;

/**
 * One phase of a repetition: the cue shown, how long it lasts, and a small line drawing of it.
 *
 * @param seconds the phase's length in whole seconds, or null when the phase waits for Enter
 * @param drawing the drawing's lines (at most {@link #DRAWING_ROWS} lines of at most
 *     {@link #DRAWING_COLUMNS} ASCII or box-drawing characters); empty when the phase has none
 */
public record Phase(String cue, Integer seconds, List<String> drawing) {
  public static final int DRAWING_COLUMNS = 24;
  public static final int DRAWING_ROWS = 10;

  public Phase {
    drawing = drawing == null ? List.of() : List.copyOf(drawing);
  }

  /** A phase without a drawing. */
  public Phase(String cue, Integer seconds) {
    this(cue, seconds, List.of());
  }

  public boolean timed() {
    return seconds != null;
  }

  /** The widest line of the drawing, in characters (0 without one). */
  public int drawingWidth() {
    return drawing.stream().mapToInt(String::length).max().orElse(0);
  }

  /** A character a drawing may use: printable ASCII or a box-drawing character. */
  public static boolean drawingCharacter(char c) {
    return (c >= 0x20 && c <= 0x7e) || (c >= 0x2500 && c <= 0x257f);
  }
}
