package coach.cli;

import coach.app.RoutineSummary;
import coach.routine.LoadResult;
import coach.routine.Problem;
import coach.routine.RoutineLoader;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code coach validate FILE...}: checks routine files and prints, for each valid one, a summary
 * a therapist can proofread. Exit 0 when all are valid, 1 when any is not, 2 on a usage error.
 */
public final class ValidateCommand implements Command {
  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String summary() {
    return "check routine files and show what the coach will do with them";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(Option.builder("q").longOpt("quiet").desc("print problems only, no summary")
        .get());
    o.addOption(CommandLines.help());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach validate [--quiet] FILE...",
        "Check routine files (YAML or JSON) and print, for each valid one, a summary to"
            + " proofread: every exercise with its levels and cues, rest, frequency, the pain"
            + " rule in words, red flags and contact. Problems are printed as"
            + " FILE:LINE:COLUMN: message.",
        options(), "Exit status: 0 all valid, 1 any invalid, 2 usage.", List.of(
            Help.example("coach validate my-routine.yaml",
                "check one file and print its summary"),
            Help.example("coach validate --quiet routines/*.yaml",
                "check every routine in a folder: problems, or \"valid\" for each good one")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach validate", options(), this::help, args, ctx, cl -> run(cl, ctx));
  }

  private int run(CommandLine cl, CliContext ctx) {
    if (cl.getArgList().isEmpty()) {
      ctx.err().println("coach validate: give at least one routine file (see coach validate"
          + " --help)");
      return ExitCodes.USAGE;
    }
    RoutineLoader loader = new RoutineLoader();
    boolean allValid = true;
    for (String f : cl.getArgList()) {
      Path p = Path.of(f);
      LoadResult r = loader.load(p.isAbsolute() ? p : ctx.workDir().resolve(f));
      if (!r.ok()) {
        allValid = false;
        for (Problem pr : r.problems()) {
          ctx.err().println(new Problem(f, pr.line(), pr.column(), pr.message()).format());
        }
        continue;
      }
      if (!cl.hasOption("quiet")) {
        RoutineSummary.print(ctx.out(), f, r.routine());
      } else {
        ctx.out().println(f + ": valid");
      }
    }
    return allValid ? ExitCodes.OK : ExitCodes.INVALID;
  }
}
