package coach.cli;

/** Exit codes shared by every command. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** Bad input: an invalid routine, a missing file, a store we cannot use. */
  public static final int INVALID = 1;
  /** {@code coach due}: no session is due today (the same number as {@link #INVALID}). */
  public static final int NOT_DUE = 1;
  /** A usage error on the command line. */
  public static final int USAGE = 2;
  /** The terminal cannot host the full-screen coach (no TTY, TERM=dumb). */
  public static final int NO_TERMINAL = 3;
  /** Another session of the same patient is running now. */
  public static final int BUSY = 4;
  /** An unexpected internal error; details are in the log. */
  public static final int INTERNAL = 70;
  /**
   * The session was ended after saving by SIGHUP, or because its terminal went away: 128 + 1, as
   * a shell reports a process that SIGHUP ended.
   */
  public static final int HANGUP = 129;
  /** The session was ended by SIGINT after saving: 128 + 2, as a shell reports it. */
  public static final int INTERRUPTED = 130;
  /** The session was ended by SIGTERM after saving: 128 + 15, as a shell reports it. */
  public static final int TERMINATED = 143;

  /** The exit code for a session ended by this signal ("HUP", "INT" or "TERM"). */
  public static int forSignal(String name) {
    return switch (name) {
      case "HUP" -> HANGUP;
      case "TERM" -> TERMINATED;
      default -> INTERRUPTED;
    };
  }

  private ExitCodes() {}
}
