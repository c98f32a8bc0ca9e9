package coach.store;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A patient's session cannot start because another one of theirs is running now. */
public final class AlreadyRunning extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient HistoryStore.Live live;

  public AlreadyRunning(String patient, HistoryStore.Live live) {
    super("a session for patient " + patient + " is already running on " + live.host()
        + " (process " + live.pid() + ") since " + DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.systemDefault()).format(live.started())
        + "; finish or quit it there first");
    this.live = live;
  }

  public HistoryStore.Live live() {
    return live;
  }
}
