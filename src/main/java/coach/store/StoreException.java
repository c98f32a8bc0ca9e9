package coach.store;

/** The history cannot be used; the message is one plain line for the user. */
public final class StoreException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean full;

  public StoreException(String message) {
    this(message, null, false);
  }

  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param full the disk (or a file-size limit) left no room: freeing space and trying again
   *     may succeed, and nothing already saved is at risk
   */
  public StoreException(String message, Throwable cause, boolean full) {
    super(message, cause);
    this.full = full;
  }

  public boolean full() {
    return full;
  }
}
