package coach.routine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of one exercise of a routine and what it holds: its fields, its levels (with their
 * own rounds and reverse phases), its rounds (a label, or a name with a focus and a direction),
 * and each level's phases; a problem, with its position, for everything wrong.
 */
final class ExerciseChecks {
  private final NodeReader read;

  ExerciseChecks(NodeReader read) {
    this.read = read;
  }

  private void problem(Node at, String message) {
    read.problem(at, message);
  }

  /** One exercise; null when it cannot be built (each reason is a problem). */
  Exercise exercise(Node n, PainRule rule) {
    Node.Map m = read.map(n, "an exercise");
    if (m == null) {
      return null;
    }
    String id = read.id(m, "id", "an exercise");
    String where = id == null ? "an exercise" : "exercise \"" + id + "\"";
    read.fields(m, where, "id", "name", "frequency", "sets", "reps", "rounds", "restSeconds",
        "start", "loadsNerve", "levels");
    String name = read.text(m, "name", true, 200, where);
    String frequency = read.text(m, "frequency", false, 100, where);
    Integer sets = read.integer(m, "sets", true, 1, 20, where);
    Integer reps = read.integer(m, "reps", true, 1, 100, where);
    List<String> rounds = List.of("");
    List<String> focus = List.of("");
    Set<String> reversed = new HashSet<>();
    Node.Entry re = m.fields().get("rounds");
    if (re != null) {
      List<String[]> rs = rounds(re.value(), where, true);
      if (rs != null) {
        rounds = rs.stream().map(r -> r[0]).toList();
        focus = rs.stream().map(r -> r[1]).toList();
        rs.stream().filter(r -> r[2] != null).forEach(r -> reversed.add(r[0]));
      }
    }
    Integer rest = read.integer(m, "restSeconds", false, 0, 600, where);
    Boolean loadsNerve = read.bool(m, "loadsNerve", where);
    List<Level> levels = new ArrayList<>();
    Node.Seq seq = read.list(read.required(m, "levels", where), "levels", 1, 10);
    if (seq != null) {
      Set<String> ids = new HashSet<>();
      for (Node ln : seq.items()) {
        Level l = level(ln, where);
        if (l != null && l.id() != null && !ids.add(l.id())) {
          problem(ln, "the level id \"" + l.id() + "\" is used twice in " + where);
        }
        if (l != null) {
          reverseRounds(ln, l, where, reversed);
        }
        levels.add(l);
      }
    }
    int start = 0;
    String startId = read.text(m, "start", false, 64, where);
    if (startId != null) {
      start = -1;
      List<String> known = new ArrayList<>();
      for (int i = 0; i < levels.size(); i++) {
        Level l = levels.get(i);
        if (l != null && l.id() != null) {
          known.add(l.id());
          if (l.id().equals(startId)) {
            start = i;
          }
        }
      }
      if (start < 0) {
        problem(m.fields().get("start").value(), "\"start\" names the level \"" + startId
            + "\", which " + where + " does not have; expected one of its level ids: "
            + String.join(", ", known));
        return null;
      }
    }
    if (id == null || name == null || sets == null || reps == null || levels.isEmpty()
        || levels.contains(null)) {
      return null;
    }
    return new Exercise(id, name, frequency, sets, reps, rounds, focus,
        rest == null ? 30 : rest, levels, start, Boolean.TRUE.equals(loadsNerve), reversed);
  }

  /**
   * A level of an exercise with reverse rounds gives their phases; a level's reverse phases
   * without such a round would never be shown.
   */
  private void reverseRounds(Node ln, Level l, String exercise, Set<String> reversed) {
    boolean inReverse = l.ownRounds() == null && !reversed.isEmpty();
    if (inReverse && l.reversePhases().isEmpty()) {
      problem(ln, "level \"" + l.id() + "\" of " + exercise + " has no \"reversePhases\";"
          + " expected them, because " + (reversed.size() == 1 ? "the round " : "the rounds ")
          + String.join(", ", reversed.stream().sorted().map(r -> "\"" + r + "\"").toList())
          + (reversed.size() == 1 ? " is" : " are") + " marked \"reverse: true\"");
    } else if (!inReverse && !l.reversePhases().isEmpty()) {
      problem(((Node.Map) ln).fields().get("reversePhases").value(), "level \"" + l.id()
          + "\" of " + exercise + " has \"reversePhases\", but none of its rounds is marked"
          + " \"reverse: true\"; expected such a round, or no reversePhases");
    }
  }

  /**
   * Rounds: each a label, or {name, focus} ({name, focus, reverse} when {@code reverse} may be
   * given). Returns [label, focus, "reverse" or null] triples, or null.
   */
  private List<String[]> rounds(Node n, String where, boolean reverse) {
    Node.Seq s = read.list(n, "rounds", 1, 12);
    if (s == null) {
      return null;
    }
    List<String[]> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : s.items()) {
      String label;
      String focus = "";
      String backward = null;
      if (item instanceof Node.Map rm) {
        if (reverse) {
          read.fields(rm, "a round of " + where, "name", "focus", "reverse");
        } else {
          read.fields(rm, "a round of " + where, "name", "focus");
        }
        label = read.text(rm, "name", true, 100, "a round of " + where);
        String f = read.text(rm, "focus", false, RoutineLoader.MAX_TEXT, "a round of " + where);
        focus = f == null ? "" : f;
        Boolean r = reverse ? read.bool(rm, "reverse", "a round of " + where) : null;
        backward = Boolean.TRUE.equals(r) ? "reverse" : null;
      } else {
        label = read.textValue(item, "rounds", true, 100, false);
      }
      if (label == null) {
        continue;
      }
      if (!seen.add(label)) {
        problem(item, "\"" + label + "\" appears twice in \"rounds\"");
      }
      out.add(new String[] {label, focus, backward});
    }
    return out.size() == s.items().size() ? out : null;
  }

  private Level level(Node n, String exercise) {
    Node.Map m = read.map(n, "a level of " + exercise);
    if (m == null) {
      return null;
    }
    String id = read.id(m, "id", "a level of " + exercise);
    String where = id == null ? "a level of " + exercise : "level \"" + id + "\"";
    read.fields(m, where, "id", "name", "feel", "position", "phases", "reversePhases", "rounds");
    String name = read.text(m, "name", true, 200, where);
    String feel = read.text(m, "feel", true, RoutineLoader.MAX_TEXT, where);
    String position = read.text(m, "position", false, RoutineLoader.MAX_TEXT, where);
    List<Phase> phases = phases(read.required(m, "phases", where), "phases", where);
    Node.Entry rev = m.fields().get("reversePhases");
    List<Phase> reversePhases = rev == null ? List.of()
        : phases(rev.value(), "reversePhases", where);
    List<String> own = null;
    Node.Entry re = m.fields().get("rounds");
    if (re != null) {
      if (re.value() instanceof Node.Scalar sc && "none".equals(sc.value())) {
        own = List.of("");
      } else if (re.value() instanceof Node.Seq) {
        List<String[]> rs = rounds(re.value(), where, false);
        own = rs == null ? null : rs.stream().map(r -> r[0]).toList();
      } else {
        problem(re.value(), "\"rounds\" of " + where + " must be a list of round names or the"
            + " word none");
      }
    }
    return new Level(id, name, feel, phases, position, reversePhases, own);
  }

  /** A level's list of phases (its phases, or its reverse phases). */
  private List<Phase> phases(Node list, String field, String where) {
    List<Phase> phases = new ArrayList<>();
    Node.Seq seq = list == null ? null : read.list(list, field, 1, 12);
    if (seq != null) {
      for (Node pn : seq.items()) {
        Node.Map pm = read.map(pn, "a phase");
        if (pm == null) {
          continue;
        }
        read.fields(pm, "a phase of " + where, "cue", "seconds", "drawing");
        String cue = read.text(pm, "cue", true, RoutineLoader.MAX_TEXT, "a phase of " + where);
        Integer seconds = read.integerOrNone(pm, "seconds", 1, 600, "a phase of " + where);
        Node.Entry de = pm.fields().get("drawing");
        List<String> drawing = de == null ? List.of()
            : read.drawing(de.value(), "drawing", Phase.DRAWING_COLUMNS, Phase.DRAWING_ROWS);
        phases.add(new Phase(cue, seconds, drawing));
      }
    }
    return phases;
  }
}
