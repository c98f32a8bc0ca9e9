package coach.cli;

import coach.session.Rating;
import coach.store.HistoryStore;
import coach.tui.LocalTerminal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code coach history}: past sessions and the pain trend of each exercise. */
public final class HistoryCommand implements Command {
  /**
   * Local times as "2026-11-26 09:30", made when first used: the time zone is read then, not
   * when the command line is read (every start makes every command).
   */
  private static final class Local {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneId.systemDefault());
  }

  @Override
  public String name() {
    return "history";
  }

  @Override
  public String summary() {
    return "your past sessions and the pain trend of each exercise";
  }

  @Override
  public Options options() {
    Options o = StoreAccess.options();
    o.addOption(Option.builder().longOpt("ascii")
        .desc("draw the chart in plain characters (also when the locale is not UTF-8)").get());
    o.addOption(Option.builder().longOpt("routine").hasArg().argName("ID")
        .desc("only this routine's sessions and chart (default: every routine, a chart each)")
        .get());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach history [--patient ID] [--routine ID] [--data-dir DIR | --db URL]"
            + " [--ascii]",
        "Your past sessions (when, routine, how each ended, how many ratings), then for each"
            + " routine the pain trend of each exercise: the highest rating of each session,"
            + " oldest first.",
        options(), null, List.of(
            Help.example("coach history",
                "your own sessions (your user name is the patient id)"),
            Help.example("coach history --patient P-1001 --ascii",
                "patient P-1001's sessions, the chart in plain characters"),
            Help.example("coach history --patient P-1001 --routine sciatica",
                "only the sessions and the chart of the sciatica routine"),
            Help.example("coach history --patient P-1001 --data-dir /var/lib/rehab-coach",
                "the same from a clinic's data folder, where its kiosks keep the history"),
            Help.example("coach history --patient P-1001"
                    + " --db postgresql://coach@db.clinic.example/rehab",
                "the same from the clinic group's shared history, with every site's sessions")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach history", options(), this::help, args, ctx, cl -> run(cl, ctx));
  }

  private int run(CommandLine cl, CliContext ctx) {
    boolean ascii = cl.hasOption("ascii") || !LocalTerminal.isUtf8Locale(ctx.env());
    String patient = PatientOption.resolve(cl, ctx, "coach history");
    if (patient == null) {
      return ExitCodes.USAGE;
    }
    String dataDir = cl.getOptionValue("data-dir");
    String only = cl.getOptionValue("routine");
    return StoreAccess.withSessions(cl, patient, ctx, "history", (store, all) -> {
      List<HistoryStore.SessionRow> sessions = only == null ? all
          : all.stream().filter(x -> x.routineId().equals(only)).toList();
      if (sessions.isEmpty()) {
        ctx.out().println("No sessions of routine " + only + " for " + patient + " yet.");
        return ExitCodes.OK;
      }
      ctx.out().println("Sessions of " + patient + ":");
      // routine -> exercise -> the highest rating of each session, oldest first
      Map<String, Map<String, List<Integer>>> trends = new LinkedHashMap<>();
      for (HistoryStore.SessionRow s : sessions) {
        List<HistoryStore.RatingRow> ratings = store.ratings(s.id());
        ctx.out().printf("  %s  %-12s %-18s %3d rating%s%n", Local.WHEN.format(s.started()),
            s.routineId(), outcome(s), ratings.size(), ratings.size() == 1 ? "" : "s");
        Map<String, Integer> worst = new LinkedHashMap<>();
        for (HistoryStore.RatingRow r : ratings) {
          Rating x = r.rating();
          if (x.exerciseId() != null) {
            worst.merge(x.exerciseId(), x.value(), Math::max);
          }
        }
        Map<String, List<Integer>> trend = trends.computeIfAbsent(s.routineId(),
            k -> new LinkedHashMap<>());
        worst.forEach((k, v) -> trend.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
      }
      // a chart for each routine, or a line saying why there is none
      for (Map.Entry<String, Map<String, List<Integer>>> r : trends.entrySet()) {
        ctx.out().println();
        if (r.getValue().isEmpty()) {
          ctx.out().println("No pain trend for " + r.getKey() + ": none of its sessions rated"
              + " an exercise.");
          continue;
        }
        Map<String, String> names =
            StoreAccess.exerciseNames(StoreAccess.routine(r.getKey(), dataDir, ctx));
        ctx.out().println("Pain trend per exercise (" + r.getKey()
            + "; highest rating of each session, oldest first):");
        for (Map.Entry<String, List<Integer>> e : r.getValue().entrySet()) {
          String name = names.getOrDefault(e.getKey(), e.getKey());
          List<String> numbers = e.getValue().stream().map(String::valueOf).toList();
          ctx.out().printf("  %-28s %s  %s%n", name.length() > 28 ? name.substring(0, 27) + "."
              : name, StoreAccess.sparkline(e.getValue(), ascii), String.join(" ", numbers));
        }
      }
      return ExitCodes.OK;
    });
  }

  static String outcome(HistoryStore.SessionRow s) {
    if (s.outcome() == null) {
      return "interrupted";
    }
    return s.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
