-- What lets the clinic's reads follow the change, not the clinic: one row per patient with when
-- their last session began and the mark of their last change (a number that grows with every
-- write), so the board and the alert scan read only the patients changed since they last looked,
-- and when the attendance rules are next due to look at them; open alerts by patient; each
-- clinician's last look at each patient (the board's "new" mark); and where readers got to (the
-- alert scan; a copy into another history, so a copy cut off goes on where it stopped).
CREATE TABLE patients (
  patient TEXT PRIMARY KEY,
  last_started TEXT,
  changed INTEGER NOT NULL,
  alerted INTEGER NOT NULL DEFAULT 0,
  attend_at TEXT);
CREATE INDEX patients_by_change ON patients(changed);
CREATE INDEX patients_by_alert ON patients(alerted);
CREATE INDEX patients_by_attendance ON patients(attend_at) WHERE attend_at IS NOT NULL;
INSERT INTO patients(patient, last_started, changed) SELECT patient, max(started_at), 1 FROM sessions GROUP BY patient;
INSERT INTO patients(patient, changed, alerted) SELECT DISTINCT patient, 0, 1 FROM alerts WHERE patient NOT IN (SELECT patient FROM patients);
CREATE INDEX alerts_unacknowledged ON alerts(patient) WHERE ack_at IS NULL;
CREATE TABLE looks (
  clinician TEXT NOT NULL,
  patient TEXT NOT NULL,
  mark INTEGER NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (clinician, patient));
CREATE TABLE places (
  name TEXT PRIMARY KEY,
  mark INTEGER NOT NULL,
  at TEXT NOT NULL,
  key TEXT);
