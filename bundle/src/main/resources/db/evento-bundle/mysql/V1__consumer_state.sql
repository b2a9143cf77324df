-- Consumer state of Evento bundles: positions and leases, saga instances, dead events.
CREATE TABLE evento_consumer (
    consumer_id varchar(255) NOT NULL PRIMARY KEY,
    position    varchar(64),
    owner       varchar(255),
    epoch       bigint       NOT NULL DEFAULT 0,
    lease_until datetime(3) NOT NULL DEFAULT '1970-01-01 00:00:00',
    updated_at  datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE evento_saga (
    consumer_id varchar(255) NOT NULL,
    saga_name   varchar(100) NOT NULL,
    saga_id     varchar(64)  NOT NULL,
    state       mediumtext   NOT NULL,
    PRIMARY KEY (consumer_id, saga_name, saga_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE evento_saga_association (
    consumer_id varchar(255) NOT NULL,
    saga_name   varchar(100) NOT NULL,
    property    varchar(100) NOT NULL,
    value       varchar(255) NOT NULL,
    saga_id     varchar(64)  NOT NULL,
    PRIMARY KEY (consumer_id, saga_name, property, value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX evento_saga_association_saga_idx ON evento_saga_association (consumer_id, saga_name, saga_id);
CREATE TABLE evento_dead_event (
    consumer_id varchar(255) NOT NULL,
    event_id    varchar(128) NOT NULL,
    position    varchar(64)  NOT NULL,
    event_type  varchar(255) NOT NULL,
    event_json  mediumtext   NOT NULL,
    error       mediumtext,
    attempts    integer      NOT NULL,
    retry       boolean      NOT NULL DEFAULT false,
    dead_at     datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (consumer_id, event_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
