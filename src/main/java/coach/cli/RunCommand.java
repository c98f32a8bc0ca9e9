package coach.cli;

import java.util.List;

/** Starts a coaching session (the default command). The full-screen coach is wired in here. */
public final class RunCommand implements Command {
  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "start a coaching session on a routine (default: sciatica)";
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    ctx.err().println("coach: the full-screen session is not built yet");
    return ExitCodes.INVALID;
  }
}
