-- No query uses evento_event_type_idx: the global stream is read in its order and filtered by type
-- while scanning (ADR 0003), and browsing by type does the same. Every append paid for one more
-- index entry.
DROP INDEX IF EXISTS evento_event_type_idx;
