package coach.routine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a parsed document into a {@link Routine}, adding a problem (with its position) for
 * everything wrong: unknown fields (with a "did you mean"), wrong types, missing fields, numbers
 * out of range, a name that is not among the routine's own (a level, a region), duplicate ids,
 * empty lists, control characters in text.
 */
public final class RoutineChecks {
  private final List<Problem> problems;
  private final NodeReader read;
  /** The checks of each exercise, its levels, rounds and phases. */
  private final ExerciseChecks exercises;

  RoutineChecks(String file, List<Problem> problems) {
    this.problems = problems;
    this.read = new NodeReader(file, problems);
    this.exercises = new ExerciseChecks(read);
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
    String id = read.id(m, "id", "the routine");
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
        Exercise e = this.exercises.exercise(n, painRule);
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
        String id = read.id(qm, "id", "a red-flag question");
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
    return d.toBuilder()
        .increaseBy(increaseBy == null ? d.increaseBy() : increaseBy)
        .safeUpTo(safeUpTo)
        .maxAcceptable(max)
        .spreadCounts(spread == null ? d.spreadCounts() : spread)
        .regionQuestion(question)
        .regions(regions)
        .askAfter(askAfter)
        .nextMorningCheck(morning == null ? d.nextMorningCheck() : morning)
        .nextMorningAfterHours(afterHours == null ? d.nextMorningAfterHours() : afterHours)
        .nextMorningWithinDays(withinDays == null ? d.nextMorningWithinDays() : withinDays)
        .progressAfterSessions(progress == null ? d.progressAfterSessions() : progress)
        .painQuestion(painQuestion)
        .spreadStopsTodayAt(stopsToday)
        .resumeWithinHours(resume == null ? d.resumeWithinHours() : resume)
        .build();
  }
}
