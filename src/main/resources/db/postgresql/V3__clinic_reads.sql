-- What lets the clinic's reads follow the change, not the clinic (as SQLite schema 5): each
-- session says whether it was exercised (this week's days need no ratings); one row per patient
-- with their last session and the mark of their last change (the id of the transaction that
-- wrote it), so the board and the alert scan read only the patients changed since they last
-- looked, and when the attendance rules are next due to look at them; open alerts by patient;
-- each clinician's last look at each patient (the board's "new" mark); where the alert scan got to.
ALTER TABLE sessions ADD COLUMN exercised integer NOT NULL DEFAULT 0;
UPDATE sessions SET exercised = 1 WHERE outcome IN ('COMPLETED', 'STOPPED_FOR_PAIN');
UPDATE sessions s SET exercised = 1
  FROM (SELECT DISTINCT session_id FROM ratings WHERE kind <> 'BASELINE') r
  WHERE r.session_id = s.id AND s.exercised = 0;

CREATE TABLE patients (
  patient text PRIMARY KEY,
  last_started timestamptz,
  changed bigint NOT NULL,
  attend_at timestamptz
);
CREATE INDEX patients_by_change ON patients (changed);
CREATE INDEX patients_by_attendance ON patients (attend_at) WHERE attend_at IS NOT NULL;
INSERT INTO patients (patient, last_started, changed)
  SELECT patient, max(started_at), 1 FROM sessions GROUP BY patient;
INSERT INTO patients (patient, changed)
  SELECT DISTINCT patient, 1 FROM alerts ON CONFLICT (patient) DO NOTHING;

CREATE INDEX alerts_unacknowledged ON alerts (patient) WHERE ack_at IS NULL;

CREATE TABLE looks (
  clinician text NOT NULL,
  patient text NOT NULL,
  mark bigint NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (clinician, patient)
);

CREATE TABLE places (
  name text PRIMARY KEY,
  mark bigint NOT NULL,
  at timestamptz NOT NULL
);
