package coach.store;

/** The history's tables, one migration per schema version (applied in order, never edited). */
final class SqliteSchema {
  private SqliteSchema() {}

  static final int VERSION = 5;

  static final String[] MIGRATION_1 = {
    """
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      patient TEXT NOT NULL,
      routine_id TEXT NOT NULL,
      routine_hash TEXT NOT NULL,
      started_at TEXT NOT NULL,
      ended_at TEXT,
      outcome TEXT,
      resume_exercise INTEGER NOT NULL DEFAULT 0,
      resume_set INTEGER NOT NULL DEFAULT 1,
      resume_round INTEGER NOT NULL DEFAULT 0,
      settled INTEGER NOT NULL DEFAULT 0)
    """,
    "CREATE INDEX sessions_by_patient ON sessions(patient, routine_id, started_at)",
    """
    CREATE TABLE levels (
      session_id TEXT NOT NULL REFERENCES sessions(id),
      exercise_id TEXT NOT NULL,
      level INTEGER NOT NULL,
      PRIMARY KEY (session_id, exercise_id))
    """,
    """
    CREATE TABLE ratings (
      id INTEGER PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(id),
      seq INTEGER NOT NULL,
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      exercise_id TEXT,
      level INTEGER NOT NULL,
      level_id TEXT,
      set_no INTEGER NOT NULL,
      round_no INTEGER NOT NULL,
      round_label TEXT NOT NULL,
      value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
      region TEXT,
      UNIQUE (session_id, seq))
    """,
    """
    CREATE TABLE events (
      id INTEGER PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions(id),
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      exercise_id TEXT,
      from_level INTEGER NOT NULL DEFAULT -1,
      to_level INTEGER NOT NULL DEFAULT -1,
      detail TEXT)
    """,
  };

  /** Who runs a session and when it last said so: a second process can tell it is live. */
  static final String[] MIGRATION_2 = {
    "ALTER TABLE sessions ADD COLUMN host TEXT",
    "ALTER TABLE sessions ADD COLUMN pid INTEGER",
    "ALTER TABLE sessions ADD COLUMN heartbeat_at TEXT",
  };

  /**
   * Every event gets its number within its session (as ratings have), so an event written twice
   * is written once: the history can be copied, and sent again, without doubles.
   */
  static final String[] MIGRATION_3 = {
    "ALTER TABLE events ADD COLUMN seq INTEGER",
    "UPDATE events SET seq = (SELECT count(*) FROM events e WHERE e.session_id = events.session_id"
        + " AND e.id <= events.id)",
    "CREATE UNIQUE INDEX events_by_session ON events(session_id, seq)",
  };

  /**
   * Alerts for the clinician, never deleted: one open per patient and kind (every red flag its
   * own), each cause raised once; acknowledged with who and when; their delivery tracked (the outbox).
   */
  static final String[] MIGRATION_4 = {
    """
    CREATE TABLE alerts (
      id INTEGER PRIMARY KEY,
      patient TEXT NOT NULL,
      kind TEXT NOT NULL,
      cause TEXT NOT NULL,
      raised_at TEXT NOT NULL,
      facts TEXT NOT NULL,
      ack_at TEXT,
      ack_by TEXT,
      ack_note TEXT,
      delivered_at TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      UNIQUE (patient, kind, cause))
    """,
    "CREATE UNIQUE INDEX alerts_open ON alerts(patient, kind) WHERE ack_at IS NULL"
        + " AND kind <> 'RED_FLAG'",
    "CREATE INDEX alerts_undelivered ON alerts(raised_at) WHERE delivered_at IS NULL",
  };

  /**
   * What lets the clinic's reads follow the change, not the clinic: one row per patient with
   * when their last session began and the mark of their last change (a number that grows with every write), so the
   * board and the alert scan read only the patients changed since they last looked, and when
   * the attendance rules are next due to look at them; open alerts by patient; each clinician's
   * last look at each patient (the board's "new" mark); and where readers got to (the alert
   * scan; a copy into another history, so a copy cut off goes on where it stopped).
   */
  static final String[] MIGRATION_5 = {
    """
    CREATE TABLE patients (
      patient TEXT PRIMARY KEY,
      last_started TEXT,
      changed INTEGER NOT NULL,
      alerted INTEGER NOT NULL DEFAULT 0,
      attend_at TEXT)
    """,
    "CREATE INDEX patients_by_change ON patients(changed)",
    "CREATE INDEX patients_by_alert ON patients(alerted)",
    "CREATE INDEX patients_by_attendance ON patients(attend_at) WHERE attend_at IS NOT NULL",
    "INSERT INTO patients(patient, last_started, changed) SELECT patient, max(started_at), 1"
        + " FROM sessions GROUP BY patient",
    "INSERT INTO patients(patient, changed, alerted) SELECT DISTINCT patient, 0, 1 FROM alerts"
        + " WHERE patient NOT IN (SELECT patient FROM patients)",
    "CREATE INDEX alerts_unacknowledged ON alerts(patient) WHERE ack_at IS NULL",
    """
    CREATE TABLE looks (
      clinician TEXT NOT NULL,
      patient TEXT NOT NULL,
      mark INTEGER NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (clinician, patient))
    """,
    """
    CREATE TABLE places (
      name TEXT PRIMARY KEY,
      mark INTEGER NOT NULL,
      at TEXT NOT NULL,
      key TEXT)
    """,
  };

  /** The migrations in order: the one at index i brings a history to version i + 1. */
  static final String[][] MIGRATIONS = {MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4,
      MIGRATION_5};
}
