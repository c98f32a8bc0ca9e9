package coach.app;

import coach.kiosk.Patients;
import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineCatalog;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A routine by the id a history names it with: the ones in use first, then the bundled one or
 * the routines folder's file of that name, then any of those whose id it is (the folder read
 * once, on first need).
 */
public final class RoutinesById implements Function<String, Optional<Routine>> {
  private final RoutineCatalog catalog;
  private final Map<String, Routine> known = new HashMap<>();
  private boolean listed;

  public RoutinesById(RoutineCatalog catalog, List<Routine> inUse) {
    this.catalog = catalog;
    inUse.forEach(r -> known.put(r.id(), r));
  }

  @Override
  public synchronized Optional<Routine> apply(String id) {
    if (!known.containsKey(id) && Patients.validId(id)) {
      // most often a routine's file is named by its id: that one alone is read
      LoadResult named = catalog.find(id);
      if (named.ok() && named.routine().id().equals(id)) {
        known.put(id, named.routine());
      }
    }
    if (!known.containsKey(id) && !listed) {
      listed = true;
      try {
        for (RoutineCatalog.Entry e : catalog.list()) {
          if (e.result().ok()) {
            known.putIfAbsent(e.result().routine().id(), e.result().routine());
          }
        }
      } catch (IOException | RuntimeException e) {
        // names stand in for what cannot be read
      }
    }
    return Optional.ofNullable(known.get(id));
  }
}
