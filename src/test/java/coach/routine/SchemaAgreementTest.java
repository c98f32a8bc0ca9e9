package coach.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * routines/routine.schema.json (for editors) and the loader agree on which files are valid: the
 * bundled routines, the template, and a corpus of good and broken files.
 */
class SchemaAgreementTest {
  private static final Path CORPUS = Path.of("src/test/resources/routines");

  private static Schema schema() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("routines/routine.schema.json"))) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }

  /** Null when the schema accepts the file, else why not. */
  private static String schemaVerdict(Schema schema, Path file) {
    JsonNode node;
    try {
      ObjectMapper m = file.toString().endsWith(".json") ? new ObjectMapper()
          : new ObjectMapper(new YAMLFactory());
      node = m.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      return "does not parse";
    }
    if (node == null || node.isMissingNode()) {
      return "empty";
    }
    List<com.networknt.schema.Error> errors;
    try {
      errors = schema.validate(node);
    } catch (RuntimeException e) {
      // a value JSON has no kind for (YAML's !!binary): the validator cannot judge it, and
      // what it cannot judge it does not accept
      return "cannot be judged: " + e;
    }
    return errors.isEmpty() ? null : errors.toString();
  }

  @TestFactory
  List<DynamicTest> schemaAndLoaderGiveTheSameVerdict() throws IOException {
    Schema schema = schema();
    RoutineLoader loader = new RoutineLoader();
    List<Path> files = new ArrayList<>(List.of(Path.of("routines/sciatica.yaml"),
        Path.of("routines/template.yaml")));
    for (String folder : new String[] {"good", "broken"}) {
      try (Stream<Path> s = Files.list(CORPUS.resolve(folder))) {
        s.sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() > 15);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      tests.add(DynamicTest.dynamicTest(f.toString(), () -> {
        boolean expectValid = !f.startsWith(CORPUS.resolve("broken"));
        String schemaSays = schemaVerdict(schema, f);
        LoadResult loaderSays = loader.load(f);
        assertEquals(expectValid, schemaSays == null, "schema: " + schemaSays);
        assertEquals(expectValid, loaderSays.ok(), "loader: " + loaderSays.problems());
      }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> filesOnlyTheLoaderCanJudgeAreRefusedByIt() throws IOException {
    RoutineLoader loader = new RoutineLoader();
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> s = Files.list(CORPUS.resolve("loader-only"))) {
      s.sorted().forEach(f -> tests.add(DynamicTest.dynamicTest(f.toString(),
          () -> assertFalse(loader.load(f).ok()))));
    }
    return tests;
  }
}
