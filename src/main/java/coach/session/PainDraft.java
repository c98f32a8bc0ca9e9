package coach.session;

import java.util.OptionalInt;

/**
 * The pain check being answered.
 *
 * @param kind what the check is for
 * @param value the pain number marked; empty when none is marked yet
 * @param one the last key was the digit 1 (so 0 next makes 10)
 * @param region where the symptoms reach: 0 no symptoms, i the routine's (i-1)th region;
 *     empty when not chosen yet
 */
public record PainDraft(Rating.Kind kind, OptionalInt value, boolean one, OptionalInt region) {
  /** A check with nothing marked or chosen yet. */
  public static PainDraft empty(Rating.Kind kind) {
    return new PainDraft(kind, OptionalInt.empty(), false, OptionalInt.empty());
  }

  /** Both are answered as far as the check asks: the number, and where when it asks that. */
  public boolean answered(boolean where) {
    return value.isPresent() && (!where || region.isPresent());
  }
}
