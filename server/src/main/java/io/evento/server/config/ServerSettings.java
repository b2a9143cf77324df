package io.evento.server.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The settings of one server instance, read once from MicroProfile Config (so environment
 * variables such as {@code EVENTO_SERVER_INSTANCE_ID} work too).
 *
 * @param instanceId             this instance's id ({@code evento.server.instance.id})
 * @param publicUrl              the HTTP URL others reach this instance at ({@code evento.server.url})
 * @param dataSourceName         JNDI name of the PostgreSQL datasource ({@code evento.db.jndi})
 * @param databaseRetryInterval  pause between attempts to reach and migrate the database
 */
public record ServerSettings(String instanceId, Optional<String> publicUrl, String dataSourceName,
                             Duration databaseRetryInterval) {
}
