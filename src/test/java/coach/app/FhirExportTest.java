package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import coach.app.report.TherapistHistory;
import coach.store.HistoryStore;
import coach.store.SqliteHistoryStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FHIR export of a recorded fortnight, checked by HAPI's validator against base R4 (the
 * structure definitions, the terminology it holds in memory and the common code systems), and
 * read back for what a clinic's record system needs: the patient as an identifier only, each
 * rating a LOINC-coded Observation with its exercise, level and where the symptoms reached.
 */
class FhirExportTest {
  static final String SYSTEM = "https://clinic.example/patients";
  static FhirValidator validator;

  @TempDir Path dir;

  @BeforeAll
  static void validator() {
    FhirContext ctx = FhirContext.forR4();
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(ctx),
        new InMemoryTerminologyServerValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx));
    validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
  }

  private String export(String patient) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (HistoryStore store = TherapistHistory.open(dir, TherapistHistory.PATIENT)) {
      FhirExport.write(store, patient, null, SYSTEM, TherapistHistory.routines(),
          Instant.parse("2026-11-20T08:00:00Z"), out);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRecordedFortnightIsAValidR4Bundle() throws Exception {
    String json = export(TherapistHistory.PATIENT);
    ValidationResult result = validator.validateWithResult(json);
    List<String> problems = new ArrayList<>();
    for (SingleValidationMessage m : result.getMessages()) {
      if (m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
        problems.add(m.getSeverity() + ": " + m.getMessage());
      } else if (m.getSeverity() == ResultSeverityEnum.WARNING && !tolerated(m.getMessage())) {
        problems.add("warning: " + m.getMessage());
      }
    }
    assertEquals(List.of(), problems.stream().distinct().toList(),
        String.join("\n", new java.util.TreeSet<>(problems)));
  }

  /**
   * The one warning base R4 cannot help giving ("CodeSystem is unknown and can't be validated:
   * http://loinc.org"): LOINC is not among the code systems HAPI holds without a terminology
   * server, so it cannot check the code or its display. Every other warning fails the test.
   */
  static boolean tolerated(String message) {
    return message.contains("http://loinc.org");
  }

  @Test
  void theCheckFailsABundleThatBreaksR4() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode bundle = (com.fasterxml.jackson.databind.node
        .ObjectNode) new ObjectMapper().readTree(export(TherapistHistory.PATIENT));
    ((com.fasterxml.jackson.databind.node.ObjectNode) bundle.get("entry").get(0)
        .get("resource")).remove("status");
    ValidationResult result = validator.validateWithResult(bundle.toString());
    assertTrue(result.getMessages().stream().anyMatch(m -> m.getSeverity()
        == ResultSeverityEnum.ERROR && m.getMessage().contains("status")),
        result.getMessages().toString());
  }

  @Test
  void eachRatingIsAPainObservationAboutThePatientsIdentifier() throws Exception {
    JsonNode bundle = new ObjectMapper().readTree(export(TherapistHistory.PATIENT));
    assertEquals("Bundle", bundle.get("resourceType").asText());
    assertEquals("collection", bundle.get("type").asText());
    int pain = 0;
    Set<String> whats = new HashSet<>();
    Set<String> urls = new HashSet<>();
    boolean reached = false;
    for (JsonNode e : bundle.get("entry")) {
      assertTrue(urls.add(e.get("fullUrl").asText()), "one fullUrl each");
      JsonNode o = e.get("resource");
      assertEquals("Observation", o.get("resourceType").asText());
      JsonNode subject = o.get("subject");
      assertEquals(Set.of("type", "identifier"), fieldNames(subject), "no name: " + subject);
      assertEquals("Patient", subject.get("type").asText());
      assertEquals(SYSTEM, subject.get("identifier").get("system").asText());
      assertEquals(TherapistHistory.PATIENT, subject.get("identifier").get("value").asText());
      assertTrue(o.get("effectiveDateTime").asText().startsWith("2026-11-"), o.toString());
      JsonNode coding = o.get("code").get("coding");
      if (coding != null && coding.get(0).get("code").asText().equals("72514-3")) {
        assertEquals("http://loinc.org", coding.get(0).get("system").asText());
        assertTrue(o.get("valueInteger").isInt());
        pain++;
        for (JsonNode c : o.get("component")) {
          reached |= c.get("code").get("text").asText().equals("where the symptoms reach")
              && c.get("valueString").asText().equals("foot");
        }
      } else {
        whats.add(o.get("code").get("text").asText());
      }
    }
    // 7 ratings before exercise, 22 of Cat/Camel (its lying pelvic tilts are one round a set),
    // 2 of the nerve glide
    assertEquals(31, pain);
    assertTrue(reached, "the spread to the foot is a component");
    assertTrue(whats.containsAll(List.of("Red-flag question answered yes",
        "Exercise session stopped for today", "Exercise changed to another level",
        "Pain worse the morning after the last session?")), whats.toString());
    assertFalse(bundle.toString().contains("Dr Kim"), "alerts and clinicians stay out");
  }

  private static Set<String> fieldNames(JsonNode n) {
    Set<String> names = new HashSet<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void hostileTextStaysTextInTheValuesAndTheNarrative() throws Exception {
    String patient = "<script>alert(1)</script>\u001b[31m";
    Instant t = Instant.parse("2026-11-02T09:00:00Z");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (HistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(dir))) {
      store.copy(new HistoryStore.SessionRow("s", patient, "sciatica", "h", t, null, null, 0, 0,
          0, false, java.util.Map.of()),
          List.of(new HistoryStore.RatingRow("s", 1, t, new coach.session.Rating(
              coach.session.Rating.Kind.SET, "cat-camel", 0, "x", 1, 0, "</div><b>", 4,
              "<i>thigh</i>"))),
          List.of(new HistoryStore.EventRow("s", 1, t, coach.store.RecordKind.STOP_TODAY,
              null, -1, -1, "</div><script>alert(2)</script>\u0007")));
      FhirExport.write(store, null, null, SYSTEM, TherapistHistory.routines(), t, out);
    }
    String json = out.toString(StandardCharsets.UTF_8);
    assertFalse(json.contains("\u001b") || json.contains("\u0007"), json);
    ValidationResult result = validator.validateWithResult(json);
    assertTrue(result.getMessages().stream().noneMatch(m -> m.getSeverity().ordinal()
        >= ResultSeverityEnum.ERROR.ordinal()), result.getMessages().toString());
    JsonNode entries = new ObjectMapper().readTree(json).get("entry");
    assertEquals("<script>alert(1)</script>\\u001B[31m", entries.get(0).get("resource")
        .get("subject").get("identifier").get("value").asText());
    String div = entries.get(1).get("resource").get("text").get("div").asText();
    assertTrue(div.contains("&lt;/div&gt;&lt;script&gt;alert(2)&lt;/script&gt;\\u0007"), div);
    assertEquals(2, div.split("<", -1).length - 1, "the div's own two tags alone: " + div);
  }

  @Test
  void theSameEntriesKeepTheirFullUrlsAtTheNextExport() throws Exception {
    Path first = TherapistHistory.record(dir.resolve("a"), TherapistHistory.PATIENT);
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    for (List<String> into : List.of(a, b)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (HistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(first))) {
        FhirExport.write(store, null, null, SYSTEM, TherapistHistory.routines(), Instant.now(),
            out);
      }
      new ObjectMapper().readTree(out.toByteArray()).get("entry")
          .forEach(e -> into.add(e.get("fullUrl").asText()));
    }
    assertFalse(a.isEmpty());
    assertEquals(a, b);
  }

  @Test
  void aPatientSystemMustBeAnAbsoluteUrlOrAnOidOrUuidUrn() {
    for (String good : List.of("https://clinic.example/patients", "http://hospital.example/mrn",
        "urn:oid:1.2.36.146.595.217.0.1", "urn:uuid:0d3f8a9e-57c4-4b36-9d1c-7e2a4f1b6c55")) {
      assertNull(FhirExport.systemProblem(good), good);
    }
    for (String bad : List.of("", "clinic", "patients/ids", "ftp://clinic.example/x",
        "javascript:alert(1)", "https://", "https://clinic.example/p?x=1",
        "https://clinic.example/p#x", "urn:oid:01.2", "urn:isbn:123", "https://a b/",
        "https://clinic.example/\u001b[31m")) {
      assertNotNull(FhirExport.systemProblem(bad), bad);
    }
  }
}
