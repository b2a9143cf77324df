-- What the admin API shows, shared by every server instance through the database:
-- bundle registrations (catalogs), descriptions administrators wrote, consumer reports, handler
-- telemetry by minute, the status each instance publishes, and the key that signs admin sessions.

-- The latest hello of each bundle version: its components, handlers and payload types.
CREATE TABLE evento_bundle_registration (
    bundle_id      text        NOT NULL,
    bundle_version bigint      NOT NULL,
    components     json        NOT NULL,
    payloads       json        NOT NULL,
    registered_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT evento_bundle_registration_pk PRIMARY KEY (bundle_id, bundle_version)
);

-- Descriptions written in the admin API; they win over the ones bundles send.
CREATE TABLE evento_catalog_description (
    subject_kind text        NOT NULL,
    subject_name text        NOT NULL,
    description  text        NOT NULL,
    updated_by   text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT evento_catalog_description_pk PRIMARY KEY (subject_kind, subject_name),
    CONSTRAINT evento_catalog_description_kind_ck CHECK (subject_kind IN ('payload', 'component', 'bundle')),
    CONSTRAINT evento_catalog_description_length_ck CHECK (char_length(description) <= 4000)
);

-- The last report of each consumer, from the bundle instance that runs it.
CREATE TABLE evento_consumer_report (
    consumer_id    text        NOT NULL,
    bundle_id      text        NOT NULL,
    instance_id    text        NOT NULL,
    member_id      text        NOT NULL,
    connection_key text        NOT NULL,
    status         json        NOT NULL,
    reported_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT evento_consumer_report_pk PRIMARY KEY (consumer_id)
);

-- Handler invocations per minute and server instance (each instance writes only its own rows).
CREATE TABLE evento_handler_minute (
    minute       timestamptz      NOT NULL,
    member_id    text             NOT NULL,
    bundle_id    text             NOT NULL,
    component    text             NOT NULL,
    payload_type text             NOT NULL,
    invocations  bigint           NOT NULL,
    failures     bigint           NOT NULL,
    total_millis double precision NOT NULL,
    max_millis   double precision NOT NULL,
    CONSTRAINT evento_handler_minute_pk PRIMARY KEY (minute, member_id, bundle_id, component, payload_type)
);

-- Messages sent per minute and server instance, by the sending component and the handler (the
-- payload type it was handling; '' outside a handler, as in an invoker).
CREATE TABLE evento_send_minute (
    minute       timestamptz NOT NULL,
    member_id    text        NOT NULL,
    bundle_id    text        NOT NULL,
    component    text        NOT NULL,
    handler      text        NOT NULL,
    payload_type text        NOT NULL,
    messages     bigint      NOT NULL,
    CONSTRAINT evento_send_minute_pk PRIMARY KEY (minute, member_id, bundle_id, component, handler, payload_type)
);

-- What each server instance publishes every few seconds for the cluster status page.
CREATE TABLE evento_server_status (
    member_id    text        NOT NULL,
    instance_id  text        NOT NULL,
    url          text,
    ready        boolean     NOT NULL,
    connections  integer     NOT NULL,
    requests     integer     NOT NULL,
    invocations  integer     NOT NULL,
    reported_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT evento_server_status_pk PRIMARY KEY (member_id)
);

-- The key that signs admin session tokens, made once by the first instance that needs it.
CREATE TABLE evento_admin_key (
    id     integer NOT NULL,
    secret text    NOT NULL,
    CONSTRAINT evento_admin_key_pk PRIMARY KEY (id),
    CONSTRAINT evento_admin_key_one_ck CHECK (id = 1)
);
