-- Alerts for the clinician, never deleted: one open per patient and kind (every red flag its own),
-- each cause raised once;
-- acknowledged with who, when and a note; delivery to the clinic's alert command tracked here
-- (the outbox), so an alert not yet delivered survives a restart.
CREATE TABLE alerts (
  id bigserial PRIMARY KEY,
  patient text NOT NULL,
  kind text NOT NULL,
  cause text NOT NULL,
  raised_at timestamptz NOT NULL,
  facts text NOT NULL,
  ack_at timestamptz,
  ack_by text,
  ack_note text,
  delivered_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  UNIQUE (patient, kind, cause)
);
CREATE UNIQUE INDEX alerts_open ON alerts (patient, kind) WHERE ack_at IS NULL
  AND kind <> 'RED_FLAG';
CREATE INDEX alerts_undelivered ON alerts (raised_at) WHERE delivered_at IS NULL;
