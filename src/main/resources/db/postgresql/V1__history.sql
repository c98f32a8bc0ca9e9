-- Rehab Coach history, version 1 on PostgreSQL: the same tables as the SQLite history at its
-- schema 3, with moments as timestamptz. Applied once by the coach (Flyway); never edited: a
-- change comes as V2__..., V3__...
CREATE TABLE sessions (
  id text PRIMARY KEY,
  patient text NOT NULL,
  routine_id text NOT NULL,
  routine_hash text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  outcome text,
  resume_exercise integer NOT NULL DEFAULT 0,
  resume_set integer NOT NULL DEFAULT 1,
  resume_round integer NOT NULL DEFAULT 0,
  settled integer NOT NULL DEFAULT 0,
  host text,
  pid bigint,
  heartbeat_at timestamptz
);
CREATE INDEX sessions_by_patient ON sessions (patient, routine_id, started_at);
CREATE INDEX sessions_open ON sessions (patient) WHERE outcome IS NULL;

CREATE TABLE levels (
  session_id text NOT NULL REFERENCES sessions (id),
  exercise_id text NOT NULL,
  level integer NOT NULL,
  PRIMARY KEY (session_id, exercise_id)
);

CREATE TABLE ratings (
  session_id text NOT NULL REFERENCES sessions (id),
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  exercise_id text,
  level integer NOT NULL,
  level_id text,
  set_no integer NOT NULL,
  round_no integer NOT NULL,
  round_label text NOT NULL,
  value integer NOT NULL CHECK (value BETWEEN 0 AND 10),
  region text,
  PRIMARY KEY (session_id, seq)
);

CREATE TABLE events (
  session_id text NOT NULL REFERENCES sessions (id),
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  exercise_id text,
  from_level integer NOT NULL DEFAULT -1,
  to_level integer NOT NULL DEFAULT -1,
  detail text,
  PRIMARY KEY (session_id, seq)
);
