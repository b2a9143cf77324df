-- Bundles published with `evento publish`: every version's description (what its classes declare),
-- the facts of its artifact and how the server may run it; the artifact itself in its own table,
-- so that listing versions never reads it. JSON documents are text, as in every table JPA writes (ADR 0011).
CREATE TABLE evento_published_bundle (
    bundle_id       text        NOT NULL,
    bundle_version  bigint      NOT NULL,
    description     text        NOT NULL,
    component_count integer     NOT NULL,
    artifact_name   text        NOT NULL,
    artifact_bytes  bigint      NOT NULL,
    artifact_sha256 text        NOT NULL,
    published_by    text        NOT NULL,
    published_at    timestamptz NOT NULL DEFAULT now(),
    settings        text        NOT NULL,
    CONSTRAINT evento_published_bundle_pk PRIMARY KEY (bundle_id, bundle_version),
    CONSTRAINT evento_published_bundle_version_ck CHECK (bundle_version >= 1),
    CONSTRAINT evento_published_bundle_id_ck CHECK (char_length(bundle_id) BETWEEN 1 AND 255)
);

CREATE TABLE evento_published_artifact (
    bundle_id      text   NOT NULL,
    bundle_version bigint NOT NULL,
    content        bytea  NOT NULL,
    CONSTRAINT evento_published_artifact_pk PRIMARY KEY (bundle_id, bundle_version),
    CONSTRAINT evento_published_artifact_bundle_fk FOREIGN KEY (bundle_id, bundle_version)
        REFERENCES evento_published_bundle (bundle_id, bundle_version) ON DELETE CASCADE
);
