package coach.cli;

import coach.app.AlertService;
import coach.app.ClinicContact;
import coach.app.RoutinesById;
import coach.app.CoachSession;
import coach.app.DataDir;
import coach.app.History;
import coach.app.LocalKiosk;
import coach.app.Logs;
import coach.app.Settings;
import coach.app.WelcomeCache;
import coach.kiosk.Patients;
import coach.routine.LoadResult;
import coach.routine.RoutineCatalog;
import coach.session.Event;
import coach.session.Outcome;
import coach.store.AlreadyRunning;
import coach.store.HistoryStore;
import coach.store.StoreException;
import coach.tui.LocalTerminal;
import coach.tui.SessionLoop;
import coach.tui.Speech;
import coach.tui.Voice;
import coach.tui.WelcomePreview;
import coach.tui.view.Style;
import coach.tui.view.Views;
import coach.tui.words.Language;
import coach.tui.words.Messages;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import sun.misc.Signal;

/** Starts a coaching session in this terminal (the default command). */
public final class RunCommand implements Command {
  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "start a coaching session on a routine (default: sciatica)";
  }

  @Override
  public Options options() {
    Options o = new Options();
    o.addOption(CommandLines.pace());
    o.addOption(CommandLines.dataDir("where the history and the log are kept"));
    o.addOption(CommandLines.db());
    o.addOption(PatientOption.option("whose session this is"));
    o.addOption(Option.builder().longOpt("ascii").desc("ASCII only: no box or block glyphs").get());
    o.addOption(Option.builder().longOpt("quiet").desc("no bell at phase changes").get());
    o.addOption(CommandLines.alertCommand());
    o.addOption(Option.builder().longOpt("speak").desc("say each phase's cue and the count of"
        + " each rep aloud (espeak-ng, spd-say or macOS say; also 'speak = yes' in DATA_DIR/"
        + "settings, which is not used over SSH)").get());
    o.addOption(CommandLines.lang());
    o.addOption(Option.builder().longOpt("kiosk").desc("start screen asks for the patient code;"
        + " the end of a session returns there (for clinic kiosks)").get());
    o.addOption(Option.builder().longOpt("patients").hasArg().argName("FILE")
        .desc("with --kiosk: only the codes of this patients file are accepted (whatever"
            + " their case)").get());
    o.addOption(Option.builder().longOpt("any-code")
        .desc("with --kiosk: any well-formed patient code is accepted, not only those of the"
            + " patients file (a mistyped code then starts a new patient's history)").get());
    o.addOption(Option.builder().longOpt("idle-timeout").hasArg().argName("SECONDS")
        .desc("with --kiosk: save and close a session after this long without a key"
            + " (default 600)").get());
    o.addOption(CommandLines.help());
    o.addOption(Option.builder("V").longOpt("version").desc("show the version").get());
    return o;
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return CommandLines.run("coach", options(), this::help, args, ctx, cl -> run(cl, ctx));
  }

  private int run(CommandLine cl, CliContext ctx) throws CommandLines.UsageError {
    if (cl.hasOption("version")) {
      ctx.out().println("rehab-coach " + Cli.VERSION);
      return ExitCodes.OK;
    }
    if (cl.getArgList().size() > 1) {
      ctx.err().println("coach: give one routine (a name or a file), not "
          + cl.getArgList().size());
      return ExitCodes.USAGE;
    }
    // checked before anything is opened: a refused id never reaches the terminal or the history
    String patient;
    if (cl.hasOption("kiosk")) { // a kiosk asks each patient for a code unless --patient names one
      if (!PatientOption.givenIsValid(cl, ctx, "coach")) {
        return ExitCodes.USAGE;
      }
      patient = cl.getOptionValue(PatientOption.NAME);
    } else {
      patient = PatientOption.resolve(cl, ctx, "coach");
      if (patient == null) {
        return ExitCodes.USAGE;
      }
    }
    double pace = CommandLines.pace(cl);
    Language language = CommandLines.language(cl, ctx);
    LocalKiosk kiosk = null;
    if (cl.hasOption("kiosk")) {
      int idle = CommandLines.seconds(cl, "idle-timeout", 600, 1, 86_400);
      Patients patients = null;
      if (cl.hasOption("patients")) {
        Patients.Loaded p = Patients.load(ctx.workDir().resolve(cl.getOptionValue("patients")));
        if (!p.ok()) {
          p.problems().forEach(x -> ctx.err().println(x.format()));
          return ExitCodes.INVALID;
        }
        patients = p.patients();
      }
      if (patients == null && patient == null && !cl.hasOption("any-code")) {
        ctx.err().println("coach: a kiosk accepts only the codes of a patients file: give"
            + " --patients FILE, or --any-code to accept any well-formed code (a mistyped code"
            + " then starts a new patient's history)");
        return ExitCodes.USAGE;
      }
      kiosk = new LocalKiosk(java.time.Duration.ofSeconds(idle), patients,
          cl.hasOption("any-code"), patient, null);
    } else if (cl.hasOption("patients") || cl.hasOption("idle-timeout")
        || cl.hasOption("any-code")) {
      ctx.err().println("coach: --patients, --any-code and --idle-timeout go with --kiosk");
      return ExitCodes.USAGE;
    }
    String which = cl.getArgList().isEmpty() ? "sciatica" : cl.getArgList().get(0);
    java.nio.file.Path dataDir = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env());
    String db = CommandLines.db(cl, ctx);
    boolean ascii = cl.hasOption("ascii") || !LocalTerminal.isUtf8Locale(ctx.env());
    String noColor = ctx.env("NO_COLOR");
    boolean color = noColor == null || noColor.isEmpty();
    // the screens' words are read on a thread of their own while this one takes the terminal
    java.util.concurrent.FutureTask<Style> words =
        new java.util.concurrent.FutureTask<>(() -> new Style(ascii, color, language));
    Thread reader = new Thread(words, "coach-words");
    reader.setDaemon(true);
    reader.start();
    RoutineCatalog catalog = new RoutineCatalog(dataDir.resolve("routines"), ctx.workDir());
    RoutineCatalog.Source source = catalog.source(which);
    if (source.failed() != null) { // no such routine, or its file cannot be read
      source.failed().problems().forEach(p -> ctx.err().println(p.format()));
      return ExitCodes.INVALID;
    }
    // The routine is read, the history opened and the alerts started on a thread of their own.
    // When these very routine bytes were read before, their welcome is drawn first and the rest
    // is loaded while the person reads it; else it is loaded while the terminal is taken over.
    Opening.Params params = new Opening.Params(catalog, source, dataDir, db, kiosk == null
        ? patient : null, cl, language);
    java.util.concurrent.FutureTask<Opening> opening =
        new java.util.concurrent.FutureTask<>(() -> Opening.open(params, ctx));
    java.util.Optional<WelcomeCache.Preview> preview = kiosk == null
        ? WelcomeCache.read(dataDir, source.key()) : java.util.Optional.empty();
    Runnable startOpening = new Runnable() {
      private boolean started;

      @Override
      public void run() {
        if (started) {
          return;
        }
        started = true;
        Thread opener = new Thread(opening, "coach-open");
        opener.setDaemon(true);
        opener.start();
        Thread warm = new Thread(() -> History.warmUp(db), "coach-warm-up");
        warm.setDaemon(true);
        warm.start(); // loads SQLite while the routine is read
      }
    };
    if (preview.isEmpty()) {
      startOpening.run();
    }
    return runSession(opening, startOpening, preview, dataDir, words, pace,
        cl.hasOption("quiet"), kiosk, patient, ctx);
  }

  /**
   * What a session needs before it starts, opened off the terminal's thread: the routine, the
   * clinic's card, the settings, the history (checked for a session of the same patient running
   * now), the voice and the alerts. Either all of it, or the exit status and the lines that say
   * why; lines for the person that are no error wait in {@code notes}.
   */
  static final class Opening implements AutoCloseable {
    record Params(RoutineCatalog catalog, RoutineCatalog.Source source,
        java.nio.file.Path dataDir, String db, String livePatient, CommandLine cl,
        Language language) {}

    final int failed;
    final List<String> lines;
    final List<String> notes;
    final LoadResult loaded;
    final HistoryStore store;
    final Speech speech;
    final AlertService alerts;

    private Opening(int failed, List<String> lines, List<String> notes, LoadResult loaded,
        HistoryStore store, Speech speech, AlertService alerts) {
      this.failed = failed;
      this.lines = lines;
      this.notes = notes;
      this.loaded = loaded;
      this.store = store;
      this.speech = speech;
      this.alerts = alerts;
    }

    /** Each problem in one line: FILE:LINE:COLUMN and what was expected. */
    private static List<String> formatted(List<coach.routine.Problem> problems) {
      return problems.stream().map(coach.routine.Problem::format).toList();
    }

    private static Opening failure(int code, List<String> lines) {
      return new Opening(code, lines, List.of(), null, null, null, null);
    }

    static Opening open(Params p, CliContext ctx) {
      java.nio.file.Path dataDir = p.dataDir();
      LoadResult loaded = p.catalog().load(p.source());
      if (!loaded.ok()) {
        return failure(ExitCodes.INVALID, formatted(loaded.problems()));
      }
      ClinicContact.Found card = ClinicContact.find(null, dataDir);
      if (!card.ok()) {
        return failure(ExitCodes.INVALID, formatted(card.problems()));
      }
      loaded = ClinicContact.apply(loaded, card.card());
      Settings.Loaded settings = Settings.load(dataDir);
      if (!settings.ok()) {
        return failure(ExitCodes.INVALID, formatted(settings.problems()));
      }
      HistoryStore store;
      try {
        DataDir.ensure(dataDir);
        if (p.db() != null) {
          Logs.warningsTo(dataDir); // the database coming and going, for whoever looks later
        }
        store = History.open(dataDir, p.db(), ctx.env());
      } catch (java.io.IOException e) {
        return failure(ExitCodes.INVALID, List.of("coach: cannot use the data folder " + dataDir
            + ": " + DataDir.why(e)));
      } catch (StoreException e) {
        Logs.error(dataDir, "opening the history", e);
        return failure(ExitCodes.INVALID, List.of("coach: " + e.getMessage()));
      }
      WelcomeCache.write(dataDir, p.source().key(), new WelcomeCache.Preview(
          loaded.routine().title(), loaded.routine().disclaimer()));
      List<String> notes = new java.util.ArrayList<>();
      Speech speech = null;
      try {
        if (store.notice() != null) {
          notes.add("coach: " + store.notice()); // stays above the session's screen
          Logs.info(dataDir, store.notice());
        }
        if (p.livePatient() != null) {
          java.util.Optional<HistoryStore.Live> live = store.live(p.livePatient());
          if (live.isPresent()) {
            // the running session is left alone
            store.close();
            return failure(ExitCodes.BUSY, List.of("coach: "
                + new AlreadyRunning(p.livePatient(), live.get()).getMessage()));
          }
        }
        speech = speech(p.cl().hasOption("speak"), settings.settings(), p.language(), ctx,
            notes);
        AlertService alerts = CommandLines.alerts(p.cl(), settings.settings(), store,
            new RoutinesById(new RoutineCatalog(dataDir.resolve("routines"), ctx.workDir()),
                List.of(loaded.routine())), dataDir);
        java.time.ZoneId.systemDefault(); // read here, not on the way to the session's screen
        return new Opening(ExitCodes.OK, List.of(), notes, loaded, store, speech, alerts);
      } catch (StoreException e) {
        closeAfter(speech, store);
        Logs.error(dataDir, "history", e);
        return failure(ExitCodes.INVALID, List.of("coach: " + e.getMessage()));
      } catch (RuntimeException | Error e) {
        closeAfter(speech, store);
        throw e;
      }
    }

    /** Closes what was opened before a problem; the first problem is the one to tell. */
    private static void closeAfter(Speech speech, HistoryStore store) {
      if (speech != null) {
        speech.close();
      }
      try {
        store.close();
      } catch (StoreException | RuntimeException ignored) {
        // told above
      }
    }

    boolean ok() {
      return failed == ExitCodes.OK;
    }

    /** Delivers what it can in a few seconds (the rest waits in the history), then closes. */
    @Override
    public void close() throws StoreException {
      if (!ok()) {
        return;
      }
      try {
        alerts.close(java.time.Duration.ofSeconds(5));
      } finally {
        if (speech != null) {
          speech.close();
        }
        store.close();
      }
    }
  }

  @Override
  public String help() {
    return Help.text("coach [run] [NAME|FILE] [OPTIONS]",
        "Start a session. NAME is a bundled routine (see 'coach list'), FILE a routine file.",
        options(), "Keys: Enter next, Space pause, digits rate pain, s skip, ! red flags,"
            + " ? help, q quit.\nExit status: 0 the session ended (finished, stopped or quit);"
            + " 1 a routine or history that cannot be used; 2 a usage error; 3 no terminal that"
            + " can show the coach; 4 a session of the same patient is running now;"
            + " 129 SIGHUP or a lost terminal, 130 SIGINT, 143 SIGTERM"
            + " ended the session (saved as interrupted).",
        List.of(
            Help.example("coach", "the bundled sciatica routine; the patient is your user name"),
            Help.example("coach my-routine.yaml --patient P-1001",
                "a routine file, for patient P-1001"),
            Help.example("coach sciatica --ascii --quiet",
                "plain characters instead of box and block glyphs, and no bell"),
            Help.example("coach --speak", "the cues and the count of each rep said aloud, for"
                + " when the screen is out of sight (install espeak-ng)"),
            Help.example("coach --lang es", "the screens in Spanish (as with LANG=es_ES.UTF-8);"
                + " the routine's own words stay as its therapist wrote them"),
            Help.example("coach --pace 20 --data-dir /tmp/coach-demo",
                "a demonstration: timers 20 times faster, its history kept apart from yours"),
            Help.example("coach --kiosk --patients patients.yaml --idle-timeout 300",
                "a clinic kiosk: asks each patient for a code the patients file lists, and"
                    + " saves and closes a session left 5 minutes without a key"),
            Help.example("coach --alert-command 'mail -s \"Rehab Coach alert\" pt@clinic.example'",
                "each new alert for the clinician (a red flag, a session ended for pain) is mailed"),
            Help.example("coach --kiosk --patient P-1001",
                "a kiosk for one patient: Enter begins their session"),
            Help.example("coach --kiosk --any-code",
                "a kiosk that takes any well-formed code: each new code starts a new patient's"
                    + " history"),
            Help.example("coach --db postgresql://coach@db.clinic.example:5432/rehab",
                "the clinic's shared history in PostgreSQL; while it cannot be reached the"
                    + " session goes on and its ratings wait in the data folder")));
  }

  /**
   * SIGTERM, SIGHUP and SIGINT end the session (saved as interrupted) instead of the process;
   * the first one that arrives is kept, to exit with the status a shell expects for it.
   */
  static void onSignals(java.util.function.Consumer<Event> post,
      AtomicReference<String> first) {
    for (String sig : new String[] {"TERM", "HUP", "INT"}) {
      try {
        Signal.handle(new Signal(sig), s -> {
          first.compareAndSet(null, sig);
          post.accept(new Event.Interrupt("SIG" + sig));
        });
      } catch (IllegalArgumentException ignored) {
        // this platform has no such signal
      }
    }
  }

  /**
   * The exit status of a session: when a signal ended it, 128 plus the signal's number as a shell
   * reports it (SIGHUP 129, SIGINT 130, SIGTERM 143), even if it came on the summary; when its
   * terminal went away without a signal, 129 as for a hang-up; else 0 (finished, stopped, quit).
   */
  static int exitCode(Outcome outcome, String signal) {
    if (signal != null) {
      return ExitCodes.forSignal(signal);
    }
    return outcome == Outcome.INTERRUPTED ? ExitCodes.HANGUP : ExitCodes.OK;
  }

  /**
   * The voice that says the cues, or null for silence: asked for by --speak, or by the data
   * folder's setting unless the coach runs over SSH (there the voice would be the server's, so
   * only a command line that says --speak, such as a kiosk's, asks for it). When no speech
   * command is found, one line says so and the session goes on silent.
   */
  private static Speech speech(boolean option, Settings settings, Language language,
      CliContext ctx, List<String> notes) {
    boolean overSsh = ctx.env("SSH_CONNECTION") != null || ctx.env("SSH_TTY") != null;
    if (!option && !(settings.speak() && !overSsh)) {
      return null;
    }
    java.util.Optional<Speech> found = Speech.find(ctx.env(), language);
    if (found.isEmpty()) {
      notes.add("coach: " + Messages.of(language).get("speak.none"));
      return null;
    }
    return found.get();
  }

  /**
   * Takes over the terminal while the session's needs are opened, draws the welcome early when
   * it can, then runs the session (or the kiosk) once they are. What cannot be used is said in
   * one line after the terminal is given back, as it would have been before taking it.
   */
  private static int runSession(java.util.concurrent.FutureTask<Opening> opening,
      Runnable startOpening, java.util.Optional<WelcomeCache.Preview> preview,
      java.nio.file.Path dataDir,
      java.util.concurrent.FutureTask<Style> words,
      double pace, boolean quiet, LocalKiosk kiosk, String patient, CliContext ctx) {
    // A signal while the welcome is up ends the session as one that came later would: it is
    // recorded as interrupted once planned. Signals are taken from here on, so one that comes
    // while the history is still opening stops the wait (a few seconds at most).
    AtomicReference<String> signal = new AtomicReference<>();
    AtomicReference<java.util.function.Consumer<Event>> target = new AtomicReference<>();
    Thread main = Thread.currentThread();
    target.set(e -> main.interrupt());
    onSignals(e -> target.get().accept(e), signal);
    LocalTerminal local = null;
    String unusable = null;
    Exception broken = null;
    try {
      local = LocalTerminal.open(ctx.env());
    } catch (LocalTerminal.Unusable e) {
      unusable = "coach: " + e.getMessage();
    } catch (IOException e) {
      broken = e;
      unusable = "coach: cannot open the terminal: " + e.getMessage();
    }
    Style style;
    try {
      style = await(words);
    } catch (RuntimeException | Error e) {
      giveBack(local, null);
      throw e;
    }
    com.googlecode.lanterna.screen.Screen first = null;
    if (local != null && preview.isPresent()) {
      try {
        first = SessionLoop.drawOnce(local.terminal(), new WelcomePreview(
            preview.get().title(), preview.get().disclaimer(), style), Views.MIN_COLUMNS,
            Views.MIN_ROWS);
      } catch (IOException e) {
        first = null; // the session's own first frame follows
      } catch (RuntimeException | Error e) {
        giveBack(local, null); // drawOnce left its screen already
        throw e;
      }
    }
    startOpening.run(); // if the welcome was drawn first, the rest is read while it is read
    Opening o;
    try {
      o = await(opening, signal);
    } catch (RuntimeException | Error e) {
      giveBack(local, first);
      throw e;
    }
    if (o == null) { // a signal came, and the history is still opening
      giveBack(local, first);
      return ExitCodes.forSignal(signal.get());
    }
    if (!o.ok() || local == null) {
      giveBack(local, first);
      if (!o.ok()) {
        o.lines.forEach(ctx.err()::println);
        return o.failed;
      }
      o.notes.forEach(ctx.err()::println);
      closeQuietly(o, dataDir);
      if (broken != null) {
        Logs.error(dataDir, "opening the terminal", broken);
      }
      ctx.err().println(unusable);
      return ExitCodes.NO_TERMINAL;
    }
    if (first == null) {
      o.notes.forEach(ctx.err()::println); // stays above the session's screen
    }
    Outcome outcome = null;
    Throwable failure = null;
    Thread.interrupted(); // a signal's wake-up, if one came, is not for the session's loop
    try {
      if (kiosk != null) {
        SessionLoop loop = kiosk.speaking(o.speech).loop(local.terminal(), o.loaded, o.store,
            style, pace, quiet, o.alerts).onSaveFailure(e -> Logs.error(dataDir, "saving", e));
        relay(target, signal, loop::post);
        loop.run();
        outcome = Outcome.INTERRUPTED; // a kiosk ends only by a signal or a closed terminal
      } else {
        CoachSession session = CoachSession.prepare(local.terminal(), o.loaded, o.store,
            patient, style, pace, quiet, o.speech, o.alerts).onSaveFailure(e -> Logs.error(
            dataDir, "saving", e));
        if (first != null) {
          session.continueOn(first);
          first = null;
        }
        relay(target, signal, session::post);
        outcome = session.run();
      }
    } catch (Exception | Error e) {
      failure = e;
    } finally {
      giveBack(local, first); // before anything is printed
    }
    if (preview.isPresent()) {
      o.notes.forEach(ctx.err()::println); // where it would have stood, above the session
    }
    try {
      o.close(); // what could not be delivered in a few seconds waits for the next coach
    } catch (StoreException e) {
      Logs.error(dataDir, "history", e);
      if (failure == null) {
        ctx.err().println("coach: " + e.getMessage());
        return ExitCodes.INVALID;
      }
    }
    if (failure != null) {
      Logs.error(dataDir, "session failed", failure);
      Throwable cause = failure.getCause() instanceof StoreException se ? se : failure;
      if (cause instanceof StoreException se) {
        ctx.err().println("coach: " + se.getMessage());
        return ExitCodes.INVALID;
      }
      if (cause instanceof AlreadyRunning ar) {
        ctx.err().println("coach: " + ar.getMessage());
        return ExitCodes.BUSY;
      }
      ctx.err().println("coach: the session stopped because of an error (details in "
          + Logs.file(dataDir) + ")");
      return ExitCodes.INTERNAL;
    }
    return exitCode(outcome, signal.get());
  }

  /** From now on signals go to {@code to}; one that came already is handed over at once. */
  private static void relay(AtomicReference<java.util.function.Consumer<Event>> target,
      AtomicReference<String> signal, java.util.function.Consumer<Event> to) {
    target.set(to);
    if (signal.get() != null) {
      to.accept(new Event.Interrupt("SIG" + signal.get()));
    }
  }

  /** What a thread of this start made, waiting for it; its unexpected failure is thrown here. */
  private static <T> T await(java.util.concurrent.FutureTask<T> task) {
    return await(task, new AtomicReference<>());
  }

  /**
   * As {@link #await(java.util.concurrent.FutureTask)}, but after a signal it waits a few
   * seconds more, then gives up (null).
   */
  private static <T> T await(java.util.concurrent.FutureTask<T> task,
      AtomicReference<String> signal) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          if (signal.get() == null) {
            return task.get();
          }
          return task.get(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          return null;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          if (e.getCause() instanceof Error er) {
            throw er;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Leaves the screen (when one was started) and restores the terminal's settings. */
  private static void giveBack(LocalTerminal local,
      com.googlecode.lanterna.screen.Screen started) {
    if (started != null) {
      try {
        started.stopScreen();
      } catch (IOException | RuntimeException ignored) {
        // the terminal went away; its settings are restored below all the same
      }
    }
    if (local != null) {
      local.close();
    }
  }

  private static void closeQuietly(Opening o, java.nio.file.Path dataDir) {
    try {
      o.close();
    } catch (StoreException e) {
      Logs.error(dataDir, "history", e);
    }
  }
}
