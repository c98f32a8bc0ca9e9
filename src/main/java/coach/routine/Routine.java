package coach.routine;

import java.util.List;
import java.util.Optional;

/**
 * A routine as a therapist wrote it: identity, the clinician's contact options, red-flag screening,
 * the pain rule and the exercises in the order they are done. Immutable; built only by
 * {@link RoutineLoader} after every check passed (or by tests).
 *
 * @param selfStarted nobody prescribed it (a routine from a public article, like the bundled
 *     one): the coach never speaks of "your clinician's" choice, and asks once about signs of a
 *     serious cause before the first session
 */
public record Routine(
    String id,
    String title,
    int version,
    String seed,
    String disclaimer,
    Contact contact,
    RedFlags redFlags,
    PainRule painRule,
    List<Exercise> exercises,
    boolean selfStarted) {

  public Routine {
    exercises = List.copyOf(exercises);
  }

  /** A routine a clinician prescribed. */
  public Routine(String id, String title, int version, String seed, String disclaimer,
      Contact contact, RedFlags redFlags, PainRule painRule, List<Exercise> exercises) {
    this(id, title, version, seed, disclaimer, contact, redFlags, painRule, exercises, false);
  }

  /** This routine with another contact card (a clinic's own card wins over the routine's). */
  public Routine withContact(Contact card) {
    return new Routine(id, title, version, seed, disclaimer, card, redFlags, painRule, exercises,
        selfStarted);
  }

  /** This routine with another pain rule. */
  public Routine withPainRule(PainRule rule) {
    return new Routine(id, title, version, seed, disclaimer, contact, redFlags, rule, exercises,
        selfStarted);
  }

  /** This routine, prescribed by nobody (or by a clinician). */
  public Routine withSelfStarted(boolean self) {
    return new Routine(id, title, version, seed, disclaimer, contact, redFlags, painRule,
        exercises, self);
  }

  public Optional<Exercise> exercise(String exerciseId) {
    return exercises.stream().filter(e -> e.id().equals(exerciseId)).findFirst();
  }
}
