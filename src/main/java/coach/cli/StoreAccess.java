package coach.cli;

import coach.app.DataDir;
import coach.app.History;
import coach.app.Logs;
import coach.routine.Routine;
import coach.routine.RoutineCatalog;
import coach.store.HistoryStore;
import coach.store.StoreException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** What the reading commands (history, export, report) share: options, the store, names. */
final class StoreAccess {
  private StoreAccess() {}

  static Options options() {
    Options o = new Options();
    o.addOption(PatientOption.option("whose sessions"));
    o.addOption(CommandLines.dataDir("where the history is kept"));
    o.addOption(CommandLines.db());
    o.addOption(CommandLines.help());
    return o;
  }

  /** Opens the existing history, or null (after saying why) when there is none or it is unusable. */
  static HistoryStore open(CommandLine cl, CliContext ctx, String command, int[] exit) {
    Path dir = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env());
    String db;
    try {
      db = CommandLines.db(cl, ctx);
    } catch (CommandLines.UsageError e) {
      ctx.err().println("coach " + command + ": " + e.getMessage());
      exit[0] = ExitCodes.USAGE;
      return null;
    }
    try {
      if (!History.exists(dir, db)) {
        ctx.out().println("No sessions recorded yet (no history in " + dir + ").");
        exit[0] = ExitCodes.OK;
        return null;
      }
      return History.open(dir, db, ctx.env());
    } catch (StoreException e) {
      Logs.error(dir, command, e);
      ctx.err().println("coach " + command + ": " + e.getMessage());
      exit[0] = ExitCodes.INVALID;
      return null;
    }
  }

  /** What a reading command does with a patient's sessions (never empty), oldest first. */
  @FunctionalInterface
  interface SessionsWork {
    int run(HistoryStore store, java.util.List<HistoryStore.SessionRow> sessions)
        throws StoreException;
  }

  /**
   * Opens the history, reads the patient's sessions and hands them to the work; says so when
   * there is no history or no session, and turns store problems into one line and exit 1.
   */
  static int withSessions(CommandLine cl, String patient, CliContext ctx, String command,
      SessionsWork work) {
    int[] exit = {ExitCodes.OK};
    HistoryStore store = open(cl, ctx, command, exit);
    if (store == null) {
      return exit[0];
    }
    try (store) {
      java.util.List<HistoryStore.SessionRow> sessions = store.sessions(patient, null, null);
      if (sessions.isEmpty()) {
        ctx.out().println("No sessions recorded yet for " + patient + ".");
        return ExitCodes.OK;
      }
      return work.run(store, sessions);
    } catch (StoreException e) {
      ctx.err().println("coach " + command + ": " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  /** The routine a history names, when it can still be found (bundled or in the folder). */
  static java.util.Optional<Routine> routine(String routineId, String dataDirOption,
      CliContext ctx) {
    Path dir = DataDir.resolve(dataDirOption, ctx.env());
    return new coach.app.RoutinesById(new RoutineCatalog(dir.resolve("routines"),
        ctx.workDir()), java.util.List.of()).apply(routineId);
  }

  /** Exercise id to name; ids stand in when the routine cannot be found. */
  static Map<String, String> exerciseNames(java.util.Optional<Routine> routine) {
    Map<String, String> names = new HashMap<>();
    routine.ifPresent(r -> r.exercises().forEach(e -> names.put(e.id(), e.name())));
    return names;
  }

  /** A sparkline of 0-10 values, in block glyphs or ASCII. */
  static String sparkline(java.util.List<Integer> values, boolean ascii) {
    String blocks = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
    String plain = "_.-:=+*#";
    StringBuilder sb = new StringBuilder();
    for (int v : values) {
      int i = Math.min(7, Math.max(0, Math.round(v * 7 / 10f)));
      sb.append(ascii ? plain.charAt(i) : blocks.charAt(i));
    }
    return sb.toString();
  }
}
