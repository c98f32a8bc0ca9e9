package coach.routine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a parsed document into a {@link Routine}, adding a problem (with its position) for
 * everything wrong: unknown fields (with a "did you mean"), wrong types, missing fields, numbers
 * out of range, a name that is not among the routine's own (a level, a region), duplicate ids,
 * empty lists, control characters in text.
 */
public final class RoutineChecks {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final List<Problem> problems;
  private final NodeReader read;

  RoutineChecks(String file, List<Problem> problems) {
    this.problems = problems;
    this.read = new NodeReader(file, problems);
  }

  /** With the document's text, so a problem inside a drawing names its own line. */
  RoutineChecks(String file, List<Problem> problems, byte[] source) {
    this(file, problems);
    read.withSource(source);
  }

  private void problem(Node at, String message) {
    read.problem(at, message);
  }

  Routine routine(Node root) {
    Node.Map m = read.map(root, "the routine");
    if (m == null) {
      return null;
    }
    read.fields(m, "the routine", "id", "title", "version", "seed", "selfStarted", "disclaimer",
        "contact", "redFlags", "painRule", "exercises");
    String id = id(m, "id", "the routine");
    String title = read.text(m, "title", true, 200, "the routine");
    Integer version = read.integer(m, "version", false, 1, 100000, "the routine");
    String seed = read.text(m, "seed", false, 200, "the routine");
    String disclaimer = read.text(m, "disclaimer", true, MAX(), "the routine");
    Contact contact = contact(read.required(m, "contact", "the routine"));
    RedFlags redFlags = redFlags(read.required(m, "redFlags", "the routine"));
    Node.Entry pr = m.fields().get("painRule");
    PainRule painRule = pr == null ? PainRule.defaults() : painRule(pr.value());
    Boolean selfStarted = read.bool(m, "selfStarted", "the routine");
    List<Exercise> exercises = new ArrayList<>();
    Node.Seq seq = read.list(read.required(m, "exercises", "the routine"), "exercises", 1, 50);
    if (seq != null) {
      Set<String> ids = new HashSet<>();
      for (Node n : seq.items()) {
        Exercise e = exercise(n, painRule);
        if (e != null && !ids.add(e.id())) {
          problem(n, "the exercise id \"" + e.id() + "\" is used twice; ids must be unique");
        }
        exercises.add(e);
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new Routine(id, title, version == null ? 1 : version, seed, disclaimer, contact,
        redFlags, painRule, exercises, Boolean.TRUE.equals(selfStarted));
  }

  private static int MAX() {
    return RoutineLoader.MAX_TEXT;
  }

  /** Checks a contact card on its own (the clinic-wide contact file). */
  Contact contactFile(Node root) {
    Contact c = contact(root);
    return problems.isEmpty() ? c : null;
  }

  private Contact contact(Node n) {
    Node.Map m = read.map(n, "contact");
    if (m == null) {
      return null;
    }
    read.fields(m, "contact", "name", "role", "email", "phone", "booking", "note");
    String name = read.text(m, "name", true, 200, "contact");
    String role = read.text(m, "role", false, 200, "contact");
    String email = read.text(m, "email", false, 200, "contact");
    String phone = read.text(m, "phone", false, 100, "contact");
    String booking = read.text(m, "booking", false, MAX(), "contact");
    String note = read.text(m, "note", false, MAX(), "contact");
    if (email == null && phone == null && booking == null) {
      problem(m, "contact needs at least one way to reach the clinician: email, phone or"
          + " booking");
    }
    return new Contact(name, role, email, phone, booking, note);
  }

  private RedFlags redFlags(Node n) {
    Node.Map m = read.map(n, "redFlags");
    if (m == null) {
      return null;
    }
    read.fields(m, "redFlags", "questions", "advice");
    List<RedFlag> out = new ArrayList<>();
    Node.Seq seq = read.list(read.required(m, "questions", "redFlags"), "questions", 1, 30);
    if (seq != null) {
      Set<String> ids = new HashSet<>();
      for (Node q : seq.items()) {
        Node.Map qm = read.map(q, "a red-flag question");
        if (qm == null) {
          continue;
        }
        read.fields(qm, "a red-flag question", "id", "question");
        String id = id(qm, "id", "a red-flag question");
        String question = read.text(qm, "question", true, MAX(), "a red-flag question");
        if (id != null && !ids.add(id)) {
          problem(qm, "the red-flag id \"" + id + "\" is used twice; ids must be unique");
        }
        out.add(new RedFlag(id, question));
      }
    }
    String advice = read.text(m, "advice", true, MAX(), "redFlags");
    return new RedFlags(out, advice);
  }

  private PainRule painRule(Node n) {
    PainRule d = PainRule.defaults();
    Node.Map m = read.map(n, "painRule");
    if (m == null) {
      return d;
    }
    read.fields(m, "painRule", "increaseBy", "safeUpTo", "maxAcceptable", "spreadCounts",
        "regionQuestion", "regions", "askAfter", "nextMorningCheck", "nextMorningAfterHours",
        "nextMorningWithinDays", "progressAfterSessions", "painQuestion", "spreadStopsTodayAt",
        "resumeWithinHours");
    Integer increaseBy = read.integer(m, "increaseBy", false, 1, 10, "painRule");
    Integer safe = read.integer(m, "safeUpTo", false, 0, 10, "painRule");
    Integer max = d.maxAcceptable();
    if (m.fields().containsKey("maxAcceptable")) {
      max = read.integerOrNone(m, "maxAcceptable", 0, 10, "painRule");
    }
    Boolean spread = read.bool(m, "spreadCounts", "painRule");
    String question = read.text(m, "regionQuestion", false, 200, "painRule");
    String painQuestion = read.text(m, "painQuestion", false, 200, "painRule");
    String ask = read.text(m, "askAfter", false, 20, "painRule");
    PainRule.AskAfter askAfter = d.askAfter();
    if (ask != null) {
      PainRule.AskAfter found = null;
      for (PainRule.AskAfter a : PainRule.AskAfter.values()) {
        if (a.word().equals(ask)) {
          found = a;
        }
      }
      if (found == null) {
        problem(m.fields().get("askAfter").value(), "askAfter must be \"set\", \"exercise\" or"
            + " \"exercise-side\", not \"" + ask + "\"");
      } else {
        askAfter = found;
      }
    }
    List<String> regions = d.regions();
    boolean regionsRead = true;
    Node.Entry re = m.fields().get("regions");
    if (re != null) {
      List<String> rs = read.texts(re.value(), "regions", 1, 10, 60, true);
      if (rs != null) {
        regions = rs;
      } else {
        regionsRead = false;
      }
    }
    String stopsToday = read.text(m, "spreadStopsTodayAt", false, 60, "painRule");
    Boolean morning = read.bool(m, "nextMorningCheck", "painRule");
    Integer afterHours = read.integer(m, "nextMorningAfterHours", false, 0, 72, "painRule");
    Integer withinDays = read.integer(m, "nextMorningWithinDays", false, 1, 60, "painRule");
    Integer progress = read.integer(m, "progressAfterSessions", false, 1, 20, "painRule");
    Integer resume = read.integer(m, "resumeWithinHours", false, 1, 168, "painRule");
    int safeUpTo = safe == null ? d.safeUpTo() : safe;
    if (max != null && safe != null && safeUpTo > max) {
      problem(m.fields().get("safeUpTo").value(), "\"safeUpTo\" is " + safeUpTo
          + ", above \"maxAcceptable\" (" + max + "); the safe zone must lie within the ceiling");
    }
    if ((question != null || re != null) && Boolean.FALSE.equals(spread)) {
      Node at = re != null ? re.value() : m.fields().get("regionQuestion").value();
      problem(at, "\"regions\" and \"regionQuestion\" are only used with"
          + " \"spreadCounts: true\"; remove them or set spreadCounts to true");
    }
    if (stopsToday != null) {
      Node at = m.fields().get("spreadStopsTodayAt").value();
      if (Boolean.FALSE.equals(spread)) {
        problem(at, "\"spreadStopsTodayAt\" is only used with \"spreadCounts: true\"; remove it"
            + " or set spreadCounts to true");
        stopsToday = null;
      } else if (regionsRead && !regions.contains(stopsToday)) {
        problem(at, "\"spreadStopsTodayAt\" is \"" + stopsToday + "\"; expected one of the"
            + " regions: " + String.join(", ", regions));
        stopsToday = null;
      }
    }
    return new PainRule(increaseBy == null ? d.increaseBy() : increaseBy, safeUpTo, max,
        spread == null ? d.spreadCounts() : spread, question, regions, askAfter,
        morning == null ? d.nextMorningCheck() : morning,
        afterHours == null ? d.nextMorningAfterHours() : afterHours,
        withinDays == null ? d.nextMorningWithinDays() : withinDays,
        progress == null ? d.progressAfterSessions() : progress, painQuestion, stopsToday,
        resume == null ? d.resumeWithinHours() : resume);
  }

  private Exercise exercise(Node n, PainRule rule) {
    Node.Map m = read.map(n, "an exercise");
    if (m == null) {
      return null;
    }
    String id = id(m, "id", "an exercise");
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
        String f = read.text(rm, "focus", false, MAX(), "a round of " + where);
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
    String id = id(m, "id", "a level of " + exercise);
    String where = id == null ? "a level of " + exercise : "level \"" + id + "\"";
    read.fields(m, where, "id", "name", "feel", "position", "phases", "reversePhases", "rounds");
    String name = read.text(m, "name", true, 200, where);
    String feel = read.text(m, "feel", true, MAX(), where);
    String position = read.text(m, "position", false, MAX(), where);
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
        String cue = read.text(pm, "cue", true, MAX(), "a phase of " + where);
        Integer seconds = read.integerOrNone(pm, "seconds", 1, 600, "a phase of " + where);
        Node.Entry de = pm.fields().get("drawing");
        List<String> drawing = de == null ? List.of()
            : read.drawing(de.value(), "drawing", Phase.DRAWING_COLUMNS, Phase.DRAWING_ROWS);
        phases.add(new Phase(cue, seconds, drawing));
      }
    }
    return phases;
  }

  private String id(Node.Map m, String field, String where) {
    String s = read.text(m, field, true, 64, where);
    if (s != null && !ID.matcher(s).matches()) {
      problem(m.fields().get(field).value(), "\"" + s + "\" is not a valid id; use lower-case"
          + " letters, digits, '-', '_' or '.', starting with a letter or digit");
      return null;
    }
    return s;
  }
}
