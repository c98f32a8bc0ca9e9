package coach.kiosk;

import coach.routine.FileText;
import coach.routine.Node;
import coach.routine.NodeReader;
import coach.routine.Printable;
import coach.routine.Problem;
import coach.routine.RoutineLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The patients file of a clinic: which SSH user names may log in, whose patient they are, which
 * routine they do, and the codes a kiosk's start screen accepts. Passwords only as salted
 * hashes. Read with the same positions and bounds as routine files; every problem names its line
 * and column.
 *
 * <pre>
 * users:
 *   - user: alice                  # the SSH user name
 *     patient: P-1001              # whose history (default: the user name)
 *     routine: sciatica            # default: the server's --routine
 *     keys: ["ssh-ed25519 AAAA... alice@home"]
 *     password: "pbkdf2-sha256$600000$...$..."
 *   - user: waiting-room
 *     kiosk: true                  # the start screen asks for a patient code
 *   - user: dr-kim
 *     clinician: true              # the clinic board instead of a session
 * patients:                        # codes a kiosk accepts, besides the users' patients
 *                                  # (compared without regard to case)
 *   - P-1002
 *   - {id: P-1003, routine: sciatica}
 * </pre>
 */
public final class Patients {
  /** SSH user names and patient codes: letters, digits, dot, dash, underscore; 1-32 long. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
  /** {@link #NAME} in words, for messages that refuse a name or a patient id. */
  public static final String ID_RULE =
      "1-32 letters, digits, '.', '-' or '_', starting with a letter or digit";
  private static final int MAX_ENTRIES = 10_000;

  /** One SSH user. {@code routine} null means the server's default. */
  public record User(String name, String patient, String routine, boolean kiosk,
      List<AuthorizedKey> keys, String passwordHash, boolean clinician) {}

  /** A patient a kiosk accepts by code; {@code routine} null means the kiosk's own. */
  public record Patient(String id, String routine) {}

  private final Map<String, User> users;
  private final Map<String, Patient> patients;

  private Patients(Map<String, User> users, Map<String, Patient> patients) {
    this.users = users;
    this.patients = patients;
  }

  /** The outcome of reading a patients file: the file or its problems. */
  public record Loaded(Patients patients, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Optional<User> user(String name) {
    return Optional.ofNullable(users.get(name));
  }

  /**
   * The patient a code typed at a kiosk belongs to (codes are patient ids), compared without
   * regard to case: {@code p-1003} finds {@code P-1003}, whose spelling the history then uses.
   */
  public Optional<Patient> patient(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(patients.get(key(code)));
  }

  /** Codes are compared without regard to case (ASCII only, as every valid code is). */
  static String key(String code) {
    return code.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a patient id (or SSH user name) is well formed: the one rule for every place a patient
   * id enters, be it a kiosk code, a login, a patients file or {@code --patient}. Such an id cannot
   * hold control or invisible characters, and cannot start like a spreadsheet formula.
   */
  public static boolean validId(String id) {
    return id != null && NAME.matcher(id).matches();
  }

  public boolean anyPassword() {
    return users.values().stream().anyMatch(u -> u.passwordHash() != null);
  }

  /** Every routine named in the file, with where it was named (to load them up front). */
  public List<String> routines() {
    List<String> r = new ArrayList<>();
    users.values().forEach(u -> {
      if (u.routine() != null) {
        r.add(u.routine());
      }
    });
    patients.values().forEach(p -> {
      if (p.routine() != null) {
        r.add(p.routine());
      }
    });
    return r.stream().distinct().toList();
  }

  public static Loaded load(Path file) {
    return load(file, java.time.ZoneId.systemDefault());
  }

  /** Reads a patients file; keys' expiry times without a Z are in {@code zone}. */
  public static Loaded load(Path file, java.time.ZoneId zone) {
    String name = file.toString();
    List<Problem> problems = new ArrayList<>();
    FileText.Read read = FileText.read(file, RoutineLoader.MAX_BYTES);
    if (read.problem() != null) {
      return new Loaded(null, List.of(read.problem()));
    }
    byte[] bytes = read.bytes();
    Node root = new RoutineLoader().readTree(name, bytes,
        name.toLowerCase(Locale.ROOT).endsWith(".json"), "users and patients", problems);
    if (root == null) {
      return new Loaded(null, problems);
    }
    return new Reader(name, problems, zone).read(root);
  }

  private static final class Reader {
    private final String file;
    private final List<Problem> problems;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Patient> patients = new LinkedHashMap<>();
    private final java.time.ZoneId zone;

    Reader(String file, List<Problem> problems, java.time.ZoneId zone) {
      this.file = file;
      this.problems = problems;
      this.zone = zone;
    }

    private void problem(Node at, String message) {
      problems.add(new Problem(file, at.line(), at.column(), message));
    }

    Loaded read(Node root) {
      Node.Map top = map(root, "the patients file");
      if (top == null) {
        return new Loaded(null, problems);
      }
      fields(top, "the patients file", "users", "patients");
      if (!top.fields().containsKey("users") && !top.fields().containsKey("patients")) {
        problem(top, "the patients file needs \"users\" (SSH logins) or \"patients\" (kiosk"
            + " codes)");
      }
      for (Node n : list(top, "users")) {
        user(n);
      }
      for (Node n : list(top, "patients")) {
        patientEntry(n);
      }
      return new Loaded(problems.isEmpty() ? new Patients(users, patients) : null, problems);
    }

    private void user(Node n) {
      Node.Map m = map(n, "a user");
      if (m == null) {
        return;
      }
      fields(m, "a user", "user", "patient", "routine", "kiosk", "clinician", "keys",
          "password");
      String user = name(m, "user", true);
      String patient = name(m, "patient", false);
      String routine = text(m, "routine");
      boolean kiosk = false;
      Node.Entry k = m.fields().get("kiosk");
      if (k != null) {
        if (k.value() instanceof Node.Scalar s && s.value() instanceof Boolean b) {
          kiosk = b;
        } else {
          problem(k.value(), "\"kiosk\" must be true or false");
        }
      }
      boolean clinician = false;
      Node.Entry cl = m.fields().get("clinician");
      if (cl != null) {
        if (cl.value() instanceof Node.Scalar s && s.value() instanceof Boolean b) {
          clinician = b;
        } else {
          problem(cl.value(), "\"clinician\" must be true or false");
        }
      }
      if (clinician && (kiosk || patient != null)) {
        problem(cl.value(), "a clinician user sees the clinic board, so it has no \"patient\""
            + " and is not a kiosk");
      }
      if (kiosk && patient != null) {
        problem(m.fields().get("patient").value(), "a kiosk user asks each patient for their"
            + " code, so it has no \"patient\"");
      }
      List<AuthorizedKey> keys = new ArrayList<>();
      for (Node kn : list(m, "keys")) {
        String line = kn instanceof Node.Scalar s && s.value() instanceof String t ? t : null;
        if (line == null) {
          problem(kn, "a key must be text: one line of an OpenSSH authorized_keys file");
          continue;
        }
        try {
          keys.add(AuthorizedKey.parse(line, zone));
        } catch (AuthorizedKey.Refused e) {
          problem(kn, e.getMessage());
        }
      }
      String password = null;
      Node.Entry p = m.fields().get("password");
      if (p != null) {
        password = p.value() instanceof Node.Scalar s && s.value() instanceof String t ? t : null;
        String why = password == null ? "\"password\" must be text" : PasswordHash.problem(
            password);
        if (why != null) {
          problem(p.value(), why);
          password = null;
        }
      }
      if (user == null) {
        return;
      }
      if (users.containsKey(user)) {
        problem(m.fields().get("user").value(), "the user \"" + user + "\" is listed twice");
        return;
      }
      String pid = kiosk || clinician ? null : patient != null ? patient : user;
      Patient same = pid == null ? null : patients.get(key(pid));
      if (same != null && !same.id().equals(pid)) {
        Node at = m.fields().containsKey("patient") ? m.fields().get("patient").value()
            : m.fields().get("user").value();
        problem(at, spelledTwice(pid, same.id()));
        return;
      }
      users.put(user, new User(user, pid, routine, kiosk, List.copyOf(keys), password,
          clinician));
      if (pid != null) {
        patients.putIfAbsent(key(pid), new Patient(pid, routine));
      }
    }

    private void patientEntry(Node n) {
      String id;
      String routine = null;
      Node at = n;
      if (n instanceof Node.Scalar s && (s.value() instanceof String
          || s.value() instanceof Long)) {
        id = s.value().toString();
      } else if (n instanceof Node.Map m) {
        fields(m, "a patient", "id", "routine");
        id = name(m, "id", true);
        routine = text(m, "routine");
        if (id == null) {
          return;
        }
        at = m.fields().get("id").value();
      } else {
        problem(n, "a patient is a code (text) or {id: CODE, routine: NAME}");
        return;
      }
      if (!validId(id)) {
        problem(at, "\"" + clip(id) + "\" is not a valid patient code; use " + ID_RULE);
        return;
      }
      Patient old = patients.get(key(id));
      if (old != null && !old.id().equals(id)) {
        problem(at, spelledTwice(id, old.id()));
        return;
      }
      if (old != null && routine != null && old.routine() != null
          && !old.routine().equals(routine)) {
        problem(at, "the patient \"" + id + "\" is given two routines");
        return;
      }
      patients.put(key(id), new Patient(id, routine != null ? routine : old == null ? null
          : old.routine()));
    }

    private static String spelledTwice(String id, String first) {
      return "the patient \"" + id + "\" is \"" + first + "\" above: codes are the same"
          + " whatever their case, so write it one way";
    }

    private Node.Map map(Node n, String what) {
      if (n instanceof Node.Map m) {
        return m;
      }
      problem(n, what + " must be a mapping of fields (name: value)");
      return null;
    }

    private List<Node> list(Node.Map m, String field) {
      Node.Entry e = m.fields().get(field);
      if (e == null) {
        return List.of();
      }
      if (!(e.value() instanceof Node.Seq s)) {
        problem(e.value(), "\"" + field + "\" must be a list");
        return List.of();
      }
      if (s.items().size() > MAX_ENTRIES) {
        problem(s, "\"" + field + "\" has more than " + MAX_ENTRIES + " entries");
        return List.of();
      }
      return s.items();
    }

    private void fields(Node.Map m, String where, String... known) {
      for (var e : m.fields().entrySet()) {
        if (!List.of(known).contains(e.getKey())) {
          String hint = NodeReader.closest(e.getKey(), known);
          problems.add(new Problem(file, e.getValue().line(), e.getValue().column(),
              "unknown field \"" + clip(e.getKey()) + "\" in " + where + (hint == null
                  ? "; expected one of " + String.join(", ", known)
                  : "; did you mean \"" + hint + "\"?")));
        }
      }
    }

    private String text(Node.Map m, String field) {
      Node.Entry e = m.fields().get(field);
      if (e == null) {
        return null;
      }
      if (e.value() instanceof Node.Scalar s && s.value() instanceof String t && !t.isBlank()
          && t.length() <= 200 && t.chars().noneMatch(Character::isISOControl)) {
        return t;
      }
      problem(e.value(), "\"" + field + "\" must be a routine name or file (text, one line)");
      return null;
    }

    private String name(Node.Map m, String field, boolean required) {
      Node.Entry e = m.fields().get(field);
      if (e == null) {
        if (required) {
          problem(m, "missing the required field \"" + field + "\"");
        }
        return null;
      }
      Object v = e.value() instanceof Node.Scalar s ? s.value() : null;
      String t = v instanceof String str ? str : v instanceof Long l ? l.toString() : null;
      if (!validId(t)) {
        problem(e.value(), "\"" + field + "\" must be " + ID_RULE);
        return null;
      }
      return t;
    }

    /** A value for a message: cut to 40, controls and invisible format characters escaped. */
    private static String clip(String s) {
      return s.length() > 40 ? Printable.of(s.substring(0, 40)) + "..."
          : Printable.of(s);
    }
  }
}
