package coach;

import coach.cli.Cli;

/** Entry point: exit with what the command line returns. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Libraries log through java.util.logging, whose default writes to the terminal; nothing but
    // the coach may write there. 'serve' sends its log to a file in the data folder.
    if (System.getProperty("java.util.logging.config.class") == null
        && System.getProperty("java.util.logging.config.file") == null) {
      System.setProperty("java.util.logging.config.class", QuietLogging.class.getName());
    }
    System.exit(Cli.standard().run(args));
  }
}
