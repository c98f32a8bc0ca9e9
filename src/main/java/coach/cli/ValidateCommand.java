package coach.cli;

import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.LoadResult;
import coach.routine.Phase;
import coach.routine.PainRule;
import coach.routine.Problem;
import coach.routine.RedFlag;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

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

  private static Options options() {
    Options o = new Options();
    o.addOption(Option.builder("q").longOpt("quiet").desc("print problems only, no summary")
        .get());
    o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
    return o;
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    CommandLine cl;
    try {
      cl = new DefaultParser().parse(options(), args.toArray(new String[0]));
    } catch (ParseException e) {
      ctx.err().println("coach validate: " + e.getMessage() + " (see coach validate --help)");
      return ExitCodes.USAGE;
    }
    if (cl.hasOption("help")) {
      Help.print(new java.io.PrintWriter(ctx.out()), "coach validate [--quiet] FILE...",
          "Check routine files (YAML or JSON). Problems are printed as FILE:LINE:COLUMN:"
              + " message.", options(), "Exit status: 0 all valid, 1 any invalid, 2 usage.");
      return ExitCodes.OK;
    }
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
        summary(ctx.out(), f, r.routine());
      } else {
        ctx.out().println(f + ": valid");
      }
    }
    return allValid ? ExitCodes.OK : ExitCodes.INVALID;
  }

  /** The proofreading summary of a valid routine. */
  static void summary(PrintStream out, String file, Routine r) {
    out.println(file + ": valid");
    out.println("  " + r.title() + " (id " + r.id() + ", version " + r.version()
        + (r.seed() == null ? "" : ", from seed " + r.seed()) + ")");
    out.println("  Exercises:");
    int n = 1;
    for (Exercise e : r.exercises()) {
      String rounds = e.rounds().size() == 1 && e.rounds().get(0).isEmpty() ? ""
          : ", each for: " + String.join(" / ", e.rounds());
      out.println("  " + n++ + ". " + e.name() + " [" + e.id() + "]: " + e.sets() + " sets x "
          + e.reps() + " reps" + rounds + "; rest " + e.restSeconds() + " s; " + e.frequency());
      for (int i = 0; i < e.levels().size(); i++) {
        Level l = e.levels().get(i);
        out.println("       level " + i + (i == 0 ? " (prescribed)" : i == e.easiestLevel()
            ? " (easiest)" : "") + ": " + l.name() + " [" + l.id() + "]");
        for (Phase p : l.phases()) {
          out.println("         " + (p.timed() ? p.seconds() + " s" : "Enter") + "  " + p.cue());
        }
      }
    }
    PainRule pr = r.painRule();
    out.println("  Pain rule: increase = " + pr.increaseBy() + "+ point(s) over the last rating"
        + " or the baseline" + (pr.spreadCounts() ? "; spreading further down counts" : "")
        + (pr.maxAcceptable() == null ? "" : "; above " + pr.maxAcceptable() + " counts")
        + "; asked after each " + pr.askAfter().name().toLowerCase(java.util.Locale.ROOT)
        + "; regions: " + String.join(", ", pr.regions())
        + (pr.nextMorningCheck() ? "; next-morning check" : "")
        + "; harder level offered after " + pr.progressAfterSessions() + " quiet sessions");
    out.println("  Red flags:");
    for (RedFlag f : r.redFlags().questions()) {
      out.println("    - " + f.question() + " [" + f.id() + "]");
    }
    out.println("  Contact: " + r.contact().name()
        + (r.contact().email() == null ? "" : ", " + r.contact().email())
        + (r.contact().phone() == null ? "" : ", " + r.contact().phone())
        + (r.contact().booking() == null ? "" : "; " + r.contact().booking()));
  }
}
