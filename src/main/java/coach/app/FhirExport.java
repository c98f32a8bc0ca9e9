package coach.app;

import coach.routine.Exercise;
import coach.routine.Printable;
import coach.routine.Routine;
import coach.session.Rating;
import coach.store.HistoryStore;
import coach.store.RecordKind;
import coach.store.StoreException;
import coach.tui.words.Messages;
import coach.tui.words.Reasons;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The history as a FHIR R4 Bundle of type {@code collection}, for a clinic's record system.
 *
 * <p>Each pain rating is an Observation coded LOINC 72514-3 (pain severity, 0-10 numeric
 * rating) with the time it was given; when it was asked (before exercise, after which set), the
 * exercise, its level and where the symptoms reached are its components. Each answer and stop
 * the history keeps (a red flag answered yes, a stop for today, an exercise stopped, a change
 * of level, the next-morning answer, a doctor's clearance, the signs of a serious cause) is an
 * Observation too, its words in {@code valueString}: each is one dated finding, shown beside
 * the pain ratings in the clinic's timeline. (A QuestionnaireResponse would need the whole form,
 * but the coach keeps only the answer that was yes, and a Questionnaire the clinic would have to
 * host.) The patient is {@code subject.identifier} with the clinic's system: never a name.
 *
 * <p>Written with Jackson, one entry at a time, so an export of the whole clinic does not
 * gather in memory. Each entry's {@code fullUrl} is a name-based UUID of its session and number,
 * the same at every export, so the clinic's system can tell an entry it already has.
 */
public final class FhirExport {
  static final String LOINC = "http://loinc.org";
  static final String PAIN_CODE = "72514-3";
  static final String PAIN_DISPLAY =
      "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
  static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
  private static final Pattern OID = Pattern.compile("urn:oid:[0-2](\\.(0|[1-9][0-9]*))+");
  private static final Pattern UUID_URN = Pattern.compile(
      "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private FhirExport() {}

  /**
   * Why a patient system cannot be used, in a phrase, or null when it can: an absolute
   * http(s) URL with a host, a {@code urn:oid:} or a {@code urn:uuid:}.
   */
  public static String systemProblem(String system) {
    if (system == null || system.isBlank()) {
      return "it is empty";
    }
    if (system.length() > 255 || !system.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return "it holds spaces, controls or other characters a URI cannot";
    }
    if (system.startsWith("urn:")) {
      return OID.matcher(system).matches() || UUID_URN.matcher(system).matches() ? null
          : "a urn must be urn:oid:1.2.3... or urn:uuid:... (lower case)";
    }
    try {
      URI u = new URI(system);
      String scheme = u.getScheme() == null ? "" : u.getScheme();
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return "it must start with https://, http://, urn:oid: or urn:uuid:";
      }
      if (u.getHost() == null || u.getFragment() != null || u.getQuery() != null) {
        return "a URL must name a host, with no ? or #";
      }
      return null;
    } catch (URISyntaxException e) {
      return "it is not a URI";
    }
  }

  /**
   * Writes the Bundle.
   *
   * @param patient whose sessions, or null for every patient's
   * @param since only sessions started then or later, or null
   * @param system the clinic's namespace for patient ids (checked by {@link #systemProblem})
   * @param routines finds a routine by its id, for the names of exercises and levels
   * @param now the Bundle's timestamp
   * @return how many resources were written
   */
  public static int write(HistoryStore store, String patient, Instant since, String system,
      Function<String, Optional<Routine>> routines, Instant now, OutputStream out)
      throws StoreException, IOException {
    if (systemProblem(system) != null) {
      throw new IllegalArgumentException("not a patient system: " + systemProblem(system));
    }
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Optional<Routine>> known = new HashMap<>();
    int count = 0;
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the screen stays open
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("resourceType", "Bundle");
      g.writeStringField("type", "collection");
      g.writeStringField("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
      g.writeArrayFieldStart("entry");
      List<String> patients = patient == null ? store.patients() : List.of(patient);
      for (String p : patients) {
        for (HistoryStore.SessionRow s : store.sessions(p, null, since)) {
          Optional<Routine> routine = known.computeIfAbsent(s.routineId(), routines);
          Subject subject = new Subject(system, Printable.of(s.patient()));
          for (HistoryStore.RatingRow r : store.ratings(s.id())) {
            entry(g, mapper, s.id() + "/rating/" + r.seq(), pain(mapper, subject, r, routine));
            count++;
          }
          for (HistoryStore.EventRow e : store.events(s.id())) {
            if (e.kind() == RecordKind.RESUME) {
              continue;
            }
            entry(g, mapper, s.id() + "/event/" + e.seq(), event(mapper, subject, e, routine));
            count++;
          }
        }
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    return count;
  }

  /** The patient, as the clinic's system knows them. */
  private record Subject(String system, String value) {}

  private static void entry(JsonGenerator g, ObjectMapper mapper, String name,
      ObjectNode resource) throws IOException {
    ObjectNode entry = mapper.createObjectNode();
    entry.put("fullUrl", "urn:uuid:"
        + UUID.nameUUIDFromBytes(("rehab-coach:" + name).getBytes(StandardCharsets.UTF_8)));
    entry.set("resource", resource);
    mapper.writeTree(g, entry);
  }

  private static ObjectNode pain(ObjectMapper mapper, Subject subject, HistoryStore.RatingRow r,
      Optional<Routine> routine) {
    Rating x = r.rating();
    ObjectNode o = observation(mapper, subject, r.at());
    ObjectNode code = o.putObject("code");
    ObjectNode coding = code.putArray("coding").addObject();
    coding.put("system", LOINC);
    coding.put("code", PAIN_CODE);
    coding.put("display", PAIN_DISPLAY);
    code.put("text", "Pain, 0-10");
    o.put("valueInteger", x.value());
    ArrayNode components = o.putArray("component");
    StringBuilder said = new StringBuilder("Pain " + x.value() + " of 10");
    Optional<Exercise> exercise = x.exerciseId() == null ? Optional.empty()
        : routine.flatMap(t -> t.exercise(x.exerciseId()));
    if (x.kind() == Rating.Kind.BASELINE) {
      component(components, "when rated", "before exercise");
      said.append(" before exercise");
    } else {
      String when = x.kind() == Rating.Kind.EXERCISE ? "after the exercise"
          : "after set " + x.set();
      if (x.roundLabel() != null && !x.roundLabel().isEmpty()) {
        when += " (" + Printable.of(x.roundLabel()) + ")";
      }
      component(components, "when rated", when);
      component(components, "exercise", exercise.map(e -> Printable.of(e.name()) + " ("
          + Printable.of(e.id()) + ")").orElse(Printable.of(x.exerciseId())));
      String level = exercise.filter(e -> x.level() >= 0 && x.level() < e.levels().size())
          .map(e -> Printable.of(e.level(x.level()).name()) + " (level " + (x.level() + 1)
              + " of " + e.levels().size() + ")")
          .orElse("level " + (x.level() + 1) + (x.levelId() == null ? ""
              : " (" + Printable.of(x.levelId()) + ")"));
      component(components, "exercise level", level);
      said.append(' ').append(when).append(", ").append(components.get(1).get("valueString")
          .asText()).append(", ").append(level);
    }
    if (x.region() != null) {
      component(components, "where the symptoms reach", Printable.of(x.region()));
      said.append("; symptoms reaching: ").append(Printable.of(x.region()));
    }
    narrative(o, said.toString());
    return o;
  }

  private static ObjectNode event(ObjectMapper mapper, Subject subject, HistoryStore.EventRow e,
      Optional<Routine> routine) {
    ObjectNode o = observation(mapper, subject, e.at());
    o.putObject("code").put("text", what(e.kind()));
    Exercise exercise = e.exerciseId() == null ? null
        : routine.flatMap(r -> r.exercise(e.exerciseId())).orElse(null);
    List<String> regions = routine.map(r -> r.painRule().regions()).orElse(List.of());
    String words = Reasons.detail(Messages.english(), e.kind(), e.detail(), exercise, regions);
    if (e.kind() == RecordKind.RED_FLAG) {
      words = routine.flatMap(r -> r.redFlags().questions().stream()
              .filter(q -> q.id().equals(e.detail())).findFirst())
          .map(q -> e.detail() + ": " + q.question()).orElse(words);
    }
    o.put("valueString", Printable.of(words.isEmpty() ? what(e.kind()) : words));
    String said = what(e.kind()) + ": " + o.get("valueString").asText();
    if (e.exerciseId() != null) {
      String name = exercise == null ? Printable.of(e.exerciseId())
          : Printable.of(exercise.name()) + " (" + Printable.of(exercise.id()) + ")";
      component(o.putArray("component"), "exercise", name);
      said += " (" + name + ")";
    }
    narrative(o, said);
    return o;
  }

  /** What an event records, as the Observation's code says it. */
  static String what(RecordKind kind) {
    return switch (kind) {
      case SWITCH -> "Exercise changed to another level";
      case CONTACT -> "Exercise stopped; the clinician's contact options shown";
      case STOP_TODAY -> "Exercise session stopped for today";
      case RED_FLAG -> "Red-flag question answered yes";
      case NEXT_MORNING -> "Pain worse the morning after the last session?";
      case CLEARANCE -> "Seen by a doctor and told they may exercise, after a red flag?";
      case SERIOUS_SIGNS -> "Signs of a serious cause, asked before a first session";
      case RESUME -> "Interrupted session continued?";
    };
  }

  private static ObjectNode observation(ObjectMapper mapper, Subject subject, Instant at) {
    ObjectNode o = mapper.createObjectNode();
    o.put("resourceType", "Observation");
    o.put("status", "final");
    ObjectNode category = o.putArray("category").addObject().putArray("coding").addObject();
    category.put("system", CATEGORY);
    category.put("code", "survey");
    category.put("display", "Survey");
    patient(o.putObject("subject"), subject);
    o.put("effectiveDateTime", at.truncatedTo(ChronoUnit.SECONDS).toString());
    // the patient said it: a rating is their own report
    patient(o.putArray("performer").addObject(), subject);
    return o;
  }

  private static void patient(ObjectNode reference, Subject subject) {
    reference.put("type", "Patient");
    ObjectNode identifier = reference.putObject("identifier");
    identifier.put("system", subject.system());
    identifier.put("value", subject.value());
  }

  /** The resource in words, for a person reading the clinic's record (its narrative). */
  private static void narrative(ObjectNode o, String words) {
    ObjectNode text = o.putObject("text");
    text.put("status", "generated");
    text.put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml(words) + "</div>");
    inOrder(o);
  }

  /** An Observation's elements in the order the FHIR specification lists them. */
  private static final List<String> ORDER = List.of("resourceType", "text", "status",
      "category", "code", "subject", "effectiveDateTime", "performer", "valueInteger",
      "valueString", "component");

  private static void inOrder(ObjectNode o) {
    ObjectNode ordered = o.objectNode();
    for (String name : ORDER) {
      if (o.has(name)) {
        ordered.set(name, o.get(name));
      }
    }
    o.fields().forEachRemaining(f -> {
      if (!ordered.has(f.getKey())) {
        ordered.set(f.getKey(), f.getValue());
      }
    });
    o.removeAll();
    o.setAll(ordered);
  }

  /** Text escaped for XHTML. */
  static String xhtml(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static void component(ArrayNode components, String what, String value) {
    ObjectNode c = components.addObject();
    c.putObject("code").put("text", what);
    c.put("valueString", value);
  }
}
