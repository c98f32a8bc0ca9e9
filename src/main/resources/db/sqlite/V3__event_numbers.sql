-- Every event gets its number within its session (as ratings have), so an event written twice
-- is written once: the history can be copied, and sent again, without doubles.
ALTER TABLE events ADD COLUMN seq INTEGER;
UPDATE events SET seq = (SELECT count(*) FROM events e WHERE e.session_id = events.session_id AND e.id <= events.id);
CREATE UNIQUE INDEX events_by_session ON events(session_id, seq);
