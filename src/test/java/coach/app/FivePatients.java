package coach.app;

import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import coach.session.Outcome;
import coach.session.Rating;
import coach.session.Reason;
import coach.session.Rise;
import coach.store.HistoryStore;
import coach.store.RecordKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Five patients of the sciatica routine as a clinician meets them on a Thursday evening
 * ({@link #NOW}), each with two weeks of daily sessions before today's:
 * <ul>
 *   <li>{@code P-1001} steady: pain 2-3 before, 3 at most, in the back; done yesterday;
 *   <li>{@code P-1002} came in at 8 today and rated 8 fourteen times in the gentle session
 *       (pain before 5, 6, 7, 8 over the last days);
 *   <li>{@code P-1003} symptoms from the thigh to the foot in the nerve glide today: stopped;
 *   <li>{@code P-1004} pain 8 in Cat/Camel today, stopped, then went on to the nerve glide;
 *   <li>{@code P-1005} came every day until last Saturday, nothing since.
 * </ul>
 * Every session is written as another history would hand it over (with its times), so the
 * history is the same on every back end and every run.
 */
public final class FivePatients {
  /** A Thursday, 18:00 UTC. */
  public static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");
  public static final ZoneId ZONE = ZoneOffset.UTC;
  public static final Routine SCIATICA = load();

  private FivePatients() {}

  private static Routine load() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    if (!r.ok()) {
      throw new IllegalStateException(r.problems().toString());
    }
    return r.routine();
  }

  public static Optional<Routine> routines(String id) {
    return id.equals(SCIATICA.id()) ? Optional.of(SCIATICA) : Optional.empty();
  }

  /** The sessions before today's (up to yesterday evening). */
  public static void before(HistoryStore store) throws Exception {
    for (int day = 14; day >= 1; day--) {
      Instant at = NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(8)); // 10:00
      // steady: 2 or 3 before, 3 at most, in the back
      plain(store, "P-1001", at, 2 + day % 2, List.of(2, 3, 2, 3), "back");
      // pain before climbing over the last days, ending higher each time
      int before = day <= 3 ? 8 - day : 4;
      plain(store, "P-1002", at.plusSeconds(600), before, List.of(before, before,
          day <= 3 ? 8 - day : 4), "buttock");
      plain(store, "P-1003", at.plusSeconds(1200), 3, List.of(3, 3, 3), "thigh");
      plain(store, "P-1004", at.plusSeconds(1800), 2, List.of(2, 3, 2), "buttock");
      if (day >= 5) { // nothing since Saturday
        plain(store, "P-1005", at.plusSeconds(2400), 3, List.of(3, 3, 3), "buttock");
      }
    }
  }

  /** Today's sessions. */
  public static void today(HistoryStore store) throws Exception {
    Instant t = NOW.minus(Duration.ofHours(7)); // 11:00
    // fourteen ratings of 8 in the gentle session after a start of 8
    List<Rating> eights = new ArrayList<>();
    eights.add(baseline(8, "buttock"));
    for (int i = 0; i < 14; i++) {
      eights.add(set(i < 6 ? "cat-camel" : i < 10 ? "nerve-glide" : "hip-cars", 2, 1 + i % 3, 8,
          "buttock"));
    }
    write(store, "P-1002", "P-1002-today", t, Outcome.COMPLETED, eights, List.of());
    // the nerve glide: symptoms from the thigh to the foot, stopped, and stopped for today
    Rise spread = new Rise(3, 4, false, -1, 3, 5);
    write(store, "P-1003", "P-1003-today", t.plusSeconds(600), Outcome.STOPPED_FOR_PAIN,
        List.of(baseline(3, "thigh"), set("cat-camel", 0, 1, 3, "thigh"),
            set("nerve-glide", 1, 1, 3, "thigh"), set("nerve-glide", 1, 2, 4, "foot")),
        List.of(new Ev(RecordKind.CONTACT, "nerve-glide", new Reason.Stopped(spread, 1).code()),
            new Ev(RecordKind.STOP_TODAY, "nerve-glide",
                new Reason.StopToday(spread, 1, false).code())));
    // 8 in Cat/Camel: stopped at once; the next exercise at its easiest level, rated 3 twice
    Rise above = new Rise(3, 8, true, 5, -1, -1);
    write(store, "P-1004", "P-1004-today", t.plusSeconds(1200), Outcome.COMPLETED,
        List.of(baseline(2, "buttock"), set("cat-camel", 0, 1, 3, "buttock"),
            set("cat-camel", 0, 2, 8, "buttock")),
        List.of(new Ev(RecordKind.CONTACT, "cat-camel", new Reason.Stopped(above, 0).code())),
        List.of(set("nerve-glide", 3, 1, 3, "buttock"), set("nerve-glide", 3, 2, 3,
            "buttock")));
  }

  private record Ev(RecordKind kind, String exercise, String detail) {}

  private static Rating baseline(int value, String region) {
    return new Rating(Rating.Kind.BASELINE, null, -1, null, 0, -1, "", value, region);
  }

  private static Rating set(String exercise, int level, int set, int value, String region) {
    return new Rating(Rating.Kind.SET, exercise, level, exercise + "-" + level, set, 0, "",
        value, region);
  }

  private static void plain(HistoryStore store, String patient, Instant at, int before,
      List<Integer> pains, String region) throws Exception {
    List<Rating> ratings = new ArrayList<>();
    ratings.add(baseline(before, region));
    for (int i = 0; i < pains.size(); i++) {
      ratings.add(set(i < 2 ? "cat-camel" : "hip-cars", 0, 1 + i % 2, pains.get(i), region));
    }
    write(store, patient, patient + "-" + at.toString().substring(0, 10), at,
        Outcome.COMPLETED, ratings, List.of());
  }

  private static void write(HistoryStore store, String patient, String id, Instant at,
      Outcome outcome, List<Rating> ratings, List<Ev> events) throws Exception {
    write(store, patient, id, at, outcome, ratings, events, List.of());
  }

  /** A session: its ratings a minute apart, then its events, then the ratings after them. */
  private static void write(HistoryStore store, String patient, String id, Instant at,
      Outcome outcome, List<Rating> ratings, List<Ev> events, List<Rating> after)
      throws Exception {
    List<HistoryStore.RatingRow> rr = new ArrayList<>();
    Instant t = at;
    for (Rating r : ratings) {
      t = t.plusSeconds(60);
      rr.add(new HistoryStore.RatingRow(id, rr.size() + 1, t, r));
    }
    List<HistoryStore.EventRow> ev = new ArrayList<>();
    for (Ev e : events) {
      t = t.plusSeconds(20);
      ev.add(new HistoryStore.EventRow(id, ev.size() + 1, t, e.kind(), e.exercise(), -1, -1,
          e.detail()));
    }
    for (Rating r : after) {
      t = t.plusSeconds(60);
      rr.add(new HistoryStore.RatingRow(id, rr.size() + 1, t, r));
    }
    store.copy(new HistoryStore.SessionRow(id, patient, SCIATICA.id(), "h", at,
        t.plusSeconds(60), outcome, 0, 1, 0, false, Map.of()), rr, ev);
  }
}
