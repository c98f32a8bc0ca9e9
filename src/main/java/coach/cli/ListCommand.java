package coach.cli;

import coach.app.DataDir;
import coach.routine.Printable;
import coach.routine.RoutineCatalog;
import java.io.IOException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code coach list}: the bundled routines and those in the user's routines folder. */
public final class ListCommand implements Command {
  @Override
  public String name() {
    return "list";
  }

  @Override
  public String summary() {
    return "show the bundled routines and those in your routines folder";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(CommandLines.dataDir("the data folder whose routines/ folder holds your routines"));
    o.addOption(CommandLines.help());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach list [--data-dir DIR]",
        "Lists the bundled routines and the *.yaml, *.yml and *.json files in DIR/routines,"
            + " each with its title, or why it cannot be used.",
        options(), null, List.of(
            Help.example("coach list", "the bundled routines and those in your data folder"),
            Help.example("coach list --data-dir /var/lib/rehab-coach",
                "the routines a clinic's kiosks can use")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach list", options(), this::help, args, ctx, cl -> run(cl, ctx));
  }

  private int run(CommandLine cl, CliContext ctx) {
    if (!cl.getArgList().isEmpty()) {
      ctx.err().println("coach list: takes no arguments, not " + Quote.of(cl.getArgList().get(0))
          + " (see coach list --help)");
      return ExitCodes.USAGE;
    }
    var folder = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env()).resolve("routines");
    try {
      for (RoutineCatalog.Entry e : new RoutineCatalog(folder, ctx.workDir()).list()) {
        // names from the folder, a title from the file: shown as they are only when printable
        String status = e.result().ok()
            ? Printable.of(e.result().routine().title()) + " ("
                + count(e.result().routine().exercises().size(), "exercise") + ")"
            : "INVALID: " + count(e.result().problems().size(), "problem")
                + "; see coach validate";
        ctx.out().printf("%-16s %-50s %s%n", Printable.of(e.name()), status,
            Printable.of(e.source()));
      }
      ctx.out().println("Your routines folder: " + Printable.of(folder.toString()));
      return ExitCodes.OK;
    } catch (IOException e) {
      ctx.err().println("coach list: cannot read " + Printable.of(folder.toString()) + ": "
          + Printable.of(e.getMessage()));
      return ExitCodes.INVALID;
    }
  }

  /** "1 exercise", "4 exercises". */
  static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
