package coach.cli;

import coach.routine.LoadResult;
import coach.routine.RoutineCatalog;
import coach.ssh.CoachServer;
import coach.store.SqliteHistoryStore;
import coach.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** {@code coach serve}: the coach's own SSH server for clinic kiosks. */
public final class ServeCommand implements Command {
  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "serve coaching sessions over SSH (clinic kiosks)";
  }

  private static Options options() {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("port").hasArg().argName("N")
        .desc("port to listen on (default 2222)").build());
    o.addOption(Option.builder().longOpt("bind").hasArg().argName("ADDR")
        .desc("address to listen on (default 127.0.0.1)").build());
    o.addOption(Option.builder().longOpt("data-dir").hasArg().argName("DIR")
        .desc("history, log and host key").build());
    o.addOption(Option.builder().longOpt("authorized-keys").hasArg().argName("FILE")
        .desc("OpenSSH authorized_keys file of the kiosks / patients (required)").build());
    o.addOption(Option.builder().longOpt("routine").hasArg().argName("NAME|FILE")
        .desc("the routine served (default sciatica)").build());
    o.addOption(Option.builder().longOpt("max-sessions").hasArg().argName("N")
        .desc("sessions at once (default 200)").build());
    o.addOption(Option.builder().longOpt("idle-timeout").hasArg().argName("SECONDS")
        .desc("close a connection idle this long (default 600)").build());
    o.addOption(Option.builder("h").longOpt("help").desc("show this help").build());
    return o;
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    CommandLine cl;
    try {
      cl = new DefaultParser().parse(options(), args.toArray(new String[0]));
    } catch (ParseException e) {
      ctx.err().println("coach serve: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (cl.hasOption("help")) {
      java.io.PrintWriter w = new java.io.PrintWriter(ctx.out());
      new HelpFormatter().printHelp(w, 80, "coach serve --authorized-keys FILE [OPTIONS]",
          "Serve one coaching session per SSH connection. The SSH user name is the patient.",
          options(), 2, 2, "");
      w.flush();
      return ExitCodes.OK;
    }
    if (!cl.hasOption("authorized-keys")) {
      ctx.err().println("coach serve: --authorized-keys FILE is required (who may connect)");
      return ExitCodes.USAGE;
    }
    int port;
    int maxSessions;
    int idle;
    try {
      port = Integer.parseInt(cl.getOptionValue("port", "2222"));
      maxSessions = Integer.parseInt(cl.getOptionValue("max-sessions", "200"));
      idle = Integer.parseInt(cl.getOptionValue("idle-timeout", "600"));
      if (port < 0 || port > 65535 || maxSessions < 1 || idle < 1) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      ctx.err().println("coach serve: --port, --max-sessions and --idle-timeout take positive"
          + " whole numbers");
      return ExitCodes.USAGE;
    }
    Path keys = ctx.workDir().resolve(cl.getOptionValue("authorized-keys"));
    if (!Files.isReadable(keys) || Files.isDirectory(keys)) {
      ctx.err().println("coach serve: " + keys + ": cannot read the authorized_keys file");
      return ExitCodes.INVALID;
    }
    Path dataDir = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env());
    LoadResult routine = new RoutineCatalog(dataDir.resolve("routines"), ctx.workDir())
        .find(cl.getOptionValue("routine", "sciatica"));
    if (!routine.ok()) {
      routine.problems().forEach(p -> ctx.err().println(p.format()));
      return ExitCodes.INVALID;
    }
    try {
      DataDir.ensure(dataDir);
      logToFile(dataDir);
    } catch (IOException e) {
      ctx.err().println("coach serve: cannot use the data folder " + dataDir + ": "
          + e.getMessage());
      return ExitCodes.INVALID;
    }
    CoachServer.Settings settings = new CoachServer.Settings(
        cl.getOptionValue("bind", "127.0.0.1"), port, dataDir, keys, maxSessions,
        Duration.ofSeconds(idle), Duration.ofSeconds(60), 3);
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(dataDir));
        CoachServer server = new CoachServer(settings, routine, store)) {
      server.start();
      ctx.out().println("Serving " + routine.routine().title() + " on " + settings.bind() + ":"
          + server.port() + " (log: " + dataDir.resolve("serve.log") + ")");
      ctx.out().flush();
      CountDownLatch stop = new CountDownLatch(1);
      Thread hook = new Thread(stop::countDown, "coach-serve-stop");
      for (String sig : new String[] {"TERM", "INT", "HUP"}) {
        try {
          sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> stop.countDown());
        } catch (IllegalArgumentException ignored) {
          // no such signal here
        }
      }
      Runtime.getRuntime().addShutdownHook(hook);
      stop.await();
      Logger.getLogger("coach.ssh").info("stopping: saving open sessions");
      return ExitCodes.OK;
    } catch (StoreException e) {
      ctx.err().println("coach serve: " + e.getMessage());
      return ExitCodes.INVALID;
    } catch (IOException e) {
      AppLog.error(dataDir, "serve", e);
      ctx.err().println("coach serve: cannot listen on " + settings.bind() + ":" + port + ": "
          + e.getMessage());
      return ExitCodes.INVALID;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERRUPTED;
    }
  }

  /** Server and connection logs go to DATA_DIR/serve.log, never to the terminal. */
  private static void logToFile(Path dataDir) throws IOException {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    FileHandler file = new FileHandler(dataDir.resolve("serve.log").toString(), true);
    file.setFormatter(new SimpleFormatter());
    root.addHandler(file);
    root.setLevel(Level.INFO);
    Logger.getLogger("org.apache.sshd").setLevel(Level.WARNING);
  }
}
