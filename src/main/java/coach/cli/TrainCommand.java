package coach.cli;

import coach.app.CoachSession;
import coach.app.DataDir;
import coach.app.History;
import coach.app.Logs;
import coach.routine.LoadResult;
import coach.routine.RoutineCatalog;
import coach.session.Coach;
import coach.session.Event;
import coach.store.HistoryStore;
import coach.tui.Keys;
import coach.tui.LocalTerminal;
import coach.tui.ManualClock;
import coach.tui.PacedClock;
import coach.tui.SessionLoop;
import coach.tui.WelcomePreview;
import coach.tui.view.Style;
import coach.tui.view.Views;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
      // The coach's own start as far as it goes without a terminal, twice (the second time with
      // the welcome known): the command line, the words read on their thread, the routine's
      // bytes, the history and the alerts opened on theirs; it ends finding no usable terminal.
      java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
      java.util.Map<String, String> env = new java.util.HashMap<>(ctx.env());
      env.put("TERM", "dumb"); // never takes a terminal, whatever this runs on
      CliContext silent = new CliContext(java.io.InputStream.nullInputStream(), quiet, quiet, env,
          ctx.workDir());
      for (int i = 0; i < 2; i++) {
        new RunCommand().run(List.of("--data-dir", tmp.resolve("start").toString(), "--patient",
            "train", "--quiet", "sciatica"), silent);
      }
      // the first frame as a terminal receives it: escape sequences and UTF-8, keys decoded
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      com.googlecode.lanterna.terminal.ansi.ANSITerminal ansi =
          new com.googlecode.lanterna.terminal.ansi.ANSITerminal(
              new java.io.ByteArrayInputStream(new byte[] {'\r'}), bytes,
              java.nio.charset.StandardCharsets.UTF_8) {
            @Override
            protected TerminalSize findTerminalSize() {
              return new TerminalSize(100, 30);
            }
          };
      com.googlecode.lanterna.screen.Screen shown = SessionLoop.drawOnce(ansi,
          new WelcomePreview("Rehab", "Train", new Style(false, true)), Views.MIN_COLUMNS,
          Views.MIN_ROWS);
      ansi.pollInput();
      shown.stopScreen();
      coach.tui.TerminalBytes.utf8('\u2500');
      try { // a process started as the terminal's keys are set up
        new ProcessBuilder("true").redirectInput(ProcessBuilder.Redirect.INHERIT)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
      } catch (java.io.IOException e) {
        // no such program here: nothing to learn from it
      }
      // what a start does before its first screen: the command line, the data folder's files
      new org.apache.commons.cli.DefaultParser().parse(new RunCommand().options(),
          new String[] {"--data-dir", tmp.toString(), "--patient", "train", "sciatica"});
      coach.app.Settings.load(tmp);
      coach.app.ClinicContact.find(null, tmp);
      RoutineCatalog catalog = new RoutineCatalog(tmp.resolve("routines"), ctx.workDir());
      RoutineCatalog.Source source = catalog.source("sciatica");
      coach.app.WelcomeCache.read(tmp, source.key());
      LoadResult r = catalog.load(source);
      coach.app.WelcomeCache.write(tmp, source.key(), new coach.app.WelcomeCache.Preview(
          r.routine().title(), r.routine().disclaimer()));
      Style style = new Style(false, true);
      try (HistoryStore store = History.open(tmp)) {
        // the welcome drawn early, then a session's first steps as a patient takes them, through
        // the loop a session runs in: safety questions, the starting rating and where it is felt,
        // the first exercise, a tick, pause, help, quit, summary
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        com.googlecode.lanterna.screen.Screen first = SessionLoop.drawOnce(vt,
            new WelcomePreview(r.routine().title(), r.routine().disclaimer(), style),
            Views.MIN_COLUMNS, Views.MIN_ROWS);
        ManualClock clock = new ManualClock();
        CoachSession.Planned planned = CoachSession.plan(r, store, "train", style);
        // no wake of its own: the walk below moves the clock and ticks
        SessionLoop loop = new SessionLoop(vt, planned.app(), clock.withoutWakes(), true,
            planned.sink(), Views.MIN_COLUMNS, Views.MIN_ROWS).withoutKeyboard()
            .continueOn(first);
        Thread runner = new Thread(() -> {
          try {
            loop.run();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, "coach-train");
        runner.start();
        Event[] walk = {Event.Key.CONFIRM, Event.Key.NO, Event.Key.NO, Event.Key.NO,
          Event.Key.NO, new Event.Digit(2), Event.Key.CONFIRM, new Event.Digit(1),
          Event.Key.CONFIRM, Event.Key.CONFIRM, new Event.Tick(), Event.Key.PAUSE,
          Event.Key.PAUSE, Event.Key.HELP, Event.Key.BACK, Event.Key.QUIT, Event.Key.YES,
          Event.Key.CONFIRM};
        for (Event e : walk) {
          clock.advanceNanos(Coach.SECOND);
          loop.post(e);
          loop.awaitIdle(10_000);
        }
        loop.post(new Event.Interrupt("training over"));
        runner.join(10_000);
      }
      Keys.map(new KeyStroke(KeyType.Enter));
      Keys.map(new KeyStroke('q', false, false));
      LocalTerminal.isUtf8Locale(ctx.env());
      new PacedClock(1).nanoTime();
      Class.forName("com.googlecode.lanterna.terminal.ansi.UnixTerminal");
      Class.forName("coach.tui.QuickUnixTerminal");
      for (String c : new String[] {"SessionStart", "SessionStart$Request", "SessionOpening",
          "SessionStart$Result", "SessionStart$Ending"}) {
        Class.forName("coach.app." + c); // the way a start goes, without a terminal
      }
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
