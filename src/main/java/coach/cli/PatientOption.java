package coach.cli;

import coach.kiosk.Patients;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * {@code --patient ID}, shared by every command that works for one patient (run, history, report,
 * export): its definition, its default (the user name) and its check, which is the kiosk's rule
 * for patient codes ({@link Patients#validId}). An id that breaks the rule never reaches the
 * history, an export or the screen.
 */
final class PatientOption {
  static final String NAME = "patient";

  private PatientOption() {}

  /**
   * The option for a command that works for every patient unless given one: no default is
   * named, since there the default is every patient.
   */
  static Option onlyOption(String whose) {
    return Option.builder().longOpt(NAME).hasArg().argName("ID")
        .desc(whose + "; a patient id is " + Patients.ID_RULE).get();
  }

  /** The option, described as whose sessions it selects. */
  static Option option(String whose) {
    return Option.builder().longOpt(NAME).hasArg().argName("ID")
        .desc(whose + " (default: your user name); a patient id is " + Patients.ID_RULE).get();
  }

  /**
   * The patient a command works for: --patient, else the user name. Null, after one line on
   * stderr that starts with {@code command}, when that is not a valid patient id.
   */
  static String resolve(CommandLine cl, CliContext ctx, String command) {
    if (!givenIsValid(cl, ctx, command)) {
      return null;
    }
    if (cl.hasOption(NAME)) {
      return cl.getOptionValue(NAME);
    }
    String user = userName(ctx);
    if (!Patients.validId(user)) {
      ctx.err().println(command + ": your user name " + Quote.of(user) + " is not a patient id ("
          + Patients.ID_RULE + "); give one with --patient ID");
      return null;
    }
    return user;
  }

  /**
   * False, after one line on stderr that starts with {@code command}, when --patient was given
   * and is not a valid patient id; true when it is valid or was not given.
   */
  static boolean givenIsValid(CommandLine cl, CliContext ctx, String command) {
    if (!cl.hasOption(NAME) || Patients.validId(cl.getOptionValue(NAME))) {
      return true;
    }
    ctx.err().println(command + ": --patient " + Quote.of(cl.getOptionValue(NAME))
        + ": a patient id is " + Patients.ID_RULE);
    return false;
  }

  /** The user name, the patient when --patient is not given. */
  static String userName(CliContext ctx) {
    String user = ctx.env("USER");
    return user != null && !user.isEmpty() ? user : System.getProperty("user.name", "");
  }
}
