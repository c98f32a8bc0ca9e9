package coach.cli;

import coach.app.DataDir;
import coach.app.Logs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dispatches the command line: {@code coach [COMMAND] [OPTIONS] [ARGS]}. Without a command word
 * the {@code run} command starts a session. Never throws: any unexpected error becomes a one-line
 * message and {@link ExitCodes#INTERNAL}, with details in the log.
 */
public final class Cli {
  public static final String VERSION = "0.1.0";

  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final CliContext ctx;

  public Cli(CliContext ctx, List<Command> commands) {
    this.ctx = ctx;
    for (Command c : commands) {
      this.commands.put(c.name(), c);
    }
  }

  /**
   * The coach's commands bound to the real process streams and environment; the libraries'
   * logging kept off the terminal.
   */
  public static Cli standard() {
    Logs.quiet();
    return new Cli(CliContext.system(), Commands.all());
  }

  public int run(String[] argv) {
    List<String> args = new ArrayList<>(Arrays.asList(argv));
    List<String> given = List.copyOf(args);
    try {
      if (args.contains("--version") || args.contains("-V")) {
        ctx.out().println("rehab-coach " + VERSION);
        return ExitCodes.OK;
      }
      if (!args.isEmpty() && commands.containsKey(args.get(0))) {
        Command c = commands.get(args.remove(0));
        return c.run(args, ctx);
      }
      if (!args.isEmpty() && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
        ctx.out().print(help());
        return ExitCodes.OK;
      }
      if (!args.isEmpty() && (args.get(0).equals("--version") || args.get(0).equals("-V"))) {
        ctx.out().println("rehab-coach " + VERSION);
        return ExitCodes.OK;
      }
      Command run = commands.get("run");
      return run.run(args, ctx);
    } catch (RuntimeException | Error e) {
      java.nio.file.Path dataDir = DataDir.resolve(dataDirGiven(given), ctx.env());
      Logs.error(dataDir, "unexpected error", e);
      ctx.err().println("coach: internal error: " + e.getClass().getSimpleName()
          + " (details in " + Logs.file(dataDir) + ")");
      return ExitCodes.INTERNAL;
    }
  }

  /**
   * The folder a command line names with --data-dir (either spelling), or null: an error that
   * reaches the top is logged where the person asked, not in the default folder.
   */
  static String dataDirGiven(List<String> args) {
    String found = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        break;
      } else if (a.equals("--data-dir") && i + 1 < args.size()) {
        found = args.get(i + 1);
      } else if (a.startsWith("--data-dir=")) {
        found = a.substring("--data-dir=".length());
      }
    }
    return found;
  }

  /** The general help text listing every command. */
  public String help() {
    StringBuilder sb = new StringBuilder();
    sb.append("Rehab Coach ").append(VERSION)
        .append(": a terminal coach for home rehabilitation exercise.\n")
        .append("It does not diagnose or treat; it guides a routine's exercises and stops them\n")
        .append("when pain goes up.\n\n")
        .append("usage: coach [COMMAND] [OPTIONS] [ARGS]\n\n")
        .append("commands:\n");
    for (Command c : commands.values()) {
      if (c.summary() == null) {
        continue; // internal
      }
      sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
    }
    sb.append("\nWithout a command, 'run' starts a session (default routine: sciatica).\n");
    Command run = commands.get("run");
    if (run != null && run.help() != null) {
      sb.append('\n').append(run.help()).append('\n');
    }
    sb.append("'coach COMMAND --help' shows a command's options, with examples.\n");
    return sb.toString();
  }
}
