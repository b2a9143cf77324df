-- The admin tables are written through JPA (ADR 0011): their JSON documents become text, which any
-- provider binds as a string (a json column refuses a varchar parameter). The server writes and
-- reads them whole and never queries inside them.
ALTER TABLE evento_bundle_registration ALTER COLUMN components TYPE text, ALTER COLUMN payloads TYPE text;
ALTER TABLE evento_consumer_report ALTER COLUMN status TYPE text;

-- The state store browser's payload search, callable from JPQL (FUNCTION('evento_json_contains', ...) = 1):
-- 1 when the event's payload contains the JSON fragment (jsonb containment, @>), else 0.
CREATE FUNCTION evento_json_contains(document json, fragment text) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT CASE WHEN document::jsonb @> fragment::jsonb THEN 1 ELSE 0 END $$;
