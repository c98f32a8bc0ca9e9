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
import coach.tui.view.SafeText;
import java.io.PrintStream;
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
          + e.reps() + " reps" + rounds + "; rest " + e.restSeconds() + " s"
          + (e.frequency() == null ? "; frequency not given" : "; " + e.frequency()));
      for (int i = 0; i < e.rounds().size(); i++) {
        if (!e.roundFocus().get(i).isEmpty()) {
          out.println("       focus for " + e.rounds().get(i) + ": " + e.roundFocus().get(i));
        }
      }
      for (int i = 0; i < e.levels().size(); i++) {
        Level l = e.levels().get(i);
        String role = i == e.startLevel() ? " (prescribed start)"
            : i < e.startLevel() ? " (harder: offered as progress)"
            : i == e.easiestLevel() ? " (easiest)" : " (easier)";
        out.println("       level " + i + role + ": " + l.name() + " [" + l.id() + "]");
        for (Phase p : l.phases()) {
          out.println("         " + (p.timed() ? p.seconds() + " s" : "Enter") + "  " + p.cue());
          if (!p.drawing().isEmpty()) {
            out.println("           drawing, " + p.drawingWidth() + " x " + p.drawing().size()
                + ":");
            for (String line : p.drawing()) {
              out.println(("             " + SafeText.clean(line)).stripTrailing());
            }
          }
        }
      }
    }
    PainRule pr = r.painRule();
    out.println("  Pain rule: a rating is a rise when it is above " + pr.safeUpTo()
        + " and " + pr.increaseBy() + "+ point(s) above the highest rating since the exercise"
        + " started or changed level"
        + (pr.maxAcceptable() == null ? "; no ceiling"
            : "; any rating above " + pr.maxAcceptable() + " is a rise (unless no higher than"
                + " the session's start)")
        + (pr.spreadCounts() ? "; symptoms reaching further counts (asked: \""
            + (pr.regionQuestion() == null ? "Where do you feel the symptoms now?"
                : pr.regionQuestion()) + "\" " + String.join(" / ", pr.regions()) + ")"
            : "; where symptoms reach is not asked")
        + "; asked after each " + pr.askAfter().name().toLowerCase(java.util.Locale.ROOT)
        + (pr.nextMorningCheck() ? "; next-morning check " + pr.nextMorningAfterHours()
            + " h to " + pr.nextMorningWithinDays() + " days after the last session" : "")
        + "; harder level offered after " + pr.progressAfterSessions()
        + " completed sessions on different days without a rise");
    out.println("  Red flags:");
    for (RedFlag f : r.redFlags().questions()) {
      out.println("    - " + f.question() + " [" + f.id() + "]");
    }
    out.println("  Contact: " + r.contact().name()
        + (r.contact().role() == null ? "" : " (" + r.contact().role() + ")")
        + (r.contact().email() == null ? "" : ", " + r.contact().email())
        + (r.contact().phone() == null ? "" : ", " + r.contact().phone())
        + (r.contact().booking() == null ? "" : "; " + r.contact().booking()));
  }
}
