package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.app.ShellFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man page and the completions name every listed command and every option of each. */
class ShellFilesTest {
  @TempDir Path tmp;

  private final ShellFiles files = PackageFilesCommand.shellFiles(Commands.all());

  @Test
  void everyCommandAndOptionIsInTheManPageAndBothCompletions() {
    String man = files.manPage();
    String bash = files.bash();
    String zsh = files.zsh();
    for (Command c : Commands.all()) {
      if (c.summary() == null) {
        assertTrue(!bash.contains(c.name() + ")") && !man.contains(".SS " + c.name()), c.name());
        continue;
      }
      assertTrue(man.contains(".SS " + c.name() + "\n"), c.name());
      assertTrue(bash.contains("    " + c.name() + ") opts=\""), c.name());
      assertTrue(zsh.contains("    " + c.name() + ")\n      _arguments"), c.name());
      String bashOpts = bash.lines().filter(l -> l.startsWith("    " + c.name() + ") opts="))
          .findFirst().orElseThrow();
      int at = zsh.indexOf("    " + c.name() + ")\n");
      String zshCase = zsh.substring(at, zsh.indexOf(";;", at));
      for (Option o : c.options().getOptions()) {
        String name = "--" + o.getLongOpt();
        assertTrue(List.of(bashOpts.split("[\" ]")).contains(name), c.name() + " " + name);
        assertTrue(zshCase.contains(name), c.name() + " " + name);
        assertTrue(man.contains(name.replace("-", "\\-")), c.name() + " " + name);
      }
    }
  }

  @Test
  void theFilesAreWrittenAndTheShellsAcceptThem() throws Exception {
    InProcess r = InProcess.run(Map.of("HOME", tmp.toString()), tmp, "package-files", "out");
    assertEquals(0, r.code(), r.err());
    Path out = tmp.resolve("out");
    assertEquals(files.manPage(), Files.readString(out.resolve("coach.1"),
        StandardCharsets.UTF_8));
    assertEquals(0, shell("bash", "-n", out.resolve("coach.bash").toString()));
    if (Files.isExecutable(Path.of("/usr/bin/zsh"))) {
      assertEquals(0, shell("zsh", "-n", out.resolve("_coach").toString()));
    }
    // bash completes a command's options from its definitions
    Path probe = tmp.resolve("probe.sh");
    Files.writeString(probe, "source " + out.resolve("coach.bash") + "\n"
        + "COMP_WORDS=(coach backup --d); COMP_CWORD=2; _coach; echo \"${COMPREPLY[*]}\"\n");
    Process p = new ProcessBuilder("bash", probe.toString()).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor());
    assertEquals("--data-dir --db\n", said);
  }

  private static int shell(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    return p.waitFor();
  }
}
