package coach.cli;

import java.util.List;

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
   * Runs the command.
   *
   * @param args the arguments after the command word
   * @return the process exit code (see {@link ExitCodes})
   */
  int run(List<String> args, CliContext ctx);
}
