package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --lang chooses the screens' language; a language the coach has no words for is refused. */
class LanguageOptionTest {
  @TempDir Path data;

  @Test
  void anUnknownLanguageIsAUsageErrorBeforeAnythingIsOpened() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext ctx = new CliContext(System.in, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("USER", "pat", "HOME", data.toString(), "LANG", "C.UTF-8"),
        Path.of("").toAbsolutePath());
    int code = new Cli(ctx, Commands.all()).run(new String[] {"--lang", "klingon", "--data-dir",
        data.resolve("d").toString()});
    assertEquals(ExitCodes.USAGE, code);
    assertEquals("coach: --lang takes en or es, not \"klingon\"\n",
        err.toString(StandardCharsets.UTF_8));
    assertTrue(!data.resolve("d").toFile().exists(), "nothing was created");
  }
}
