-- Rehab Coach history, version 1 on SQLite: sessions, the levels each ended at, every rating and
-- every event, moments as ISO-8601 text (UTC). Applied once by the coach; never edited: a change
-- comes as V2__..., V3__...
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
  settled INTEGER NOT NULL DEFAULT 0);
CREATE INDEX sessions_by_patient ON sessions(patient, routine_id, started_at);
CREATE TABLE levels (
  session_id TEXT NOT NULL REFERENCES sessions(id),
  exercise_id TEXT NOT NULL,
  level INTEGER NOT NULL,
  PRIMARY KEY (session_id, exercise_id));
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
  UNIQUE (session_id, seq));
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  exercise_id TEXT,
  from_level INTEGER NOT NULL DEFAULT -1,
  to_level INTEGER NOT NULL DEFAULT -1,
  detail TEXT);
