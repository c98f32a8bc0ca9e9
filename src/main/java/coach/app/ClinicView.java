package coach.app;

import coach.routine.Routine;
import coach.session.Rating;
import coach.store.AlertOutbox;
import coach.store.HistoryStore;
import coach.store.StoreException;
import coach.tui.ClinicBoard;
import coach.tui.view.Week;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The clinic board's rows, read from the history so that the cost follows the change, not the
 * clinic: the first read lists every patient from their one row each (when their last session
 * began, the mark of their last change) with the open alerts; every later read asks only for the
 * patients changed since the mark it got to. The details of a row (pain, where the symptoms
 * reached, this week) are read for the rows in view, and again only when the patient changes.
 * Every minute it also looks at the alerts of the patients changed since the last look of any
 * coach, a few at a time, so a patient who stopped coming appears without a session of theirs.
 */
public final class ClinicView implements ClinicBoard.Source {
  /** How the board shows a patient's report. */
  @FunctionalInterface
  public interface Reports {
    List<String> of(HistoryStore store, String patient) throws Exception;
  }

  private static final Duration SCAN_EVERY = Duration.ofMinutes(1);
  /** Patients the alert scan looks at between two reads of the board. */
  private static final int SCAN_STEP = 25;
  /** The look that stands for patients this clinician never opened: their first board. */
  static final String FIRST_LOOK = "";

  private final HistoryStore store;
  private final Function<String, Optional<Routine>> routines;
  private final Reports reports;
  private final String clinician;
  private final ZoneId zone;
  private final java.time.Clock clock;
  private final AlertScan scan;
  private AlertScan.Round round;
  private Instant scanned;
  /** Where the reads got to: the next read asks for changes from here. */
  private long mark;
  private boolean first = true;
  private final Map<String, Patient> patients = new HashMap<>();
  private Map<String, Long> looks = Map.of();
  private final Map<String, ClinicBoard.Detail> details = new HashMap<>();
  private List<ClinicBoard.Row> rows = List.of();

  /** What the board lists of a patient. */
  private record Patient(Instant lastStarted, long changed,
      List<ClinicBoard.AlertLine> alerts) {}

  /**
   * @param clinician who looks and acknowledges, as recorded with each acknowledgement
   */
  public ClinicView(HistoryStore store, Function<String, Optional<Routine>> routines,
      Reports reports, String clinician, ZoneId zone) {
    this(store, routines, reports, clinician, zone, java.time.Clock.systemUTC());
  }

  /** As above, at the time of {@code clock} (a fixed one in tests). */
  public ClinicView(HistoryStore store, Function<String, Optional<Routine>> routines,
      Reports reports, String clinician, ZoneId zone, java.time.Clock clock) {
    this.store = store;
    this.routines = routines;
    this.reports = reports;
    this.clinician = clinician;
    this.zone = zone;
    this.clock = clock;
    this.scan = new AlertScan(store, routines, zone);
  }

  @Override
  public String clinician() {
    return clinician;
  }

  @Override
  public List<ClinicBoard.Row> rows() throws Exception {
    Instant now = clock.instant();
    boolean firstRead = first;
    if (!firstRead) {
      scanSome(now);
    }
    HistoryStore.Changes changes = store.changes(mark);
    mark = changes.next();
    List<String> changed = new ArrayList<>();
    for (HistoryStore.PatientMark p : changes.patients()) {
      changed.add(p.patient());
      details.remove(p.patient());
      patients.put(p.patient(), new Patient(p.lastStarted(), p.changed(), List.of()));
    }
    if (firstRead) {
      first = false;
      looks = new HashMap<>(store.looks(clinician));
      if (!looks.containsKey(FIRST_LOOK)) {
        looks.put(FIRST_LOOK, store.look(clinician, FIRST_LOOK, now));
      }
      scanned = now; // the first rows before the first scan
    }
    if (changed.isEmpty() && !firstRead) {
      return rows; // nothing changed: the very list of last time
    }
    Map<String, List<ClinicBoard.AlertLine>> open = new LinkedHashMap<>();
    List<AlertOutbox.AlertRow> alerts = firstRead ? store.outbox().alerts(null, true, null)
        : store.outbox().openAlerts(changed);
    for (AlertOutbox.AlertRow a : alerts) {
      open.computeIfAbsent(a.patient(), k -> new ArrayList<>())
          .add(new ClinicBoard.AlertLine(a.id(), a.kind(), a.facts()));
    }
    for (String p : changed) {
      Patient was = patients.get(p);
      patients.put(p, new Patient(was.lastStarted(), was.changed(),
          List.copyOf(open.getOrDefault(p, List.of()))));
    }
    List<ClinicBoard.Row> out = new ArrayList<>(patients.size());
    long firstLook = looks.getOrDefault(FIRST_LOOK, Long.MAX_VALUE);
    patients.forEach((p, v) -> {
      if (v.lastStarted() != null || !v.alerts().isEmpty()) {
        out.add(new ClinicBoard.Row(p, v.alerts(), v.lastStarted(),
            v.changed() >= looks.getOrDefault(p, firstLook), details.get(p)));
      }
    });
    rows = out;
    return rows;
  }

  /** Every minute, a round of the alert scan, a few patients at each read. */
  private void scanSome(Instant now) throws StoreException {
    if (round == null && Duration.between(scanned, now).compareTo(SCAN_EVERY) >= 0) {
      round = scan.round(now);
      scanned = now;
    }
    if (round != null && round.step(SCAN_STEP)) {
      round = null;
    }
  }

  @Override
  public Map<String, ClinicBoard.Detail> details(List<String> which) throws Exception {
    List<String> missing = which.stream().filter(p -> !details.containsKey(p)).toList();
    if (!missing.isEmpty()) {
      Instant now = clock.instant();
      Instant monday = LocalDate.ofInstant(now, zone).with(DayOfWeek.MONDAY).atStartOfDay(zone)
          .toInstant();
      // every row's sessions in one read, and all their ratings in another
      Map<String, List<HistoryStore.SessionRow>> sessions = store.lastSessions(missing,
          Week.PAIN_SESSIONS, monday);
      List<String> ids = new ArrayList<>();
      sessions.values().forEach(l -> l.forEach(s -> ids.add(s.id())));
      Map<String, List<HistoryStore.RatingRow>> ratings = store.ratings(ids);
      for (String p : missing) {
        details.put(p, detail(sessions.getOrDefault(p, List.of()), ratings, monday, now));
      }
    }
    Map<String, ClinicBoard.Detail> out = new HashMap<>();
    which.forEach(p -> out.put(p, details.get(p)));
    return out;
  }

  /**
   * One patient's recent sessions (oldest first: their last few, and this week's): the pain
   * before and the highest of the last few, where the symptoms reached in the last, and this
   * week's days, counted as everywhere else.
   */
  private ClinicBoard.Detail detail(List<HistoryStore.SessionRow> read,
      Map<String, List<HistoryStore.RatingRow>> ratings, Instant monday, Instant now)
      throws StoreException {
    if (read.isEmpty()) {
      return new ClinicBoard.Detail(null, null, null, List.of(), List.of(), null, 0,
          Attendance.DEFAULT_DAYS);
    }
    List<HistoryStore.SessionRow> last = read.subList(Math.max(0, read.size()
        - Week.PAIN_SESSIONS), read.size());
    List<HistoryStore.SessionRow> week = read.stream()
        .filter(s -> !s.started().isBefore(monday)).toList();
    HistoryStore.SessionRow newest = read.get(read.size() - 1);
    Optional<Routine> routine = routines.apply(newest.routineId());
    List<Integer> befores = new ArrayList<>();
    List<Integer> highests = new ArrayList<>();
    for (HistoryStore.SessionRow s : last) {
      SessionPain p = SessionPain.of(ratings.getOrDefault(s.id(), List.of()), List.of());
      if (p.before() != null) {
        befores.add(p.before());
      }
      if (p.highest() != null) {
        highests.add(p.highest());
      }
    }
    SessionPain lastPain = SessionPain.of(ratings.getOrDefault(newest.id(), List.of()),
        routine.map(r -> r.painRule().regions()).orElse(List.of()));
    int done = 0;
    int target = Attendance.DEFAULT_DAYS;
    if (routine.isPresent()) {
      Attendance a = Attendance.of(id -> ratings.getOrDefault(id, List.of()), week,
          routine.get(), now, zone);
      done = a.week().daysDone();
      target = a.week().target();
    }
    return new ClinicBoard.Detail(newest.outcome(), lastPain.before(), lastPain.highest(),
        befores, highests, lastPain.furthest(), done, target);
  }

  /**
   * A session's pain as the board and the report give it: the pain before (its first rating
   * before exercise), the highest during the exercises, and where the symptoms reached furthest
   * during them (by the routine's regions, a place it does not name counting as furthest).
   */
  record SessionPain(Integer before, Integer highest, String furthest) {
    static SessionPain of(List<HistoryStore.RatingRow> ratings, List<String> regions) {
      Integer before = null;
      Integer highest = null;
      String furthest = null;
      int rank = -1;
      for (HistoryStore.RatingRow r : ratings) {
        Rating x = r.rating();
        if (x.kind() == Rating.Kind.BASELINE) {
          before = before == null ? x.value() : before;
          continue;
        }
        highest = highest == null ? x.value() : Math.max(highest, x.value());
        if (x.region() != null) {
          int i = regions.indexOf(x.region());
          int k = i < 0 ? regions.size() : i;
          if (k >= rank) {
            rank = k;
            furthest = x.region();
          }
        }
      }
      return new SessionPain(before, highest, furthest);
    }
  }

  @Override
  public List<String> report(String patient) throws Exception {
    List<String> lines = reports.of(store, patient);
    looked(patient);
    return lines;
  }

  @Override
  public boolean acknowledge(String patient, long alertId, String note) throws Exception {
    boolean done = store.outbox().acknowledge(alertId, clinician, note, clock.instant());
    looked(patient);
    return done;
  }

  /** The clinician has seen the patient as they are now: their row is no longer new. */
  private void looked(String patient) throws StoreException {
    looks.put(patient, store.look(clinician, patient, clock.instant()));
    // the row's mark again, without waiting for the next read
    List<ClinicBoard.Row> out = new ArrayList<>(rows.size());
    for (ClinicBoard.Row r : rows) {
      out.add(r.patient().equals(patient) && r.fresh() ? new ClinicBoard.Row(r.patient(),
          r.alerts(), r.lastSession(), false, r.detail()) : r);
    }
    rows = out;
  }
}
