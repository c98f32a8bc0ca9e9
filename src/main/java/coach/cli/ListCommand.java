package coach.cli;

import coach.routine.RoutineCatalog;
import java.io.IOException;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** {@code coach list}: the bundled routines and those in the user's routines folder. */
public final class ListCommand implements Command {
  @Override
  public String name() {
    return "list";
  }

  @Override
  public String summary() {
    return "show the bundled routines and those in your routines folder";
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    Options o = new Options();
    o.addOption(Option.builder().longOpt("data-dir").hasArg().argName("DIR").get());
    o.addOption(Option.builder("h").longOpt("help").get());
    CommandLine cl;
    try {
      cl = new DefaultParser().parse(o, args.toArray(new String[0]));
    } catch (ParseException e) {
      ctx.err().println("coach list: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (cl.hasOption("help") || !cl.getArgList().isEmpty()) {
      (cl.hasOption("help") ? ctx.out() : ctx.err()).println(
          "usage: coach list [--data-dir DIR]\n  Lists bundled routines and the *.yaml, *.yml"
              + " and *.json files in DIR/routines.");
      return cl.hasOption("help") ? ExitCodes.OK : ExitCodes.USAGE;
    }
    var folder = DataDir.resolve(cl.getOptionValue("data-dir"), ctx.env()).resolve("routines");
    try {
      for (RoutineCatalog.Entry e : new RoutineCatalog(folder, ctx.workDir()).list()) {
        String status = e.result().ok()
            ? e.result().routine().title() + " (" + e.result().routine().exercises().size()
                + " exercises)"
            : "INVALID: " + e.result().problems().size() + " problem(s); run coach validate "
                + e.source();
        ctx.out().printf("%-16s %-50s %s%n", e.name(), status, e.source());
      }
      ctx.out().println("Your routines folder: " + folder);
      return ExitCodes.OK;
    } catch (IOException e) {
      ctx.err().println("coach list: cannot read " + folder + ": " + e.getMessage());
      return ExitCodes.INVALID;
    }
  }
}
