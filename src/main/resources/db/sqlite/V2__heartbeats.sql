-- Who runs a session and when it last said so: a second process can tell it is live.
ALTER TABLE sessions ADD COLUMN host TEXT;
ALTER TABLE sessions ADD COLUMN pid INTEGER;
ALTER TABLE sessions ADD COLUMN heartbeat_at TEXT;
