package coach.routine;

/** One thing wrong with a routine file, at a position (line and column from 1; 0 when none). */
public record Problem(String file, int line, int column, String message) {
  /** {@code FILE:LINE:COLUMN: message}, or {@code FILE: message} without a position. */
  public String format() {
    return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
  }

  @Override
  public String toString() {
    return format();
  }
}
