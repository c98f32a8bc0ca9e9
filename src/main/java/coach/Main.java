package coach;

import coach.cli.Cli;

/** Entry point: exit with what the command line returns. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.standard().run(args));
  }
}
