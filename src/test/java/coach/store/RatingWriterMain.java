package coach.store;

import coach.session.Effect;
import coach.session.Rating;
import java.nio.file.Path;
import java.util.Map;

/** A child process for the crash test: records ratings and prints each one once it is saved. */
public final class RatingWriterMain {
  private RatingWriterMain() {}

  public static void main(String[] args) throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(Path.of(args[0]))) {
      SessionRecorder rec = store.begin("crash", "sciatica", "hash", Map.of("a", 0));
      System.out.println("session " + rec.sessionId());
      System.out.flush();
      for (int i = 1; i <= 100_000; i++) {
        rec.apply(new Effect.RecordRating(
            new Rating(Rating.Kind.SET, "a", 0, "a0", i, 0, "left", i % 11, null)));
        System.out.println("saved " + i);
        System.out.flush();
      }
    }
  }
}
