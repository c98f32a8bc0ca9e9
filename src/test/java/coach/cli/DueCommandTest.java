package coach.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.session.Effect;
import coach.session.Outcome;
import coach.session.Rating;
import coach.store.SessionRecorder;
import coach.store.SqliteHistoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coach due}: one line and an exit status, on the day a clock says. */
class DueCommandTest {
  @TempDir Path data;

  private Map<String, String> env() {
    return Map.of("USER", "pat", "HOME", data.resolve("home").toString(), "LANG", "C.UTF-8");
  }

  /** Runs {@code coach due ARGS} for patient pat with the data folder, on this clock. */
  private InProcess due(Clock clock, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "due";
    all[1] = "--data-dir";
    all[2] = data.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return InProcess.runAt(clock, env(), Path.of("").toAbsolutePath(), all);
  }

  /** A clock stopped at this instant plus some days, in the system's time zone. */
  private static Clock daysAfter(Instant at, int days) {
    return Clock.fixed(at.plus(Duration.ofDays(days)), java.time.ZoneId.systemDefault());
  }

  /** A session of the sciatica routine, recorded now: a baseline, one set rated, finished. */
  private void sessionNow(String patient, Outcome outcome, boolean exercised) throws Exception {
    try (SqliteHistoryStore store = SqliteHistoryStore.open(SqliteHistoryStore.fileIn(data))) {
      SessionRecorder rec = store.begin(patient, "sciatica", "hash", Map.of());
      rec.apply(new Effect.RecordRating(new Rating(Rating.Kind.BASELINE, null, -1, null, 0, -1,
          "", 3, null)));
      if (exercised) {
        rec.apply(new Effect.RecordRating(new Rating(Rating.Kind.SET, "cat-camel", 0,
            "hands-knees", 1, 0, "lower back", 2, null)));
      }
      rec.apply(new Effect.SessionEnded(outcome));
    }
  }

  @Test
  void anEmptyHistoryIsDueToday() {
    InProcess r = due(Clock.systemUTC());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("Sciatica relief routine due today, no session done yet\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void rightAfterASessionNothingIsDueUntilTomorrow() throws Exception {
    sessionNow("pat", Outcome.COMPLETED, true);
    InProcess r = due(daysAfter(Instant.now(), 0));
    assertEquals(ExitCodes.NOT_DUE, r.code(), r.out() + r.err());
    assertEquals("Sciatica relief routine done today, next due tomorrow\n", r.out());
    // another patient's session does not count for pat, nor pat's for another
    assertEquals(ExitCodes.OK, due(Clock.systemDefaultZone(), "--patient", "P-2").code());
  }

  @Test
  void twoDaysLaterItIsDueAndSaysWhenItWasLastDone() throws Exception {
    sessionNow("pat", Outcome.COMPLETED, true);
    Instant done = Instant.now();
    InProcess later = due(daysAfter(done, 2));
    assertEquals(ExitCodes.OK, later.code(), later.err());
    assertEquals("Sciatica relief routine due today, last done 2 days ago\n", later.out());
    InProcess next = due(daysAfter(done, 1));
    assertEquals("Sciatica relief routine due today, last done yesterday\n", next.out());
    InProcess es = due(daysAfter(done, 2), "--lang", "es");
    assertEquals("Sciatica relief routine: toca hoy, la última vez fue hace 2 días\n",
        es.out());
  }

  @Test
  void aSessionQuitAtTheWelcomeDoesNotCountButOneWithAnExerciseRatedDoes() throws Exception {
    sessionNow("pat", Outcome.QUIT, false);
    assertEquals(ExitCodes.OK, due(Clock.systemDefaultZone()).code());
    sessionNow("pat", Outcome.QUIT, true);
    assertEquals(ExitCodes.NOT_DUE, due(Clock.systemDefaultZone()).code());
  }

  @Test
  void usageErrorsStayTwo() {
    assertEquals(ExitCodes.USAGE, due(Clock.systemUTC(), "a", "b").code());
    assertEquals(ExitCodes.USAGE, due(Clock.systemUTC(), "--patient", "../x").code());
    assertEquals(ExitCodes.USAGE, due(Clock.systemUTC(), "--lang", "xx").code());
    assertEquals(ExitCodes.USAGE, due(Clock.systemUTC(), "--bogus").code());
  }

  @Test
  void anUnknownRoutineIsOneLineAndNotDue() {
    InProcess r = due(Clock.systemUTC(), "no-such-routine");
    assertEquals(ExitCodes.INVALID, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals("", r.out());
  }
}
