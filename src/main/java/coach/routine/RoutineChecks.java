package coach.routine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a parsed document into a {@link Routine}, adding a problem (with its position) for
 * everything wrong: unknown fields (with a "did you mean"), wrong types, missing fields, numbers
 * out of range, duplicate ids, empty lists, control characters in text.
 */
public final class RoutineChecks {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final String file;
  private final List<Problem> problems;

  RoutineChecks(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  private void problem(Node at, String message) {
    problems.add(new Problem(file, at.line(), at.column(), message));
  }

  private void problem(int line, int col, String message) {
    problems.add(new Problem(file, line, col, message));
  }

  Routine routine(Node root) {
    Node.Map m = map(root, "the routine");
    if (m == null) {
      return null;
    }
    fields(m, "the routine", "id", "title", "version", "seed", "disclaimer", "contact",
        "redFlags", "painRule", "exercises");
    String id = id(m, "id", "the routine");
    String title = text(m, "title", true, 200, "the routine");
    Integer version = integer(m, "version", false, 1, 100000, "the routine");
    String seed = text(m, "seed", false, 200, "the routine");
    String disclaimer = text(m, "disclaimer", true, MAX(), "the routine");
    Contact contact = contact(required(m, "contact", "the routine"));
    RedFlags redFlags = redFlags(required(m, "redFlags", "the routine"));
    Node.Entry pr = m.fields().get("painRule");
    PainRule painRule = pr == null ? PainRule.defaults() : painRule(pr.value());
    List<Exercise> exercises = new ArrayList<>();
    Node.Seq seq = list(required(m, "exercises", "the routine"), "exercises", 1, 50);
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
        redFlags, painRule, exercises);
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
    Node.Map m = map(n, "contact");
    if (m == null) {
      return null;
    }
    fields(m, "contact", "name", "role", "email", "phone", "booking", "note");
    String name = text(m, "name", true, 200, "contact");
    String role = text(m, "role", false, 200, "contact");
    String email = text(m, "email", false, 200, "contact");
    String phone = text(m, "phone", false, 100, "contact");
    String booking = text(m, "booking", false, MAX(), "contact");
    String note = text(m, "note", false, MAX(), "contact");
    if (email == null && phone == null && booking == null) {
      problem(m, "contact needs at least one way to reach the clinician: email, phone or"
          + " booking");
    }
    return new Contact(name, role, email, phone, booking, note);
  }

  private RedFlags redFlags(Node n) {
    Node.Map m = map(n, "redFlags");
    if (m == null) {
      return null;
    }
    fields(m, "redFlags", "questions", "advice");
    List<RedFlag> out = new ArrayList<>();
    Node.Seq seq = list(required(m, "questions", "redFlags"), "questions", 1, 30);
    if (seq != null) {
      Set<String> ids = new HashSet<>();
      for (Node q : seq.items()) {
        Node.Map qm = map(q, "a red-flag question");
        if (qm == null) {
          continue;
        }
        fields(qm, "a red-flag question", "id", "question");
        String id = id(qm, "id", "a red-flag question");
        String question = text(qm, "question", true, MAX(), "a red-flag question");
        if (id != null && !ids.add(id)) {
          problem(qm, "the red-flag id \"" + id + "\" is used twice; ids must be unique");
        }
        out.add(new RedFlag(id, question));
      }
    }
    String advice = text(m, "advice", true, MAX(), "redFlags");
    return new RedFlags(out, advice);
  }

  private PainRule painRule(Node n) {
    PainRule d = PainRule.defaults();
    Node.Map m = map(n, "painRule");
    if (m == null) {
      return d;
    }
    fields(m, "painRule", "increaseBy", "safeUpTo", "maxAcceptable", "spreadCounts",
        "regionQuestion", "regions", "askAfter", "nextMorningCheck", "nextMorningAfterHours",
        "nextMorningWithinDays", "progressAfterSessions");
    Integer increaseBy = integer(m, "increaseBy", false, 1, 10, "painRule");
    Integer safe = integer(m, "safeUpTo", false, 0, 10, "painRule");
    Integer max = d.maxAcceptable();
    if (m.fields().containsKey("maxAcceptable")) {
      max = integer(m, "maxAcceptable", false, 0, 10, "painRule");
    }
    Boolean spread = bool(m, "spreadCounts", "painRule");
    String question = text(m, "regionQuestion", false, 200, "painRule");
    String ask = text(m, "askAfter", false, 20, "painRule");
    PainRule.AskAfter askAfter = d.askAfter();
    if (ask != null) {
      switch (ask) {
        case "set" -> askAfter = PainRule.AskAfter.SET;
        case "exercise" -> askAfter = PainRule.AskAfter.EXERCISE;
        default -> problem(m.fields().get("askAfter").value(),
            "askAfter must be \"set\" or \"exercise\", not \"" + ask + "\"");
      }
    }
    List<String> regions = d.regions();
    Node.Entry re = m.fields().get("regions");
    if (re != null) {
      List<String> rs = texts(re.value(), "regions", 1, 10, 60, true);
      if (rs != null) {
        regions = rs;
      }
    }
    Boolean morning = bool(m, "nextMorningCheck", "painRule");
    Integer afterHours = integer(m, "nextMorningAfterHours", false, 0, 72, "painRule");
    Integer withinDays = integer(m, "nextMorningWithinDays", false, 1, 60, "painRule");
    Integer progress = integer(m, "progressAfterSessions", false, 1, 20, "painRule");
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
    return new PainRule(increaseBy == null ? d.increaseBy() : increaseBy, safeUpTo, max,
        spread == null ? d.spreadCounts() : spread, question, regions, askAfter,
        morning == null ? d.nextMorningCheck() : morning,
        afterHours == null ? d.nextMorningAfterHours() : afterHours,
        withinDays == null ? d.nextMorningWithinDays() : withinDays,
        progress == null ? d.progressAfterSessions() : progress);
  }

  private Exercise exercise(Node n, PainRule rule) {
    Node.Map m = map(n, "an exercise");
    if (m == null) {
      return null;
    }
    String id = id(m, "id", "an exercise");
    String where = id == null ? "an exercise" : "exercise \"" + id + "\"";
    fields(m, where, "id", "name", "frequency", "sets", "reps", "rounds", "restSeconds",
        "start", "levels");
    String name = text(m, "name", true, 200, where);
    String frequency = text(m, "frequency", false, 100, where);
    Integer sets = integer(m, "sets", true, 1, 20, where);
    Integer reps = integer(m, "reps", true, 1, 100, where);
    List<String> rounds = List.of("");
    List<String> focus = List.of("");
    Node.Entry re = m.fields().get("rounds");
    if (re != null) {
      List<String[]> rs = rounds(re.value(), where);
      if (rs != null) {
        rounds = rs.stream().map(r -> r[0]).toList();
        focus = rs.stream().map(r -> r[1]).toList();
      }
    }
    Integer rest = integer(m, "restSeconds", false, 0, 600, where);
    List<Level> levels = new ArrayList<>();
    Node.Seq seq = list(required(m, "levels", where), "levels", 1, 10);
    if (seq != null) {
      Set<String> ids = new HashSet<>();
      for (Node ln : seq.items()) {
        Level l = level(ln, where);
        if (l != null && l.id() != null && !ids.add(l.id())) {
          problem(ln, "the level id \"" + l.id() + "\" is used twice in " + where);
        }
        levels.add(l);
      }
    }
    int start = 0;
    String startId = text(m, "start", false, 64, where);
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
        rest == null ? 30 : rest, levels, start);
  }

  /** Rounds: each a label, or {name, focus}. Returns [label, focus] pairs, or null. */
  private List<String[]> rounds(Node n, String where) {
    Node.Seq s = list(n, "rounds", 1, 12);
    if (s == null) {
      return null;
    }
    List<String[]> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : s.items()) {
      String label;
      String focus = "";
      if (item instanceof Node.Map rm) {
        fields(rm, "a round of " + where, "name", "focus");
        label = text(rm, "name", true, 100, "a round of " + where);
        String f = text(rm, "focus", false, MAX(), "a round of " + where);
        focus = f == null ? "" : f;
      } else {
        label = textValue(item, "rounds", true, 100, false);
      }
      if (label == null) {
        continue;
      }
      if (!seen.add(label)) {
        problem(item, "\"" + label + "\" appears twice in \"rounds\"");
      }
      out.add(new String[] {label, focus});
    }
    return out.size() == s.items().size() ? out : null;
  }

  private Level level(Node n, String exercise) {
    Node.Map m = map(n, "a level of " + exercise);
    if (m == null) {
      return null;
    }
    String id = id(m, "id", "a level of " + exercise);
    String where = id == null ? "a level of " + exercise : "level \"" + id + "\"";
    fields(m, where, "id", "name", "feel", "phases");
    String name = text(m, "name", true, 200, where);
    String feel = text(m, "feel", true, MAX(), where);
    List<Phase> phases = new ArrayList<>();
    Node.Seq seq = list(required(m, "phases", where), "phases", 1, 12);
    if (seq != null) {
      for (Node pn : seq.items()) {
        Node.Map pm = map(pn, "a phase");
        if (pm == null) {
          continue;
        }
        fields(pm, "a phase of " + where, "cue", "seconds");
        String cue = text(pm, "cue", true, MAX(), "a phase of " + where);
        Integer seconds = integer(pm, "seconds", false, 1, 600, "a phase of " + where);
        phases.add(new Phase(cue, seconds));
      }
    }
    return new Level(id, name, feel, phases);
  }

  // ---- building blocks -----------------------------------------------------------------------

  private Node.Map map(Node n, String what) {
    if (n instanceof Node.Map m) {
      return m;
    }
    if (n != null) {
      problem(n, what + " must be a mapping of fields (name: value), " + describe(n));
    }
    return null;
  }

  private Node required(Node.Map m, String field, String where) {
    Node.Entry e = m.fields().get(field);
    if (e == null) {
      problem(m, where + " is missing the required field \"" + field + "\"");
      return null;
    }
    return e.value();
  }

  private Node.Seq list(Node n, String field, int min, int max) {
    if (n == null) {
      return null;
    }
    if (!(n instanceof Node.Seq s)) {
      problem(n, "\"" + field + "\" must be a list, " + describe(n));
      return null;
    }
    if (s.items().size() < min) {
      problem(n, "\"" + field + "\" is empty; it needs at least " + min + " item"
          + (min == 1 ? "" : "s"));
      return null;
    }
    if (s.items().size() > max) {
      problem(n, "\"" + field + "\" has " + s.items().size() + " items; at most " + max);
      return null;
    }
    return s;
  }

  /** Reports unknown fields, suggesting the closest known one. */
  private void fields(Node.Map m, String where, String... known) {
    for (var e : m.fields().entrySet()) {
      String key = e.getKey();
      boolean ok = false;
      for (String k : known) {
        if (k.equals(key)) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        String hint = closest(key, known);
        problem(e.getValue().line(), e.getValue().column(), "unknown field \"" + key + "\" in "
            + where + (hint == null ? "; expected one of " + String.join(", ", known)
            : "; did you mean \"" + hint + "\"?"));
      }
    }
  }

  public static String closest(String key, String... known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    int allowed = key.length() <= 3 ? 1 : Math.max(2, key.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private String id(Node.Map m, String field, String where) {
    String s = text(m, field, true, 64, where);
    if (s != null && !ID.matcher(s).matches()) {
      problem(m.fields().get(field).value(), "\"" + s + "\" is not a valid id; use lower-case"
          + " letters, digits, '-', '_' or '.', starting with a letter or digit");
      return null;
    }
    return s;
  }

  private String text(Node.Map m, String field, boolean required, int maxLength, String where) {
    Node.Entry e = m.fields().get(field);
    if (e == null) {
      if (required) {
        problem(m, where + " is missing the required field \"" + field + "\"");
      }
      return null;
    }
    return textValue(e.value(), field, required, maxLength, false);
  }

  private String textValue(Node n, String field, boolean required, int maxLength,
      boolean allowEmpty) {
    boolean blank = n instanceof Node.Scalar s && (s.value() == null
        || (s.value() instanceof String t && t.isBlank() && !allowEmpty));
    if (blank) {
      problem(n, "\"" + field + "\" is empty; " + (required ? "expected text"
          : "give text or leave the field out"));
      return null;
    }
    if (!(n instanceof Node.Scalar s) || !(s.value() instanceof String str)) {
      problem(n, "\"" + field + "\" must be text, " + describe(n));
      return null;
    }
    if (str.length() > maxLength) {
      problem(n, "\"" + field + "\" is " + str.length() + " characters long; at most "
          + maxLength);
      return null;
    }
    int bad = badCharacter(str);
    if (bad >= 0) {
      problem(n, "\"" + field + "\" contains a control character (U+"
          + String.format("%04X", (int) str.charAt(bad)) + ") at character " + (bad + 1)
          + "; routine text must be plain");
      return null;
    }
    return str;
  }

  /** The index of the first control, escape, DEL, C1 or bidi-override character, or -1. */
  static int badCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = (c < 0x20 && c != '\n') || c == 0x7f || (c >= 0x80 && c <= 0x9f)
          || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
          || c == 0x200e || c == 0x200f || c == 0x061c;
      if (bad) {
        return i;
      }
    }
    return -1;
  }

  private List<String> texts(Node n, String field, int min, int max, int maxLength,
      boolean unique) {
    Node.Seq s = list(n, field, min, max);
    if (s == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : s.items()) {
      String t = textValue(item, field, true, maxLength, false);
      if (t == null) {
        continue;
      }
      if (!seen.add(t)) {
        problem(item, "\"" + t + "\" appears twice in \"" + field + "\"");
      }
      out.add(t);
    }
    return out.size() == s.items().size() ? out : null;
  }

  private Integer integer(Node.Map m, String field, boolean required, int min, int max,
      String where) {
    Node.Entry e = m.fields().get(field);
    if (e == null) {
      if (required) {
        problem(m, where + " is missing the required field \"" + field + "\"");
      }
      return null;
    }
    Node n = e.value();
    if (n instanceof Node.Scalar s && s.value() == null
        && (field.equals("maxAcceptable") || field.equals("seconds"))) {
      return null; // an explicit "no ceiling" or "wait for Enter"
    }
    if (!(n instanceof Node.Scalar s) || !(s.value() instanceof Long v)) {
      problem(n, "\"" + field + "\" must be a whole number, " + describe(n));
      return null;
    }
    if (v < min || v > max) {
      problem(n, "\"" + field + "\" is " + v + "; expected a whole number from " + min + " to "
          + max);
      return null;
    }
    return v.intValue();
  }

  private Boolean bool(Node.Map m, String field, String where) {
    Node.Entry e = m.fields().get(field);
    if (e == null) {
      return null;
    }
    if (!(e.value() instanceof Node.Scalar s) || !(s.value() instanceof Boolean b)) {
      problem(e.value(), "\"" + field + "\" must be true or false, " + describe(e.value()));
      return null;
    }
    return b;
  }

  private static String describe(Node n) {
    if (n instanceof Node.Map) {
      return "not a mapping of fields";
    }
    if (n instanceof Node.Seq) {
      return "not a list";
    }
    Object v = ((Node.Scalar) n).value();
    if (v == null) {
      return "but it is empty";
    }
    if (v instanceof String s) {
      return "got text (\"" + (s.length() > 30 ? s.substring(0, 30) + "..." : s) + "\")";
    }
    if (v instanceof Long || v instanceof Double) {
      return "got the number " + v;
    }
    return "got " + v;
  }
}
