package coach.cli;

import coach.app.Attendance;
import coach.app.DataDir;
import coach.app.History;
import coach.app.Logs;
import coach.routine.LoadResult;
import coach.routine.RoutineCatalog;
import coach.store.HistoryStore;
import coach.store.StoreException;
import coach.tui.view.SafeText;
import coach.tui.words.Messages;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code coach due}: one short line on whether a session of a routine is due today, for a shell
 * prompt, a login message or a status line; exit status 0 when it is due, 1 when it is not.
 */
public final class DueCommand implements Command {
  @Override
  public String name() {
    return "due";
  }

  @Override
  public String summary() {
    return "one line: is a session due today? (exit 0 when due, 1 when not)";
  }

  @Override
  public Options options() {
    Options o = StoreAccess.options();
    o.addOption(CommandLines.lang());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach due [NAME|FILE] [--patient ID] [--data-dir DIR | --db URL] [--lang LANG]",
        "Says in one line whether a session of the routine (default: sciatica) is due today, and"
            + " when the last one was done. A session is due when none was done today and this"
            + " week has fewer days with a session than the routine's frequency asks for (a"
            + " routine that gives no frequency counts as daily). A day counts when a session"
            + " that day was finished or stopped for pain, or had an exercise rated.",
        options(), "Exit status: 0 a session is due today; 1 none is due (done today, or this"
            + " week's days are met), or the routine or history cannot be used (said on"
            + " stderr); 2 a usage error.",
        List.of(
            Help.example("coach due", "the sciatica routine, for you (your user name)"),
            Help.example("coach due --patient P-1001 --data-dir /var/lib/rehab-coach",
                "for patient P-1001, from a clinic's data folder"),
            Help.example("coach due --patient P-1001 --db postgresql://coach@db/rehab",
                "from the clinic group's shared history"),
            Help.example("coach due my-routine.yaml --lang es",
                "a routine file of your own, the line in Spanish"),
            Help.example("coach due >/dev/null && echo 'Time for your exercises'",
                "only the exit status: in a login script or a shell prompt")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach due", options(), this::help, args, ctx, cl -> due(cl, ctx));
  }

  private int due(CommandLine cl, CliContext ctx) throws CommandLines.UsageError {
    if (cl.getArgList().size() > 1) {
      throw new CommandLines.UsageError("give one routine (a name or a file), not "
          + cl.getArgList().size());
    }
    String patient = PatientOption.resolve(cl, ctx, "coach due");
    if (patient == null) {
      return ExitCodes.USAGE;
    }
    Messages words = Messages.of(CommandLines.language(cl, ctx));
    Path dir = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env());
    String which = cl.getArgList().isEmpty() ? "sciatica" : cl.getArgList().get(0);
    LoadResult loaded = new RoutineCatalog(dir.resolve("routines"), ctx.workDir()).find(which);
    if (!loaded.ok()) {
      loaded.problems().forEach(p -> ctx.err().println(p.format()));
      return ExitCodes.INVALID;
    }
    String db = CommandLines.db(cl, ctx);
    Attendance a;
    try {
      if (!History.exists(dir, db)) {
        a = Attendance.none(loaded.routine(), ctx.clock().instant(), ctx.clock().getZone());
      } else {
        try (HistoryStore store = History.open(dir, db, ctx.env())) {
          a = Attendance.of(store, patient, loaded.routine(), ctx.clock().instant(),
              ctx.clock().getZone());
        }
      }
    } catch (StoreException e) {
      Logs.error(dir, "due", e);
      ctx.err().println("coach due: " + e.getMessage());
      return ExitCodes.INVALID;
    }
    ctx.out().println(line(words, a));
    return a.due() ? ExitCodes.OK : ExitCodes.NOT_DUE;
  }

  /** "Sciatica relief routine due today, last done 2 days ago", and the like. */
  static String line(Messages m, Attendance a) {
    String title = SafeText.clean(a.routineTitle());
    long since = a.daysSinceLast();
    int done = a.week().daysDone();
    int target = a.week().target();
    if (a.due()) {
      return since < 0 ? m.get("due.never", title) : m.get("due.last", title, since);
    }
    if (since == 0) {
      return target >= 7 ? m.get("due.doneToday", title)
          : m.get("due.doneToday.week", title, done, target);
    }
    return m.get("due.weekMet", title, done, target);
  }
}
