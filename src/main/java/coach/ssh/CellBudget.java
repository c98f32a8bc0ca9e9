package coach.ssh;

/**
 * The screen cells of all of a server's sessions together, so no client-chosen window size can
 * exhaust the memory the server shares (a screen keeps two buffers, about 8 bytes a cell). Every
 * session may always have up to {@link #FREE} cells (200x60, more than an ordinary window);
 * cells beyond that come from one shared allowance, and a window that would need more than is
 * left is asked to get smaller (see {@link ChannelTerminal}). The largest a server's screens
 * take is then about (sessions x {@link #FREE} + the allowance) x 8 bytes.
 */
final class CellBudget {
  /** Cells any session may have, whatever the others take. */
  static final long FREE = 200L * 60;
  /** The shared allowance beyond {@link #FREE}: 4 million cells, about 32 MB. */
  static final long SHARED = 4_000_000L;

  private final long shared;
  private long used;

  CellBudget(long shared) {
    this.shared = shared;
  }

  /**
   * A session's screen goes from {@code from} cells to {@code to}: true, and counted, when there
   * is room (always when it does not grow beyond {@link #FREE}); false, and nothing changed,
   * when not.
   */
  synchronized boolean resize(long from, long to) {
    long more = beyondFree(to) - beyondFree(from);
    if (more > 0 && used + more > shared) {
      return false;
    }
    used += more;
    return true;
  }

  /** Cells taken from the shared allowance now (for tests and the load line). */
  synchronized long used() {
    return used;
  }

  private static long beyondFree(long cells) {
    return Math.max(0, cells - FREE);
  }
}
