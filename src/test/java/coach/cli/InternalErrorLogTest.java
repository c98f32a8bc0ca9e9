package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An error that reaches the top is logged in the data folder the command line names. */
class InternalErrorLogTest {
  @TempDir Path tmp;

  /** A command that fails as a bug would. */
  private static final Command BOOM = new Command() {
    @Override
    public String name() {
      return "boom";
    }

    @Override
    public String summary() {
      return "fails";
    }

    @Override
    public int run(List<String> args, CliContext ctx) {
      throw new IllegalStateException("a bug");
    }
  };

  private String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext ctx = new CliContext(java.io.InputStream.nullInputStream(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("HOME", tmp.resolve("home").toString()), tmp, java.time.Clock.systemUTC());
    int code = new Cli(ctx, List.of(BOOM)).run(args);
    return new String[] {Integer.toString(code), err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void anInternalErrorIsLoggedInTheDataFolderGiven() throws Exception {
    Path data = tmp.resolve("data");
    for (String[] args : List.of(new String[] {"boom", "--data-dir", data.toString()},
        new String[] {"boom", "--data-dir=" + data})) {
      String[] r = run(args);
      assertEquals(Integer.toString(ExitCodes.INTERNAL), r[0]);
      assertEquals(1, r[1].lines().count(), r[1]);
      assertTrue(r[1].contains(data.toString()), r[1]);
      assertTrue(Files.readString(coach.app.Logs.file(data)).contains("a bug"));
    }
    assertFalse(Files.exists(tmp.resolve("home/.local/share/rehab-coach")),
        "nothing in the default folder");
  }

  @Test
  void theFolderIsReadAsTheParserWould() {
    assertEquals("/a", Cli.dataDirGiven(List.of("run", "--data-dir", "/a")));
    assertEquals("/b", Cli.dataDirGiven(List.of("--data-dir=/a", "--data-dir", "/b")));
    assertEquals(null, Cli.dataDirGiven(List.of("run", "--", "--data-dir", "/c")));
    assertEquals(null, Cli.dataDirGiven(List.of("run", "--data-dir")));
  }
}
