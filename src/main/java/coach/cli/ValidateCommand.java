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
    List<String> undrawn = new java.util.ArrayList<>();
    int phases = 0;
    for (Exercise e : r.exercises()) {
      String rounds = e.rounds().size() == 1 && e.rounds().get(0).isEmpty() ? ""
          : ", each for: " + String.join(" / ", e.rounds().stream()
              .map(x -> e.reversed().contains(x) ? x + " (in reverse)" : x).toList());
      out.println("  " + n++ + ". " + e.name() + " [" + e.id() + "]: " + e.sets() + " sets x "
          + e.reps() + " reps" + rounds + "; rest " + e.restSeconds() + " s"
          + (e.frequency() == null ? "; frequency not given" : "; " + e.frequency()));
      if (e.loadsNerve()) {
        out.println("       Loads the nerve: skipped for the rest of a session after symptoms"
            + " spread" + (r.painRule().spreadCounts() ? "."
                : " (but where symptoms reach is not asked, so it is never skipped)."));
      }
      for (int i = 0; i < e.rounds().size(); i++) {
        if (!e.roundFocus().get(i).isEmpty()) {
          out.println("       focus for " + e.rounds().get(i) + ": " + e.roundFocus().get(i));
        }
      }
      for (int i = 0; i < e.levels().size(); i++) {
        Level l = e.levels().get(i);
        String role = i == e.startLevel() ? (r.selfStarted() ? " (start)" : " (prescribed start)")
            : i < e.startLevel() ? " (harder: offered as progress)"
            : i == e.easiestLevel() ? " (easiest)" : " (easier)";
        out.println("       level " + i + role + ": " + l.name() + " [" + l.id() + "]");
        if (l.position() != null) {
          out.println("         start position: " + l.position());
        }
        if (l.ownRounds() != null) {
          out.println("         " + (l.ownRounds().equals(List.of("")) ? "done as one round"
              + " (the exercise's rounds do not apply)"
              : "its own rounds: " + String.join(" / ", l.ownRounds())));
        }
        phases += phases(out, l.phases(), e.id() + "/" + l.id(), undrawn);
        if (!l.reversePhases().isEmpty()) {
          out.println("         in reverse rounds:");
          phases += phases(out, l.reversePhases(), e.id() + "/" + l.id() + " (reverse)",
              undrawn);
        }
      }
    }
    out.println(undrawn.isEmpty() ? "  Drawings: every phase has one (" + phases + " phases)."
        : "  Drawings: " + undrawn.size() + " of " + phases + " phases have none: "
            + String.join(", ", undrawn));
    painRule(out, r.painRule());
    if (r.selfStarted()) {
      out.println("  Nobody prescribed this routine: the coach never speaks of your clinician's"
          + " choice, and asks once about signs of a serious cause before the first session.");
    }
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

  /** A level's phases with their drawings; returns how many, adding those without a drawing. */
  private static int phases(PrintStream out, List<Phase> phases, String where,
      List<String> undrawn) {
    for (int k = 0; k < phases.size(); k++) {
      Phase p = phases.get(k);
      out.println("         " + (p.timed() ? p.seconds() + " s" : "Enter") + "  " + p.cue());
      if (p.drawing().isEmpty()) {
        undrawn.add(where + " phase " + (k + 1));
      } else {
        out.println("           drawing, " + p.drawingWidth() + " x " + p.drawing().size()
            + ":");
        for (String line : p.drawing()) {
          out.println(("             " + SafeText.clean(line)).stripTrailing());
        }
      }
    }
    return phases.size();
  }

  /** The pain rule in plain words, one setting a line. */
  private static void painRule(PrintStream out, PainRule pr) {
    out.println("  Pain rule:");
    out.println("    Pain rated 0-10: " + (pr.painQuestion() == null
        ? "the coach's own question (\"How much does it hurt right now?\")"
        : "\"" + pr.painQuestion() + "\"") + ", asked before starting and after "
        + pr.askAfter().meaning() + ".");
    out.println("    A rating above " + pr.safeUpTo() + " and " + pr.increaseBy() + " or more"
        + " points above the highest rating since the exercise started or changed level is a"
        + " rise: the next easier level for the remaining sets (at the easiest level the exercise"
        + " stops).");
    out.println(pr.maxAcceptable() == null ? "    No ceiling: no rating stops an exercise at once"
        + " by its number alone."
        : "    A rating above " + pr.maxAcceptable() + " stops the exercise at once (after a start"
            + " above " + pr.maxAcceptable() + ", a rating above the start does).");
    if (pr.spreadCounts()) {
      out.println("    Where symptoms reach is asked (\""
          + (pr.regionQuestion() == null ? "Where do you feel the symptoms now?"
              : pr.regionQuestion()) + "\" " + String.join(" / ", pr.regions())
          + "); reaching further stops the exercise at once.");
      out.println(pr.spreadStopsTodayAt() == null
          ? "    Symptoms spreading stop the exercise, not the session."
          : "    Symptoms reaching " + pr.spreadStopsTodayAt() + " or further stop the session"
              + " for today.");
    } else {
      out.println("    Where symptoms reach is not asked.");
    }
    out.println(pr.nextMorningCheck() ? "    Next-morning check " + pr.nextMorningAfterHours()
        + " h to " + pr.nextMorningWithinDays() + " days after the last session."
        : "    No next-morning check.");
    out.println("    Harder level offered after " + pr.progressAfterSessions()
        + " completed sessions on different days without a rise, stop or spread in it.");
    out.println("    A session cut off less than " + pr.resumeWithinHours()
        + (pr.resumeWithinHours() == 1 ? " hour" : " hours") + " ago is offered for resuming.");
  }
}
