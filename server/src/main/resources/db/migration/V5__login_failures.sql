-- Failed admin logins of the whole cluster, so a password guesser is throttled across instances
-- (LoginThrottle). Rows older than the throttle's window are deleted as new failures come.
CREATE TABLE evento_login_failure (
    id        bigserial   NOT NULL,
    user_name text        NOT NULL,
    member_id text        NOT NULL,
    failed_at timestamptz NOT NULL,
    CONSTRAINT evento_login_failure_pk PRIMARY KEY (id),
    CONSTRAINT evento_login_failure_user_ck CHECK (char_length(user_name) <= 255)
);
CREATE INDEX evento_login_failure_user_idx ON evento_login_failure (user_name, failed_at);
