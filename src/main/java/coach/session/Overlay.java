package coach.session;

/** A layer over the current screen; timers are paused while one is open. */
public enum Overlay {
  NONE,
  PAUSE,
  HELP,
  QUIT_CONFIRM
}
