package coach.app;

import coach.routine.Contact;
import coach.routine.LoadResult;
import coach.routine.Problem;
import coach.routine.RoutineLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The clinic-wide contact card: the file named on the command line, else {@code contact.yaml}
 * (or .yml, .json) in the data folder. When there is one it replaces the card of every routine,
 * so patients are pointed to their own clinic rather than to whoever wrote the routine.
 */
public final class ClinicContact {
  public static final List<String> NAMES = List.of("contact.yaml", "contact.yml", "contact.json");

  private ClinicContact() {}

  /**
   * @param card the clinic's card, or null when there is none
   * @param problems why a card that exists could not be used (each with its position)
   */
  public record Found(Contact card, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public static Found find(Path given, Path dataDir) {
    Path file = given;
    if (file == null) {
      for (String n : NAMES) {
        if (Files.exists(dataDir.resolve(n))) {
          file = dataDir.resolve(n);
          break;
        }
      }
    }
    if (file == null) {
      return new Found(null, List.of());
    }
    RoutineLoader.ContactResult r = new RoutineLoader().loadContact(file);
    return new Found(r.contact(), r.problems());
  }

  /** The routine with the clinic's card in place of its own (unchanged when card is null). */
  public static LoadResult apply(LoadResult loaded, Contact card) {
    if (card == null || !loaded.ok()) {
      return loaded;
    }
    return new LoadResult(loaded.source(), loaded.routine().withContact(card),
        loaded.problems(), loaded.sha256());
  }
}
