package coach.cli;

import coach.routine.Exercise;
import coach.routine.LoadResult;
import coach.routine.RoutineCatalog;
import coach.store.SqliteHistoryStore;
import coach.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** What the reading commands (history, export, report) share: options, the store, names. */
final class StoreAccess {
  private StoreAccess() {}

  static Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("patient").hasArg().argName("ID")
        .desc("whose sessions (default: your user name)").build());
    o.addOption(Option.builder().longOpt("data-dir").hasArg().argName("DIR")
        .desc("where the history is kept").build());
    o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return o;
  }

  /** Opens the existing history, or null (after saying why) when there is none or it is unusable. */
  static SqliteHistoryStore open(String dataDirOption, CliContext ctx, String command,
      int[] exit) {
    Path dir = DataDir.resolve(dataDirOption, ctx.env());
    Path file = SqliteHistoryStore.fileIn(dir);
    if (!Files.exists(file)) {
      ctx.out().println("No sessions recorded yet (no history in " + dir + ").");
      exit[0] = ExitCodes.OK;
      return null;
    }
    try {
      return SqliteHistoryStore.open(file);
    } catch (StoreException e) {
      AppLog.error(dir, command, e);
      ctx.err().println("coach " + command + ": " + e.getMessage());
      exit[0] = ExitCodes.INVALID;
      return null;
    }
  }

  /** Exercise id to name for a routine, when it can be found; ids stand in otherwise. */
  static Map<String, String> exerciseNames(String routineId, String dataDirOption,
      CliContext ctx) {
    Map<String, String> names = new HashMap<>();
    Path dir = DataDir.resolve(dataDirOption, ctx.env());
    LoadResult r = new RoutineCatalog(dir.resolve("routines"), ctx.workDir()).find(routineId);
    if (r.ok()) {
      for (Exercise e : r.routine().exercises()) {
        names.put(e.id(), e.name());
      }
    }
    return names;
  }

  /** The distinct frequencies of a routine's exercises ("daily"), when it can be found. */
  static java.util.Set<String> frequencies(String routineId, String dataDirOption,
      CliContext ctx) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    Path dir = DataDir.resolve(dataDirOption, ctx.env());
    LoadResult r = new RoutineCatalog(dir.resolve("routines"), ctx.workDir()).find(routineId);
    if (r.ok()) {
      r.routine().exercises().forEach(e -> out.add(e.frequency()));
    }
    return out;
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
