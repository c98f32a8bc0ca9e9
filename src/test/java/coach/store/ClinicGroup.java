package coach.store;

import coach.app.AlertScan;
import coach.routine.LoadResult;
import coach.routine.Routine;
import coach.routine.RoutineLoader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A clinic group's history for scripts/bench: PATIENTS patients of the sciatica routine, each with
 * DAYS days of daily sessions up to yesterday (about 30 ratings and a few events each), written
 * day by day as a clinic would have written them (sessions of all patients each day, random ids),
 * then scanned once for alerts as a coach would have.
 *
 * <pre>
 *   ClinicGroup sqlite FILE PATIENTS DAYS     a SQLite history (the file must not exist)
 *   ClinicGroup postgres URL PATIENTS DAYS    the same into a new database (URL's) on a server
 *   ClinicGroup createdb URL                  a new, empty database on a server
 *   ClinicGroup land FILE|URL N               a session of today for N patients (a change)
 * </pre>
 * Most patients come every day with pain of 1 to 4; some have pain that varies with a change of
 * level now and then; one in ten stopped coming some weeks ago; one in twenty had days of high
 * pain. Deterministic: the same arguments give the same history. Prints what it wrote and how
 * long the first alert scan took.
 */
public final class ClinicGroup {
  private static final String[] EXERCISES = {"cat-camel", "nerve-glide", "straight-leg-raise",
      "hip-cars"};
  private static final int[] SETS = {7, 8, 8, 6};
  private static final String[] REGIONS = {"back", "buttock", "thigh", "below the knee", "foot"};

  private ClinicGroup() {}

  /** Where the rows go. */
  private interface Out extends AutoCloseable {
    void session(String id, String patient, Instant at, Instant end, String outcome)
        throws Exception;

    void level(String session, String exercise, int level) throws Exception;

    void rating(String session, int seq, Instant at, String kind, String exercise, int level,
        int set, int value, String region) throws Exception;

    void event(String session, int seq, Instant at, String kind, String exercise, int from,
        int to, String detail) throws Exception;

    void patient(String patient, Instant last, long changed) throws Exception;

    /** The end of a day's rows: written in one go. */
    void flush() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("land")) {
      land(args[1], Integer.parseInt(args[2]));
      return;
    }
    if (args[0].equals("createdb")) {
      createDatabase(args[1]);
      return;
    }
    int patients = Integer.parseInt(args[2]);
    int days = Integer.parseInt(args[3]);
    Instant now = Instant.now();
    long t0 = System.nanoTime();
    long[] counts;
    if (args[0].equals("sqlite")) {
      Path file = Path.of(args[1]);
      if (Files.exists(file)) {
        throw new IllegalStateException(file + " exists");
      }
      SqliteHistoryStore.open(file).close(); // the schema
      try (Out out = new SqliteOut(file)) {
        counts = generate(out, patients, days, now);
      }
    } else {
      createDatabase(args[1]);
      PostgresUrl url = PostgresUrl.parse(args[1], Map.of());
      PostgresHistoryStore.open(url, Map.of(), Files.createTempDirectory("spool")).close();
      try (Out out = new PostgresOut(url)) {
        counts = generate(out, patients, days, now);
      }
    }
    long written = System.nanoTime();
    try (HistoryStore store = open(args[1])) {
      new AlertScan(store, ClinicGroup::routine, ZoneId.systemDefault()).changed(now);
    }
    long scanned = System.nanoTime();
    System.out.printf("patients=%d sessions=%d ratings=%d events=%d write_s=%.1f"
        + " first_scan_s=%.1f%n", patients, counts[0], counts[1], counts[2],
        (written - t0) / 1e9, (scanned - written) / 1e9);
  }

  /** Creates the URL's database on its server (it must not hold a history yet). */
  static void createDatabase(String url) throws Exception {
    int slash = url.lastIndexOf('/');
    String name = url.substring(slash + 1);
    PostgresUrl server = PostgresUrl.parse(url.substring(0, slash) + "/postgres", Map.of());
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(),
        server.properties(Map.of())); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
  }

  static HistoryStore open(String where) throws Exception {
    return where.startsWith("postgresql:") ? PostgresHistoryStore.open(PostgresUrl.parse(where,
        Map.of()), Map.of(), Files.createTempDirectory("spool"))
        : SqliteHistoryStore.open(Path.of(where));
  }

  private static final Routine SCIATICA = load();

  private static Routine load() {
    LoadResult r = new RoutineLoader().load(Path.of("routines/sciatica.yaml"));
    return r.routine();
  }

  static Optional<Routine> routine(String id) {
    return id.equals("sciatica") ? Optional.of(SCIATICA) : Optional.empty();
  }

  static String patientId(int i) {
    return String.format("P-%05d", i + 1);
  }

  private static long[] generate(Out out, int patients, int days, Instant now) throws Exception {
    long[] n = new long[3];
    Instant today = now.truncatedTo(ChronoUnit.DAYS);
    Random[] rngs = new Random[patients];
    int[] kind = new int[patients];
    int[] hour = new int[patients];
    int[] stopAfter = new int[patients];
    Instant[] last = new Instant[patients];
    for (int p = 0; p < patients; p++) {
      rngs[p] = new Random(p * 7919L + 17);
      int k = rngs[p].nextInt(20);
      kind[p] = k < 14 ? 0 : k < 17 ? 1 : k < 19 ? 2 : 3; // steady, varying, stopped, high
      hour[p] = 7 + rngs[p].nextInt(12);
      stopAfter[p] = kind[p] == 2 ? days - 7 - rngs[p].nextInt(30) : days;
    }
    for (int d = 0; d < days; d++) {
      Instant day = today.minus(Duration.ofDays(days - d));
      for (int p = 0; p < patients; p++) {
        Random r = rngs[p];
        if (d >= stopAfter[p] || r.nextInt(10) == 0) {
          continue; // stopped coming, or a day off
        }
        Instant at = day.plus(Duration.ofHours(hour[p])).plusSeconds(r.nextInt(3600));
        session(out, patientId(p), new UUID(r.nextLong(), r.nextLong()).toString(), at,
            kind[p], r, n);
        last[p] = at;
      }
      out.flush();
    }
    for (int p = 0; p < patients; p++) {
      if (last[p] != null) {
        out.patient(patientId(p), last[p], 1);
      }
    }
    out.flush();
    return n;
  }

  private static void session(Out out, String patient, String id, Instant at, int kind,
      Random r, long[] n) throws Exception {
    int base = kind == 3 && r.nextInt(4) == 0 ? 6 + r.nextInt(3) : kind == 1 ? 2 + r.nextInt(4)
        : 1 + r.nextInt(3);
    int region = Math.min(4, kind == 0 ? r.nextInt(2) : r.nextInt(4));
    Instant t = at.plusSeconds(30);
    int seq = 1;
    int eseq = 1;
    out.event(id, eseq++, t, "NEXT_MORNING", null, -1, -1, r.nextInt(8) == 0 ? "worse"
        : r.nextBoolean() ? "same" : "better");
    out.rating(id, seq++, t, "BASELINE", null, -1, 0, base, REGIONS[region]);
    for (int e = 0; e < EXERCISES.length; e++) {
      int level = e == 1 ? 1 : 0;
      for (int s = 0; s < SETS[e]; s++) {
        t = t.plusSeconds(40);
        int v = Math.max(0, Math.min(10, base + r.nextInt(3) - 1));
        out.rating(id, seq++, t, "SET", EXERCISES[e], level, 1 + s % 3, v, REGIONS[region]);
        if (kind == 1 && s == 2 && r.nextInt(6) == 0 && level < 3) {
          out.event(id, eseq++, t.plusSeconds(5), "SWITCH", EXERCISES[e], level, level + 1,
              "easier pain=" + base + ">" + (base + 2) + " number level=" + level + ">"
                  + (level + 1));
          level++;
        }
      }
      out.level(id, EXERCISES[e], level);
    }
    String outcome = r.nextInt(25) == 0 ? "QUIT" : "COMPLETED";
    out.session(id, patient, at, t.plusSeconds(60), outcome);
    n[0]++;
    n[1] += seq - 1;
    n[2] += eseq - 1;
  }

  /** Rows into a SQLite file, a day's rows in one transaction, without waiting for the disk. */
  private static final class SqliteOut implements Out {
    final Connection c;
    final PreparedStatement sessions;
    final PreparedStatement levels;
    final PreparedStatement ratings;
    final PreparedStatement events;
    final PreparedStatement patients;

    SqliteOut(Path file) throws Exception {
      c = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA synchronous = OFF");
        s.execute("PRAGMA cache_size = -1000000");
      }
      c.setAutoCommit(false);
      sessions = c.prepareStatement("INSERT INTO sessions(id, patient, routine_id,"
          + " routine_hash, started_at, ended_at, outcome, settled) VALUES (?,?,'sciatica','h',"
          + "?,?,?,1)");
      levels = c.prepareStatement("INSERT INTO levels VALUES (?,?,?)");
      ratings = c.prepareStatement("INSERT INTO ratings(session_id, seq, at, kind,"
          + " exercise_id, level, level_id, set_no, round_no, round_label, value, region)"
          + " VALUES (?,?,?,?,?,?,NULL,?,?,'',?,?)");
      events = c.prepareStatement("INSERT INTO events(session_id, seq, at, kind, exercise_id,"
          + " from_level, to_level, detail) VALUES (?,?,?,?,?,?,?,?)");
      patients = c.prepareStatement("INSERT INTO patients(patient, last_started, changed)"
          + " VALUES (?,?,?)");
    }

    @Override
    public void session(String id, String patient, Instant at, Instant end, String outcome)
        throws Exception {
      sessions.setString(1, id);
      sessions.setString(2, patient);
      sessions.setString(3, at.toString());
      sessions.setString(4, end.toString());
      sessions.setString(5, outcome);
      sessions.addBatch();
    }

    @Override
    public void level(String session, String exercise, int level) throws Exception {
      levels.setString(1, session);
      levels.setString(2, exercise);
      levels.setInt(3, level);
      levels.addBatch();
    }

    @Override
    public void rating(String session, int seq, Instant at, String kind, String exercise,
        int level, int set, int value, String region) throws Exception {
      ratings.setString(1, session);
      ratings.setInt(2, seq);
      ratings.setString(3, at.toString());
      ratings.setString(4, kind);
      ratings.setString(5, exercise);
      ratings.setInt(6, level);
      ratings.setInt(7, set);
      ratings.setInt(8, exercise == null ? -1 : 0);
      ratings.setInt(9, value);
      ratings.setString(10, region);
      ratings.addBatch();
    }

    @Override
    public void event(String session, int seq, Instant at, String kind, String exercise,
        int from, int to, String detail) throws Exception {
      events.setString(1, session);
      events.setInt(2, seq);
      events.setString(3, at.toString());
      events.setString(4, kind);
      events.setString(5, exercise);
      events.setInt(6, from);
      events.setInt(7, to);
      events.setString(8, detail);
      events.addBatch();
    }

    @Override
    public void patient(String patient, Instant last, long changed) throws Exception {
      patients.setString(1, patient);
      patients.setString(2, last.toString());
      patients.setLong(3, changed);
      patients.addBatch();
    }

    @Override
    public void flush() throws Exception {
      for (PreparedStatement p : List.of(sessions, levels, ratings, events, patients)) {
        p.executeBatch();
      }
      c.commit();
    }

    @Override
    public void close() throws Exception {
      c.close();
    }
  }

  /** Rows into PostgreSQL, a day's rows at a time through COPY. */
  private static final class PostgresOut implements Out {
    final Connection c;
    final CopyManager copy;
    final StringBuilder sessions = new StringBuilder();
    final StringBuilder levels = new StringBuilder();
    final StringBuilder ratings = new StringBuilder();
    final StringBuilder events = new StringBuilder();
    final StringBuilder patients = new StringBuilder();

    PostgresOut(PostgresUrl url) throws Exception {
      c = DriverManager.getConnection(url.jdbcUrl(), url.properties(Map.of()));
      copy = new CopyManager(c.unwrap(BaseConnection.class));
    }

    private static String cell(Object o) {
      return o == null ? "\\N" : o.toString();
    }

    private static void row(StringBuilder b, Object... cells) {
      for (int i = 0; i < cells.length; i++) {
        b.append(i == 0 ? "" : "\t").append(cell(cells[i]));
      }
      b.append('\n');
    }

    @Override
    public void session(String id, String patient, Instant at, Instant end, String outcome) {
      row(sessions, id, patient, "sciatica", "h", at, end, outcome, 1);
    }

    @Override
    public void level(String session, String exercise, int level) {
      row(levels, session, exercise, level);
    }

    @Override
    public void rating(String session, int seq, Instant at, String kind, String exercise,
        int level, int set, int value, String region) {
      row(ratings, session, seq, at, kind, exercise, level, null, set, exercise == null ? -1
          : 0, "", value, region);
    }

    @Override
    public void event(String session, int seq, Instant at, String kind, String exercise,
        int from, int to, String detail) {
      row(events, session, seq, at, kind, exercise, from, to, detail);
    }

    @Override
    public void patient(String patient, Instant last, long changed) {
      row(patients, patient, last, changed);
    }

    @Override
    public void flush() throws Exception {
      put("sessions(id, patient, routine_id, routine_hash, started_at, ended_at, outcome,"
          + " settled)", sessions);
      put("levels(session_id, exercise_id, level)", levels);
      put("ratings(session_id, seq, at, kind, exercise_id, level, level_id, set_no,"
          + " round_no, round_label, value, region)", ratings);
      put("events(session_id, seq, at, kind, exercise_id, from_level, to_level, detail)",
          events);
      put("patients(patient, last_started, changed)", patients);
    }

    private void put(String table, StringBuilder rows) throws Exception {
      if (rows.length() > 0) {
        copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        rows.setLength(0);
      }
    }

    @Override
    public void close() throws Exception {
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
      c.close();
    }
  }

  /** A session of today for N patients, through the coach's own store: the change to look at. */
  private static void land(String where, int n) throws Exception {
    try (HistoryStore store = open(where)) {
      Instant now = Instant.now();
      List<HistoryStore.Copied> batch = new ArrayList<>();
      Random r = new Random(now.toEpochMilli());
      List<String> all = store.patients();
      for (int i = 0; i < n && i < all.size(); i++) {
        String p = all.get(r.nextInt(all.size()));
        String id = UUID.randomUUID().toString();
        List<HistoryStore.RatingRow> ratings = new ArrayList<>();
        for (int k = 1; k <= 30; k++) {
          ratings.add(new HistoryStore.RatingRow(id, k, now, new coach.session.Rating(k == 1
              ? coach.session.Rating.Kind.BASELINE : coach.session.Rating.Kind.SET, k == 1
              ? null : "cat-camel", k == 1 ? -1 : 0, null, k == 1 ? 0 : 1, k == 1 ? -1 : 0, "",
              2 + r.nextInt(3), "back")));
        }
        batch.add(new HistoryStore.Copied(new HistoryStore.SessionRow(id, p, "sciatica", "h",
            now.minusSeconds(1200), now, coach.session.Outcome.COMPLETED, 0, 1, 0, true,
            Map.of("cat-camel", 0)), ratings, List.of()));
      }
      store.copy(batch);
    }
  }
}
