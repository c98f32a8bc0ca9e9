-- What lets the clinic's reads follow the change, not the clinic (as SQLite schema 5): one row
-- per patient with when their last session began and the mark of their last change (the id of
-- the transaction that wrote it), so the board and the alert scan read only the patients changed since they last
-- looked, and when the attendance rules are next due to look at them; open alerts by patient;
-- each clinician's last look at each patient (the board's "new" mark); where readers got to
-- (the alert scan; a copy from another history, so one cut off goes on where it stopped).
CREATE TABLE patients (
  patient text PRIMARY KEY,
  last_started timestamptz,
  changed bigint NOT NULL,
  alerted bigint NOT NULL DEFAULT 0,
  attend_at timestamptz
);
CREATE INDEX patients_by_change ON patients (changed);
CREATE INDEX patients_by_alert ON patients (alerted);
CREATE INDEX patients_by_attendance ON patients (attend_at) WHERE attend_at IS NOT NULL;
INSERT INTO patients (patient, last_started, changed)
  SELECT patient, max(started_at), 1 FROM sessions GROUP BY patient;
INSERT INTO patients (patient, changed, alerted)
  SELECT DISTINCT patient, 0, 1 FROM alerts ON CONFLICT (patient) DO NOTHING;

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
  at timestamptz NOT NULL,
  key text
);
