package coach.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.routine.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientsTest {
  private static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLs"
      + "abgH5C9okWi0dh2l9GKJl alice@home";

  @TempDir Path tmp;

  private Patients.Loaded load(String text) throws Exception {
    Path f = tmp.resolve("patients.yaml");
    Files.writeString(f, text);
    return Patients.load(f);
  }

  private static String problems(Patients.Loaded l) {
    return l.problems().stream().map(Problem::format).reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void usersMapToPatientsRoutinesKeysAndPasswordHashes() throws Exception {
    String hash = PasswordHash.hash("a long secret".toCharArray());
    Patients.Loaded l = load("users:\n"
        + "  - user: alice\n"
        + "    patient: P-1001\n"
        + "    routine: sciatica\n"
        + "    keys: [\"" + ED25519 + "\"]\n"
        + "  - user: bob\n"
        + "    password: \"" + hash + "\"\n"
        + "  - user: waiting-room\n"
        + "    kiosk: true\n"
        + "patients:\n"
        + "  - P-1002\n"
        + "  - {id: P-1003, routine: other}\n"
        + "  - 4711\n");
    assertTrue(l.ok(), problems(l));
    Patients p = l.patients();
    Patients.User alice = p.user("alice").orElseThrow();
    assertEquals("P-1001", alice.patient());
    assertEquals("sciatica", alice.routine());
    assertEquals(1, alice.keys().size());
    assertEquals("bob", p.user("bob").orElseThrow().patient(), "the user name by default");
    assertTrue(p.anyPassword());
    assertTrue(PasswordHash.matches("a long secret", p.user("bob").orElseThrow().passwordHash()));
    assertTrue(p.user("waiting-room").orElseThrow().kiosk());
    assertEquals(null, p.user("waiting-room").orElseThrow().patient());
    assertTrue(p.patient("P-1001").isPresent(), "a user's patient is a valid code too");
    assertTrue(p.patient("P-1002").isPresent());
    assertTrue(p.patient("4711").isPresent());
    assertEquals("other", p.patient("P-1003").orElseThrow().routine());
    assertFalse(p.patient("waiting-room").isPresent(), "a kiosk is nobody's patient");
    assertFalse(p.user("mallory").isPresent());
    assertEquals(List.of("sciatica", "other"), p.routines());
  }

  @Test
  void everyProblemNamesItsLineAndColumn() throws Exception {
    Patients.Loaded l = load("users:\n"
        + "  - user: alice\n"
        + "    pasword: x\n"
        + "  - user: \"bad name\"\n"
        + "  - user: carol\n"
        + "    password: hunter2\n"
        + "  - user: dave\n"
        + "    keys: [\"ssh-ed25519 notakey\"]\n"
        + "  - user: alice\n"
        + "  - user: kiosk\n"
        + "    kiosk: true\n"
        + "    patient: P-1\n");
    assertFalse(l.ok());
    String p = problems(l);
    String f = tmp.resolve("patients.yaml").toString();
    assertTrue(p.contains(f + ":3:5: unknown field \"pasword\" in a user; did you mean"
        + " \"password\"?"), p);
    assertTrue(p.contains(f + ":4:11: \"user\" must be 1-32 letters"), p);
    assertTrue(p.contains(f + ":6:15: expected a password hash"), p);
    assertTrue(p.contains(f + ":8:12: not an OpenSSH public key"), p);
    assertTrue(p.contains(f + ":9:11: the user \"alice\" is listed twice"), p);
    assertTrue(p.contains(f + ":12:14: a kiosk user asks each patient for their code"), p);
    assertEquals(6, l.problems().size(), p);
  }

  @Test
  void codesAreFoundWhateverTheirCaseAndKeepTheFilesSpelling() throws Exception {
    Patients.Loaded l = load("users:\n"
        + "  - user: alice\n"
        + "    patient: P-1001\n"
        + "patients:\n"
        + "  - P-1003\n"
        + "  - {id: Quinn.S, routine: other}\n");
    assertTrue(l.ok(), problems(l));
    Patients p = l.patients();
    assertEquals("P-1003", p.patient("p-1003").orElseThrow().id());
    assertEquals("P-1001", p.patient("p-1001").orElseThrow().id());
    assertEquals("Quinn.S", p.patient("QUINN.S").orElseThrow().id());
    assertEquals("other", p.patient("quinn.s").orElseThrow().routine());
    assertFalse(p.patient("P-1004").isPresent());
  }

  /**
   * The .deb's default: kiosks with the patients file it ships, which serve reads as it is and
   * which accepts no code until the clinic lists one.
   */
  @Test
  void thePackagedDefaultIsAKioskWithAPatientsFileThatListsNoCodeYet() throws Exception {
    Patients.Loaded l = Patients.load(Path.of("src/packaging/patients.yaml"));
    assertTrue(l.ok(), problems(l));
    assertFalse(l.patients().patient("P-1001").isPresent());
    String conf = Files.readString(Path.of("src/packaging/serve.conf"));
    String opts = conf.lines().filter(x -> x.startsWith("COACH_SERVE_OPTS=")).findFirst()
        .orElseThrow();
    assertTrue(opts.contains("--kiosk") && opts.contains(
        "--patients /etc/rehab-coach/patients.yaml") && !opts.contains("--any-code"), opts);
  }

  @Test
  void oneCodeSpelledTwoWaysIsAProblem() throws Exception {
    Patients.Loaded l = load("users:\n"
        + "  - user: alice\n"
        + "    patient: P-1001\n"
        + "  - user: bob\n"
        + "    patient: p-1001\n"
        + "patients:\n"
        + "  - P-1003\n"
        + "  - p-1003\n");
    assertFalse(l.ok());
    String p = problems(l);
    String f = tmp.resolve("patients.yaml").toString();
    assertTrue(p.contains(f + ":5:14: the patient \"p-1001\" is \"P-1001\" above"), p);
    assertTrue(p.contains(f + ":8:5: the patient \"p-1003\" is \"P-1003\" above"), p);
  }

  @Test
  void aUsersKeyWithAnOptionThatCannotBeHonouredIsAProblem() throws Exception {
    Patients.Loaded l = load("users:\n"
        + "  - user: alice\n"
        + "    keys: [\"command=\\\"/bin/sh\\\" " + ED25519 + "\"]\n"
        + "  - user: bob\n"
        + "    keys: [\"from=\\\"192.168.1.*\\\",restrict " + ED25519 + "\"]\n");
    assertFalse(l.ok());
    String p = problems(l);
    String f = tmp.resolve("patients.yaml").toString();
    assertTrue(p.contains(f + ":3:12: the option \"command\" cannot be honoured"), p);
    assertEquals(1, l.problems().size(), p);
  }

  @Test
  void patientIdsFollowTheSameRuleAsEveryOtherPatientId() throws Exception {
    Patients.Loaded l = load("users:\n"
        + "  - user: alice\n"
        + "    patient: \"=cmd|x\"\n"
        + "patients:\n"
        + "  - \"ab\\u202Ecod\"\n"
        + "  - {id: \"-rf\"}\n"
        + "  - P-1002\n");
    assertFalse(l.ok());
    String p = problems(l);
    String f = tmp.resolve("patients.yaml").toString();
    assertTrue(p.contains(f + ":3:14: \"patient\" must be " + Patients.ID_RULE), p);
    // the direction override is shown as an escape, never sent to the terminal
    assertTrue(p.contains(f + ":5:5: \"ab\\u202Ecod\" is not a valid patient code; use "
        + Patients.ID_RULE), p);
    assertFalse(p.contains("\u202E"), p);
    assertTrue(p.contains(f + ":6:10: \"id\" must be " + Patients.ID_RULE), p);
    assertEquals(3, l.problems().size(), p);
    for (String id : List.of("=cmd|x", "ab\u202Ecod", "-rf", "", "a b", "x".repeat(33))) {
      assertFalse(Patients.validId(id), id);
    }
    for (String id : List.of("P-1002", "a", "anna.b_2", "x".repeat(32))) {
      assertTrue(Patients.validId(id), id);
    }
  }

  @Test
  void brokenFilesGetOneClearLine() throws Exception {
    assertEquals(tmp.resolve("patients.yaml") + ":1:1: the file is empty; expected users and"
        + " patients", problems(load("")).trim());
    assertTrue(problems(load("users: [a, b")).contains(":1:"), problems(load("users: [a, b")));
    assertTrue(problems(load("- a\n")).contains(":1:1: the patients file must be a mapping"));
    assertEquals(tmp.resolve("missing.yaml") + ": no such file",
        problems(Patients.load(tmp.resolve("missing.yaml"))).trim());
  }
}
