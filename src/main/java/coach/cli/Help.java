package coach.cli;

import coach.tui.view.Canvas;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;

/**
 * A command's --help: the usage line, what the command does, each option with what it does, any
 * notes, then examples, each a command line with what it does on the line below (wrapped as the
 * screens wrap a paragraph, {@link Canvas#wrap}).
 */
final class Help {
  static final int WIDTH = 80;

  private Help() {}

  /** One example: a command line and what it does. */
  record Example(String command, String what) {}

  static Example example(String command, String what) {
    return new Example(command, what);
  }

  /**
   * The help text. commons-cli 1.10 deprecated its classic formatter for the one in its
   * {@code help} package, which lays the options out differently; the classic one is kept so the
   * option table stays as documented.
   */
  @SuppressWarnings("deprecation")
  static String text(String syntax, String header, Options options, String notes,
      List<Example> examples) {
    StringWriter sw = new StringWriter();
    PrintWriter w = new PrintWriter(sw);
    new HelpFormatter().printHelp(w, WIDTH, syntax, header, options, 2, 2, notes);
    w.flush();
    StringBuilder sb = new StringBuilder(sw.toString());
    if (!examples.isEmpty()) {
      sb.append("Examples:").append(System.lineSeparator());
      for (Example e : examples) {
        sb.append("  ").append(e.command()).append(System.lineSeparator());
        for (String line : Canvas.wrap(e.what(), WIDTH - 6)) {
          sb.append("      ").append(line).append(System.lineSeparator());
        }
      }
    }
    return sb.toString();
  }
}
