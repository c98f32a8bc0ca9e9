package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.app.report.TherapistHistory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coach report --format html} and {@code coach export --format fhir} as a therapist runs
 * them on a recorded fortnight: files that only their owner reads, the days asked for, and one
 * line with a usage exit for each option they cannot use.
 */
class TherapistRecordCommandsTest {
  @TempDir Path tmp;
  Path data;

  @BeforeEach
  void fortnight() throws Exception {
    data = TherapistHistory.record(tmp.resolve("h"), TherapistHistory.PATIENT);
  }

  private InProcess run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = data.toString();
    return InProcess.run(Map.of("USER", "pat", "HOME", tmp.toString()), tmp, all);
  }

  private static void assertOneLineUsage(InProcess r, String expected) {
    assertEquals(ExitCodes.USAGE, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals(expected + "\n", r.err());
  }

  @Test
  void theHtmlReportIsAFileOnlyItsOwnerReads() throws Exception {
    InProcess r = run("report", "--patient", "P-1001", "--format", "html", "-o", "r.html");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("Wrote the report of P-1001 (8 sessions) to "), r.err());
    Path file = tmp.resolve("r.html");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    String html = Files.readString(file);
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.contains("<h1>Rehab Coach report for patient P-1001</h1>"), html);
  }

  @Test
  void theDaysAskedForAreTheDaysShown() {
    InProcess r = run("report", "--patient", "P-1001", "--since", "2026-11-09", "--until",
        "2026-11-10");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\nDays asked for: 2026-11-09 to 2026-11-10\n"), r.out());
    assertTrue(r.out().contains("\nSessions: 2 from 2026-11-09 to 2026-11-10\n"), r.out());
    // the alert of the first Monday is left out, the red flag's is in
    assertFalse(r.out().contains("Dr Kim"), r.out());
    assertTrue(r.out().contains("2026-11-09  red flag: "), r.out());
    InProcess none = run("report", "--patient", "P-1001", "--since", "2026-12-01");
    assertEquals(0, none.code(), none.err());
    assertEquals("No sessions recorded yet for P-1001 in the days asked for.\n", none.out());
  }

  @Test
  void theFhirExportIsABundleForThePatientSystem() throws Exception {
    InProcess r = run("export", "--patient", "P-1001", "--format", "fhir", "--patient-system",
        "urn:oid:1.2.36.146.595.217.0.1", "-o", "b.json");
    assertEquals(0, r.code(), r.err());
    // 31 ratings (the lying pelvic tilts are one round a set); 15 events: the signs, 5 changes, 2 contacts, 4 mornings, a red flag, a
    // clearance and a stop for today
    assertTrue(r.err().startsWith("Wrote 46 FHIR resources to "), r.err());
    Path file = tmp.resolve("b.json");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    JsonNode bundle = new ObjectMapper().readTree(file.toFile());
    assertEquals(46, bundle.get("entry").size());
    assertEquals("urn:oid:1.2.36.146.595.217.0.1", bundle.get("entry").get(0).get("resource")
        .get("subject").get("identifier").get("system").asText());
    InProcess screen = run("export", "--all-patients", "--since", "2026-11-10", "--format",
        "fhir", "--patient-system", "https://clinic.example/patients");
    assertEquals(0, screen.code(), screen.err());
    // the last two sessions: 4 ratings, a clearance, a contact and a stop for today
    assertEquals(7, new ObjectMapper().readTree(screen.out()).get("entry").size(), screen.out());
  }

  @Test
  void anOptionTheyCannotUseIsOneLineAndAUsageExit() {
    assertOneLineUsage(run("report", "--format", "pdf"),
        "coach report: --format takes text or html, not \"pdf\"");
    assertOneLineUsage(run("report", "--since", "2026-13-01"),
        "coach report: --since takes a date like 2026-11-01, not \"2026-13-01\"");
    assertOneLineUsage(run("report", "--until", "\u001b[2J"),
        "coach report: --until takes a date like 2026-11-01, not \"\\u001B[2J\"");
    assertOneLineUsage(run("report", "--since", "2026-11-10", "--until", "2026-11-09"),
        "coach report: --until 2026-11-09 is before --since 2026-11-10");
    assertOneLineUsage(run("export", "--patient", "P-1001", "--format", "fhir"),
        "coach export: --format fhir needs --patient-system URI, the namespace of the"
            + " clinic's patient ids (as https://clinic.example/patients or urn:oid:1.2.3)");
    assertOneLineUsage(run("export", "--patient", "P-1001", "--format", "fhir",
        "--patient-system", "clinic\nids"), "coach export: --patient-system"
        + " \"clinic\\u000Aids\": it holds spaces, controls or other characters a URI cannot");
    assertOneLineUsage(run("export", "--patient", "P-1001", "--format", "fhir",
        "--patient-system", "ftp://clinic.example/ids"), "coach export: --patient-system"
        + " \"ftp://clinic.example/ids\": it must start with https://, http://, urn:oid: or"
        + " urn:uuid:");
    assertOneLineUsage(run("export", "--patient", "P-1001", "--patient-system",
        "https://clinic.example/patients"),
        "coach export: --patient-system is for --format fhir");
    assertOneLineUsage(run("export", "--format", "xml"),
        "coach export: --format takes csv, json or fhir, not \"xml\"");
  }

  @Test
  void aFileThatCannotBeWrittenIsOneLineAndNoTrace() {
    InProcess r = run("report", "--patient", "P-1001", "--format", "html", "-o",
        "no/such/folder/r.html");
    assertEquals(ExitCodes.INVALID, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("coach report: cannot write "), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    InProcess f = run("export", "--patient", "P-1001", "--format", "fhir", "--patient-system",
        "https://clinic.example/patients", "-o", "no/such/folder/b.json");
    assertEquals(ExitCodes.INVALID, f.code());
    assertEquals(1, f.err().lines().count(), f.err());
    assertTrue(f.err().startsWith("coach export: cannot write "), f.err());
  }
}
