package coach.cli;

import coach.app.ShellFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code coach package-files DIR}: writes the man page (coach.1), the bash completion
 * (coach.bash) and the zsh completion (_coach) of this version into DIR, for the package build.
 * Not listed in the help.
 */
public final class PackageFilesCommand implements Command {
  @Override
  public String name() {
    return "package-files";
  }

  @Override
  public String summary() {
    return null;
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    if (args.size() != 1) {
      ctx.err().println("coach package-files: give the folder to write into");
      return ExitCodes.USAGE;
    }
    ShellFiles files = shellFiles(Commands.all());
    Path dir = ctx.workDir().resolve(args.get(0));
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("coach.1"), files.manPage(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("coach.bash"), files.bash(), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("_coach"), files.zsh(), StandardCharsets.UTF_8);
      return ExitCodes.OK;
    } catch (IOException e) {
      ctx.err().println("coach package-files: cannot write in " + dir + " (" + e.getMessage()
          + ")");
      return ExitCodes.INVALID;
    }
  }

  /** The man page and completions of these commands, from their own options and help. */
  static ShellFiles shellFiles(List<Command> commands) {
    return new ShellFiles(Cli.VERSION, commands.stream().map(c -> new ShellFiles.Command(
        c.name(), c.summary(), c.help(), c.options())).toList());
  }
}
