package coach.app;

import coach.routine.Exercise;
import coach.routine.Level;
import coach.routine.PainRule;
import coach.routine.Phase;
import coach.routine.RedFlag;
import coach.routine.Routine;
import coach.tui.view.SafeText;
import java.io.PrintStream;
import java.util.List;

/**
 * A valid routine in plain words for a therapist to proofread ({@code coach validate}): every
 * exercise with its levels, cues and drawings, rest, frequency, the pain rule one setting a line,
 * red flags and contact.
 */
public final class RoutineSummary {
  private RoutineSummary() {}

  /** The proofreading summary of a valid routine. */
  public static void print(PrintStream out, String file, Routine r) {
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
