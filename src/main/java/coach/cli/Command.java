package coach.cli;

import java.util.List;
import org.apache.commons.cli.Options;

/** One sub-command of the coach (run, validate, list, history, export, report, serve). */
public interface Command {
  /** The word that selects this command on the command line. */
  String name();

  /** One line for the help text. */
  String summary();

  /**
   * What {@code coach NAME --help} prints: the usage, each option with what it does, and examples
   * that use every option; null for an internal command that is not listed.
   */
  default String help() {
    return null;
  }

  /**
   * The command's options, as its parser and its --help take them; the man page and the shell
   * completions are made from them too.
   */
  default Options options() {
    return new Options();
  }

  /**
   * Runs the command.
   *
   * @param args the arguments after the command word
   * @return the process exit code (see {@link ExitCodes})
   */
  int run(List<String> args, CliContext ctx);
}
