package coach.routine;

import java.util.List;
import java.util.Optional;

/**
 * A routine as a therapist wrote it: identity, the clinician's contact options, red-flag screening,
 * the pain rule and the exercises in the order they are done. Immutable; built only by
 * {@link RoutineLoader} after every check passed (or by tests).
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
    List<Exercise> exercises) {

  public Routine {
    exercises = List.copyOf(exercises);
  }

  /** This routine with another contact card (a clinic's own card wins over the routine's). */
  public Routine withContact(Contact card) {
    return new Routine(id, title, version, seed, disclaimer, card, redFlags, painRule, exercises);
  }

  public Optional<Exercise> exercise(String exerciseId) {
    return exercises.stream().filter(e -> e.id().equals(exerciseId)).findFirst();
  }
}
