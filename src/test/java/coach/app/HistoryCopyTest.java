package coach.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Outcome;
import coach.session.Rating;
import coach.store.HistoryStore;
import coach.store.SqliteHistoryStore;
import coach.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a history in goes a batch at a time, each batch one transaction: a copy cut off half-way
 * goes on after the last batch it finished, and copying again doubles nothing.
 */
class HistoryCopyTest {
  @TempDir Path dir;

  private static void fill(HistoryStore store, int sessions) throws StoreException {
    Instant t = Instant.parse("2026-11-01T09:00:00Z");
    List<HistoryStore.Copied> batch = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      String id = String.format("s%05d", i);
      List<HistoryStore.RatingRow> r = new ArrayList<>();
      for (int k = 1; k <= 3; k++) {
        r.add(new HistoryStore.RatingRow(id, k, t, new Rating(Rating.Kind.SET, "x", 0, null, k,
            0, "", k, null)));
      }
      batch.add(new HistoryStore.Copied(new HistoryStore.SessionRow(id, "p" + i % 7, "r", "h",
          t.plusSeconds(i), t.plusSeconds(i + 60), Outcome.COMPLETED, 0, 1, 0, false,
          Map.of()), r, List.of()));
    }
    store.copy(batch);
  }

  private static PrintStream ctx(ByteArrayOutputStream err) {
    return new PrintStream(err, true, StandardCharsets.UTF_8);
  }

  /** The target, failing its {@code n}th batch. */
  private static HistoryStore failingAt(HistoryStore target, int n) {
    AtomicInteger batches = new AtomicInteger();
    return (HistoryStore) Proxy.newProxyInstance(HistoryStore.class.getClassLoader(),
        new Class<?>[] {HistoryStore.class}, (proxy, m, args) -> {
          if (m.getName().equals("copy") && args.length == 3
              && batches.incrementAndGet() == n) {
            throw new StoreException("the database went away");
          }
          try {
            return m.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void aCopyCutOffGoesOnAfterItsLastBatchAndCopyingAgainDoublesNothing() throws Exception {
    int n = 2 * HistoryCopy.BATCH + 37;
    try (SqliteHistoryStore source = SqliteHistoryStore.open(dir.resolve("a.db"));
        SqliteHistoryStore target = SqliteHistoryStore.open(dir.resolve("b.db"))) {
      fill(source, n);
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertThrows(StoreException.class, () -> HistoryCopy.copy(source,
          failingAt(target, 2), "copy from a", ctx(err)));
      assertEquals(HistoryCopy.BATCH, target.counts().sessions(), "the first batch is in");
      HistoryCopy.Copied rest = HistoryCopy.copy(source, target, "copy from a",
          ctx(err));
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("going on after the "
          + HistoryCopy.BATCH + " session(s) an earlier run copied"), err.toString());
      assertEquals(n - HistoryCopy.BATCH, rest.sessions());
      assertEquals(List.of(), rest.missing());
      assertEquals(new HistoryStore.Counts(n, 3L * n, 0), target.counts());
      // done: the next run copies from the first session again, adding nothing
      HistoryCopy.Copied again = HistoryCopy.copy(source, target, "copy from a",
          ctx(err));
      assertEquals(n, again.sessions());
      assertEquals(new HistoryStore.Counts(n, 3L * n, 0), target.counts());
      assertEquals(source.patients(), target.patients());
    }
  }

  @Test
  void aSessionTheTargetHoldsOtherwiseIsReportedAndNewOnesAreTakenAsWritten() throws Exception {
    try (SqliteHistoryStore source = SqliteHistoryStore.open(dir.resolve("a.db"));
        SqliteHistoryStore target = SqliteHistoryStore.open(dir.resolve("b.db"))) {
      fill(source, HistoryCopy.BATCH + 5);
      // the target already holds session s00003 with a rating the source does not have
      Instant t = Instant.parse("2026-11-01T09:00:00Z");
      HistoryStore.SessionRow s3 = source.sessionsAfter("s00002", 1).get(0);
      target.copy(List.of(new HistoryStore.Copied(s3, List.of(new HistoryStore.RatingRow(
          "s00003", 9, t, new Rating(Rating.Kind.SET, "x", 0, null, 9, 0, "", 9, null))),
          List.of())));
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      HistoryCopy.Copied done = HistoryCopy.copy(source, target, "copy from a", ctx(err));
      assertEquals(List.of("s00003"), done.missing(), "counted, and found to differ");
      // the second batch was all new: taken as written, and it is
      assertEquals(3, target.ratings("s00004").size());
      assertEquals(3, target.ratings(source.sessionsAfter("s00" + (HistoryCopy.BATCH + 2), 1)
          .get(0).id()).size());
    }
  }
}
