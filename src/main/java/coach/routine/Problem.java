package coach.routine;

/** One thing wrong with a routine file, at a position (line and column from 1; 0 when none). */
public record Problem(String file, int line, int column, String message) {
  /**
   * {@code FILE:LINE:COLUMN: message}, or {@code FILE: message} without a position, in one line
   * that cannot steer the terminal: the file's name and the message quote what was in a file (a
   * field's name, a value), so their controls and invisible characters are escaped
   * ({@link Printable}).
   */
  public String format() {
    String f = Printable.of(file);
    String m = Printable.of(message);
    return line > 0 ? f + ":" + line + ":" + column + ": " + m : f + ": " + m;
  }

  @Override
  public String toString() {
    return format();
  }
}
