package coach.cli;

import coach.app.ClinicView;
import coach.app.DataDir;
import coach.app.History;
import coach.app.Logs;
import coach.app.RoutinesById;
import coach.routine.RoutineCatalog;
import coach.tui.PacedClock;
import coach.store.HistoryStore;
import coach.store.StoreException;
import coach.tui.ClinicBoard;
import coach.tui.LocalTerminal;
import coach.tui.SessionLoop;
import coach.tui.view.Style;
import coach.tui.view.Views;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code coach clinic}: the therapist's board, full screen, in this terminal. */
public final class ClinicCommand implements Command {
  @Override
  public String name() {
    return "clinic";
  }

  @Override
  public String summary() {
    return "the therapist's board: every patient, most urgent first";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(CommandLines.dataDir("where the history is kept"));
    o.addOption(CommandLines.db());
    o.addOption(Option.builder().longOpt("clinician").hasArg().argName("NAME")
        .desc("who looks and acknowledges alerts, as the history records it (default: your"
            + " user name)").get());
    o.addOption(Option.builder().longOpt("by").hasArg().argName("NAME")
        .desc("the same as --clinician").get());
    o.addOption(Option.builder().longOpt("ascii").desc("ASCII only: no block glyphs").get());
    o.addOption(CommandLines.lang());
    o.addOption(CommandLines.help());
    return o;
  }

  @Override
  public String help() {
    return Help.text("coach clinic [--data-dir DIR | --db URL] [--clinician NAME]",
        "A full-screen board for the therapist: one row per patient, most urgent first, with"
            + " a * when something is new since you last looked at them, the pain before and"
            + " the highest pain of their last session beside the trend of both, where the"
            + " symptoms reached, this week's days against the routine's frequency and the last"
            + " session; under it their open alerts in words with a count per kind (after !!"
            + " for urgent and ! for the others); the selected patient's alerts written out"
            + " below. It reads what changed in the history every few seconds, so a session"
            + " that lands anywhere shows. Keys: arrows select, PgUp/PgDn page, Enter opens the"
            + " patient's report (arrows and PgUp/PgDn scroll, Esc back), a acknowledges the"
            + " selected patient's most urgent alert with an optional note (Enter acknowledges,"
            + " Esc does not), / filters by patient code, q quits.",
        options(), null, List.of(
            Help.example("coach clinic", "the board of your own data folder's history"),
            Help.example("coach clinic --data-dir /var/lib/rehab-coach --clinician \"Dr Kim\"",
                "a clinic's kiosks' history; acknowledgements recorded as Dr Kim's"),
            Help.example("coach clinic --db postgresql://coach@db/rehab --ascii",
                "the clinic group's history from every site, in plain characters"),
            Help.example("coach clinic --lang es", "the board's words in Spanish"),
            Help.example("coach clinic --by \"Dr Lee\"",
                "as --clinician, the name an earlier version took")));
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach clinic", options(), this::help, args, ctx,
        cl -> run(cl, ctx));
  }

  private int run(CommandLine cl, CliContext ctx) throws CommandLines.UsageError {
    if (!cl.getArgList().isEmpty()) {
      throw new CommandLines.UsageError("takes no arguments, not "
          + Quote.of(cl.getArgList().get(0)) + " (see coach clinic --help)");
    }
    String db = CommandLines.db(cl, ctx);
    coach.tui.words.Language language = CommandLines.language(cl, ctx);
    Path dir = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env());
    boolean ascii = cl.hasOption("ascii") || !LocalTerminal.isUtf8Locale(ctx.env());
    String noColor = ctx.env("NO_COLOR");
    Style style = new Style(ascii, noColor == null || noColor.isEmpty(), language);
    HistoryStore store;
    try {
      DataDir.ensure(dir);
      store = History.open(dir, db, ctx.env());
    } catch (IOException e) {
      ctx.err().println("coach clinic: cannot use the data folder " + dir + ": "
          + DataDir.why(e));
      return ExitCodes.INVALID;
    } catch (StoreException e) {
      Logs.error(dir, "clinic", e);
      ctx.err().println("coach clinic: " + e.getMessage());
      return ExitCodes.INVALID;
    }
    try (store) {
      String by = cl.getOptionValue("clinician", cl.getOptionValue("by",
          ctx.env().getOrDefault("USER", "clinician")));
      String dataDirOption = cl.getOptionValue("data-dir");
      ClinicView view = new ClinicView(store, new RoutinesById(new RoutineCatalog(
          dir.resolve("routines"), ctx.workDir()), List.of()),
          (s, patient) -> ReportCommand.lines(s, patient, dataDirOption, ctx), by,
          ZoneId.systemDefault());
      return board(view, style, dir, ctx);
    } catch (StoreException e) {
      ctx.err().println("coach clinic: " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }

  private static int board(ClinicView view, Style style, Path dir, CliContext ctx) {
    LocalTerminal local;
    try {
      local = LocalTerminal.open(ctx.env());
    } catch (LocalTerminal.Unusable e) {
      ctx.err().println("coach clinic: " + e.getMessage());
      return ExitCodes.NO_TERMINAL;
    } catch (IOException e) {
      Logs.error(dir, "opening the terminal", e);
      ctx.err().println("coach clinic: cannot open the terminal: " + e.getMessage());
      return ExitCodes.NO_TERMINAL;
    }
    AtomicReference<String> signal = new AtomicReference<>();
    Throwable failure = null;
    try {
      PacedClock clock = new PacedClock(1);
      ClinicBoard app = new ClinicBoard(view, clock, style, ZoneId.systemDefault());
      SessionLoop loop = new SessionLoop(local.terminal(), app, clock::realDelayUntil, true,
          fx -> { }, Views.MIN_COLUMNS, Views.MIN_ROWS);
      RunCommand.onSignals(loop::post, signal);
      loop.run();
    } catch (Exception | Error e) {
      failure = e;
    } finally {
      local.close();
    }
    if (failure != null) {
      Logs.error(dir, "clinic board failed", failure);
      ctx.err().println("coach clinic: the board stopped because of an error (details in "
          + Logs.file(dir) + ")");
      return ExitCodes.INTERNAL;
    }
    return signal.get() == null ? ExitCodes.OK : ExitCodes.forSignal(signal.get());
  }
}
