package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.session.Outcome;
import coach.session.Rating;
import coach.store.HistoryStore;
import coach.store.RecordKind;
import coach.store.SqliteBackup;
import coach.store.SqliteHistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A history written by an older version opens in this one: each released schema's file in
 * src/test/resources/histories (as that version wrote it) is brought to today's schema and
 * every session, rating and event reads back as it was written.
 */
class OldHistoriesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/histories");

  @TempDir Path tmp;

  private Path copied(int version) throws Exception {
    Path data = tmp.resolve("v" + version);
    Files.createDirectories(data);
    Files.copy(FIXTURES.resolve("schema-" + version + ".db"), data.resolve("history.db"));
    return data;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void everySessionOfAnOlderHistoryReadsBack(int version) throws Exception {
    Path data = copied(version);
    InProcess before = InProcess.run(Map.of("HOME", tmp.toString()), tmp, "check",
        "--data-dir", data.toString());
    assertEquals(0, before.code(), before.out());
    assertTrue(before.out().contains("schema " + version + " ("), before.out());

    try (SqliteHistoryStore store = SqliteHistoryStore.open(data.resolve("history.db"))) {
      assertEquals(List.of("ann", "bob"), store.patients());
      List<HistoryStore.SessionRow> ann = store.sessions("ann", null, null);
      assertEquals(List.of("s-ann-1", "s-ann-2"), ann.stream().map(s -> s.id()).toList());
      assertEquals(Outcome.COMPLETED, ann.get(0).outcome());
      assertEquals(Map.of("cat-camel", 0, "nerve-glide", 2), ann.get(0).levels());
      assertNull(ann.get(1).outcome(), "interrupted: offered for resuming");
      assertEquals(1, ann.get(1).resumeExercise());
      assertEquals(2, ann.get(1).resumeSet());
      HistoryStore.SessionRow bob = store.sessions("bob", null, null).get(0);
      assertEquals(Outcome.STOPPED_FOR_PAIN, bob.outcome());

      List<HistoryStore.RatingRow> r = store.ratings("s-ann-1");
      assertEquals(List.of(3, 2, 5), r.stream().map(x -> x.rating().value()).toList());
      assertEquals(new Rating(Rating.Kind.SET, "nerve-glide", 1, "slider", 1, 0, "left leg", 5,
          "thigh"), r.get(2).rating());
      assertEquals(1, store.ratings("s-ann-2").size());
      assertEquals(List.of(4, 7), store.ratings("s-bob-1").stream()
          .map(x -> x.rating().value()).toList());

      List<HistoryStore.EventRow> switched = store.events("s-ann-1");
      assertEquals(1, switched.size());
      assertEquals(RecordKind.SWITCH, switched.get(0).kind());
      assertEquals(1, switched.get(0).seq());
      List<HistoryStore.EventRow> bobs = store.events("s-bob-1");
      assertEquals(List.of(RecordKind.NEXT_MORNING, RecordKind.CONTACT),
          bobs.stream().map(HistoryStore.EventRow::kind).toList());
      assertEquals(List.of(1, 2), bobs.stream().map(HistoryStore.EventRow::seq).toList());
      assertEquals(new HistoryStore.Counts(3, 6, 3), store.counts());
      // the clinic's reads: each patient listed once with their last session, whatever the
      // schema the history was written with
      Map<String, java.time.Instant> last = new java.util.TreeMap<>();
      store.changes(0).patients().forEach(p -> last.put(p.patient(), p.lastStarted()));
      assertEquals(Map.of("ann", java.time.Instant.parse("2026-03-02T09:00:00Z"),
          "bob", java.time.Instant.parse("2026-03-02T10:00:00Z")), last);
      long mark = store.changes(0).next();
      assertEquals(List.of(), store.changes(mark).patients());
      if (version >= 5) {
        assertEquals(Map.of("", 3L, "bob", 10L), store.looks("dr k"));
        assertEquals(10, store.place("alert-scan").orElseThrow().mark());
        assertEquals(List.of("ann"), store.attendanceDue(java.time.Instant.parse(
            "2026-03-05T00:00:00Z")));
      }
      if (version >= 4) {
        assertEquals("dr k", store.alerts("bob", false, null).get(0).by());
      }
    }
    SqliteBackup.Contents now = SqliteBackup.contents(data.resolve("history.db"));
    assertTrue(now.schema() >= version);

    // and through the command line, as a person would read it
    InProcess report = InProcess.run(Map.of("HOME", tmp.toString()), tmp, "report",
        "--patient", "bob", "--data-dir", data.toString());
    assertEquals(0, report.code(), report.err());
    assertTrue(report.out().contains("Sessions: 1 from 2026-03-02"), report.out());
    InProcess export = InProcess.run(Map.of("HOME", tmp.toString()), tmp, "export",
        "--all-patients", "--format", "csv", "--data-dir", data.toString());
    assertEquals(6, export.out().lines().filter(l -> l.contains(",RATING,")).count());
  }

  @Test
  void thereIsAFixtureForEveryReleasedSchema() throws Exception {
    Path data = copied(1);
    SqliteHistoryStore.open(data.resolve("history.db")).close();
    int current = SqliteBackup.contents(data.resolve("history.db")).schema();
    for (int v = 1; v <= current; v++) {
      assertTrue(Files.isRegularFile(FIXTURES.resolve("schema-" + v + ".db")),
          "schema " + v + " has no fixture: run OldHistoryFixtures " + v + " once and keep it");
    }
  }
}
