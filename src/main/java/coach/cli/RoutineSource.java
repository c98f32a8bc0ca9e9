package coach.cli;

import coach.routine.Routine;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds a routine by name (bundled) or file path. */
final class RoutineSource {
  record Loaded(Routine routine, String sha256, List<String> problems) {}

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private RoutineSource() {}

  static Loaded load(String which, CliContext ctx) {
    JsonMapper m = JsonMapper.builder(new YAMLFactory())
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
    try {
      Path p = ctx.workDir().resolve(which);
      if (Files.isRegularFile(p)) {
        byte[] bytes = Files.readAllBytes(p);
        return new Loaded(m.readValue(bytes, Routine.class), sha256(bytes), List.of());
      }
      try (InputStream in = RoutineSource.class.getResourceAsStream("/routines/" + which
          + ".yaml")) {
        if (in == null) {
          return new Loaded(null, null, List.of("coach: no routine named \"" + which + "\""));
        }
        byte[] bytes = in.readAllBytes();
        return new Loaded(m.readValue(bytes, Routine.class), sha256(bytes), List.of());
      }
    } catch (java.io.IOException e) {
      return new Loaded(null, null, List.of(which + ": " + e.getMessage().lines().findFirst()
          .orElse("cannot be read")));
    }
  }
}
