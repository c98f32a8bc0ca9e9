package coach.cli;

import coach.app.DataDir;
import coach.app.History;
import coach.app.Logs;
import coach.routine.LoadResult;
import coach.routine.RoutineCatalog;
import coach.session.Coach;
import coach.session.Event;
import coach.session.ManualClock;
import coach.session.PacedClock;
import coach.session.SessionState;
import coach.store.CarryOver;
import coach.store.HistoryStore;
import coach.store.SessionRecorder;
import coach.tui.Keys;
import coach.tui.LocalTerminal;
import coach.tui.view.Canvas;
import coach.tui.view.Style;
import coach.tui.view.Views;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads what a session uses, without a terminal, so the launcher can record the loaded classes
 * once into a class-data archive and every later start skips that work. Not listed in the help.
 */
public final class TrainCommand implements Command {
  @Override
  public String name() {
    return "train-startup";
  }

  @Override
  public String summary() {
    return null;
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    try {
      Path tmp = Files.createTempDirectory("coach-train");
      // what a start does before its first screen: the command line, the data folder's files
      new org.apache.commons.cli.DefaultParser().parse(new RunCommand().options(),
          new String[] {"--data-dir", tmp.toString(), "--patient", "train", "sciatica"});
      coach.app.Settings.load(tmp);
      coach.app.ClinicContact.find(null, tmp);
      LoadResult r = new RoutineCatalog(tmp.resolve("routines"), ctx.workDir())
          .find("sciatica");
      ManualClock clock = new ManualClock();
      Coach coach;
      try (HistoryStore store = History.open(tmp)) {
        CarryOver.Plan plan = CarryOver.plan(r.routine(), store, "train", java.time.Instant.now());
        coach = new Coach(r.routine(), clock, plan.options());
        SessionRecorder rec = store.begin("train", "sciatica", r.sha256(), Map.of());
        SessionState s = coach.start();
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        // a session's first steps as a patient takes them: safety questions, the starting
        // rating and where it is felt, the first exercise, a tick, pause, help, quit, summary
        Event[] walk = {Event.Key.CONFIRM, Event.Key.NO, Event.Key.NO, Event.Key.NO,
          Event.Key.NO, new Event.Digit(2), Event.Key.CONFIRM, new Event.Digit(1),
          Event.Key.CONFIRM, Event.Key.CONFIRM, new Event.Tick(), Event.Key.PAUSE,
          Event.Key.PAUSE, Event.Key.HELP, Event.Key.BACK, Event.Key.QUIT, Event.Key.YES,
          Event.Key.CONFIRM};
        for (Event e : walk) {
          clock.advanceNanos(Coach.SECOND);
          var t = coach.update(s, e);
          for (var fx : t.effects()) {
            rec.apply(fx);
          }
          s = t.state();
          screen.clear();
          Views.draw(new Canvas(screen.newTextGraphics(), screen.getTerminalSize(),
              new Style(false, true)), coach, s);
          screen.refresh();
        }
        screen.stopScreen();
      }
      Keys.map(new KeyStroke(KeyType.Enter));
      Keys.map(new KeyStroke('q', false, false));
      LocalTerminal.isUtf8Locale(ctx.env());
      new PacedClock(1).nanoTime();
      Class.forName("com.googlecode.lanterna.terminal.ansi.UnixTerminal");
      Class.forName("coach.tui.SessionLoop");
      try (var files = Files.walk(tmp)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      return ExitCodes.OK;
    } catch (Exception e) {
      Logs.error(DataDir.resolve(null, ctx.env()), "startup training", e);
      return ExitCodes.INTERNAL;
    }
  }
}
