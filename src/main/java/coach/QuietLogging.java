package coach;

/**
 * The configuration of java.util.logging, through which libraries log: none, so no handler
 * writes to the terminal, which only the coach may write to. Named by {@link Main}; read only if
 * something logs. {@code serve} adds its own file handler.
 */
public final class QuietLogging {
  public QuietLogging() {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.OFF);
  }
}
