-- The System State Store: events, snapshots, deleted aggregates.
-- Reading order and the three modes (HORIZON, CPES, APES): docs/adr/0003-event-order-without-skips.md.

-- Positions of HORIZON appends; CPES takes max + 1 under a lock, APES a time-based value.
CREATE SEQUENCE evento_event_position_seq AS bigint;

CREATE TABLE evento_event (
    position           bigint      NOT NULL,
    -- the appending transaction; HORIZON readers only read below the oldest running transaction
    tx_id              bigint      NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    event_id           text        NOT NULL,
    aggregate_id       text,
    aggregate_sequence bigint,
    event_type         text        NOT NULL,
    context            text        NOT NULL DEFAULT 'default',
    payload            json        NOT NULL,
    metadata           json        NOT NULL DEFAULT '{}',
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT evento_event_pk PRIMARY KEY (position),
    CONSTRAINT evento_event_id_uq UNIQUE (event_id),
    CONSTRAINT evento_event_aggregate_uq UNIQUE (aggregate_id, aggregate_sequence),
    CONSTRAINT evento_event_sequence_ck CHECK (
        (aggregate_id IS NULL AND aggregate_sequence IS NULL) OR (aggregate_id IS NOT NULL AND aggregate_sequence > 0)),
    CONSTRAINT evento_event_id_ck CHECK (char_length(event_id) BETWEEN 1 AND 128),
    CONSTRAINT evento_event_aggregate_ck CHECK (aggregate_id IS NULL OR char_length(aggregate_id) BETWEEN 1 AND 255),
    CONSTRAINT evento_event_type_ck CHECK (char_length(event_type) BETWEEN 1 AND 255),
    CONSTRAINT evento_event_context_ck CHECK (char_length(context) BETWEEN 1 AND 128)
);

-- HORIZON global order: (tx_id, position)
CREATE INDEX evento_event_tx_idx ON evento_event (tx_id, position);
-- browsing by type (admin API)
CREATE INDEX evento_event_type_idx ON evento_event (event_type, position);

CREATE TABLE evento_snapshot (
    aggregate_id       text        NOT NULL,
    aggregate_sequence bigint      NOT NULL,
    state              json        NOT NULL,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT evento_snapshot_pk PRIMARY KEY (aggregate_id),
    CONSTRAINT evento_snapshot_sequence_ck CHECK (aggregate_sequence > 0)
);

-- Evento's deleteAggregate: the stream stays (consumers already saw it), the aggregate is closed.
CREATE TABLE evento_aggregate_deletion (
    aggregate_id       text        NOT NULL,
    aggregate_sequence bigint      NOT NULL,
    deleted_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT evento_aggregate_deletion_pk PRIMARY KEY (aggregate_id)
);

-- Store-wide settings fixed at first use (the ordering mode).
CREATE TABLE evento_store_setting (
    name  text NOT NULL,
    value text NOT NULL,
    CONSTRAINT evento_store_setting_pk PRIMARY KEY (name)
);

-- The identity of this System State Store: every instance reports it, so operators (and tests)
-- can see that all instances share one database.
INSERT INTO evento_store_setting (name, value) VALUES ('store.id', gen_random_uuid()::text);
