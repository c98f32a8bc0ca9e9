-- Alerts for the clinician, never deleted: one open per patient and kind (every red flag its
-- own), each cause raised once; acknowledged with who and when; their delivery tracked (the
-- outbox).
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
  UNIQUE (patient, kind, cause));
CREATE UNIQUE INDEX alerts_open ON alerts(patient, kind) WHERE ack_at IS NULL AND kind <> 'RED_FLAG';
CREATE INDEX alerts_undelivered ON alerts(raised_at) WHERE delivered_at IS NULL;
