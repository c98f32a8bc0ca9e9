package coach.routine;

/**
 * One phase of a repetition: the cue shown and how long it lasts.
 *
 * @param seconds the phase's length in whole seconds, or null when the phase waits for Enter
 */
public record Phase(String cue, Integer seconds) {
  public boolean timed() {
    return seconds != null;
  }
}
