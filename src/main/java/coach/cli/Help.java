package coach.cli;

import java.io.PrintWriter;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;

/** Prints a command's --help in the layout it has always had. */
final class Help {
  private Help() {}

  /**
   * commons-cli 1.10 deprecated this formatter for the one in its {@code help} package, which lays
   * the options out differently; the classic one is kept so the help text stays as documented.
   */
  @SuppressWarnings("deprecation")
  static void print(PrintWriter w, String syntax, String header, Options options, String footer) {
    new HelpFormatter().printHelp(w, 80, syntax, header, options, 2, 2, footer);
    w.flush();
  }
}
