package coach.cli;

import java.util.List;

/** The coach's commands, in the order the help lists them. */
public final class Commands {
  private Commands() {}

  public static List<Command> all() {
    return List.of(new RunCommand(), new ValidateCommand(), new ListCommand(),
        new HistoryCommand(), new ExportCommand(), new ReportCommand(), new AlertsCommand(),
        new ClinicCommand(), new DueCommand(), new ServeCommand(), new MigrateCommand(),
        new BackupCommand(), new RestoreCommand(), new CheckCommand(), new TrainCommand(),
        new PackageFilesCommand());
  }
}
