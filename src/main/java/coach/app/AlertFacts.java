package coach.app;

import coach.routine.Exercise;
import coach.routine.Routine;
import coach.session.Reason;
import coach.session.Rise;
import java.util.List;
import java.util.Optional;

/**
 * The facts behind an alert in a few words ("pain 2 -> 8 (above the limit of 5) in Nerve glide"),
 * from a stop's stored reason and, when it can still be found, the routine's names for its
 * exercises, levels and regions.
 */
final class AlertFacts {
  private AlertFacts() {}

  /** A stop's reason in a few words: the pain, or where the symptoms spread. */
  static String why(Reason reason, Optional<Routine> routine) {
    Rise rise = reason instanceof Reason.AtEasiest a ? a.rise()
        : reason instanceof Reason.Stopped x ? x.rise()
        : reason instanceof Reason.StopToday t ? t.rise() : null;
    if (reason instanceof Reason.HighStartStop h) {
      return "pain " + h.start() + " before starting, above the limit of " + h.limit();
    }
    if (rise == null) {
      return "";
    }
    return rise.spread() && !rise.byNumber() && !rise.aboveLimit() ? "symptoms spread "
        + spread(routine, rise) : pain(rise);
  }

  /** Why a session stopped for today, from its stored reason. */
  static String today(Reason reason, Optional<Routine> routine, String exerciseId) {
    if (reason instanceof Reason.HighStartStop h) {
      return "pain " + h.start() + " before starting, above the limit of " + h.limit();
    }
    if (!(reason instanceof Reason.StopToday t)) {
      return reason.code();
    }
    Rise r = t.rise();
    Optional<Exercise> ex = exercise(routine, exerciseId);
    String name = name(ex, exerciseId);
    String where = " in " + name + " (" + level(ex, t.level()) + ")";
    if (t.second()) {
      return "a second exercise stopped, " + (r.spread() && !r.byNumber() && !r.aboveLimit()
          ? "symptoms spread " + spread(routine, r) : pain(r)) + where;
    } else if (r.spread()) {
      return "symptoms reaching " + region(routine, r.spreadTo()) + where;
    } else if (ex.isPresent() && t.level() == ex.get().levels().size() - 1) {
      return pain(r) + " in " + name + ", already at the easiest level ("
          + level(ex, t.level()) + ")";
    }
    return pain(r) + where;
  }

  /** "pain 2 -> 8 (above the limit of 5)", "pain 7 (above the limit of 5)", "pain 2 -> 5". */
  static String pain(Rise r) {
    return "pain " + (r.to() > r.from() ? r.from() + " -> " + r.to() : r.to())
        + (r.aboveLimit() ? " (above the limit of " + r.limit() + ")" : "");
  }

  /** "from the buttock to the foot", or "to the thigh (no symptoms before)". */
  static String spread(Optional<Routine> routine, Rise r) {
    return r.spreadFrom() <= 0 ? "to " + region(routine, r.spreadTo()) + " (no symptoms before)"
        : "from " + region(routine, r.spreadFrom()) + " to " + region(routine, r.spreadTo());
  }

  /**
   * A region by its rank in the routine's regions, with "the" unless the name stands alone
   * ("the thigh", "below the knee"); "region 3" when the routine is not at hand.
   */
  static String region(Optional<Routine> routine, int rank) {
    List<String> regions = routine.map(r -> r.painRule().regions()).orElse(List.of());
    if (rank < 1 || rank > regions.size()) {
      return "region " + rank;
    }
    String name = regions.get(rank - 1);
    return name.matches("(?i)(below|above|under|over|the) .*") ? name : "the " + name;
  }

  /** The exercise's name; its id when the routine is not at hand. */
  static String name(Optional<Exercise> ex, String id) {
    return ex.map(Exercise::name).orElse(id == null ? "an exercise" : id);
  }

  static Optional<Exercise> exercise(Optional<Routine> routine, String id) {
    return routine.flatMap(r -> r.exercises().stream().filter(x -> x.id().equals(id))
        .findFirst());
  }

  static String level(Optional<Exercise> ex, int level) {
    return ex.filter(x -> level >= 0 && level < x.levels().size())
        .map(x -> x.levels().get(level).name()).orElse("level " + level);
  }
}
