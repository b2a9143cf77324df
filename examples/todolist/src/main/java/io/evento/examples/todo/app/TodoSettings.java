package io.evento.examples.todo.app;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The tutorial's settings, from environment variables.
 *
 * @param servers     Evento Server URLs ({@code EVENTO_SERVERS}, comma separated)
 * @param token       bus token ({@code EVENTO_TOKEN})
 * @param jdbcUrl     PostgreSQL of the read models and consumer state ({@code TODO_DB_URL})
 * @param dbUser      its user ({@code TODO_DB_USER})
 * @param dbPassword  its password ({@code TODO_DB_PASSWORD})
 * @param mqttUrl     MQTT broker ({@code TODO_MQTT_URL})
 * @param httpPort    REST API port ({@code TODO_HTTP_PORT})
 */
public record TodoSettings(List<String> servers, String token, String jdbcUrl, String dbUser, String dbPassword, String mqttUrl,
                           int httpPort) {

    public static TodoSettings fromEnvironment(Map<String, String> env) {
        return new TodoSettings(
                Arrays.stream(env.getOrDefault("EVENTO_SERVERS", "http://127.0.0.1:8080,http://127.0.0.1:8081").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                env.getOrDefault("EVENTO_TOKEN", "evento-dev-token"),
                env.getOrDefault("TODO_DB_URL", "jdbc:postgresql://127.0.0.1:5432/todo"),
                env.getOrDefault("TODO_DB_USER", "evento"),
                env.getOrDefault("TODO_DB_PASSWORD", "evento"),
                env.getOrDefault("TODO_MQTT_URL", "tcp://127.0.0.1:1883"),
                Integer.parseInt(env.getOrDefault("TODO_HTTP_PORT", "8090")));
    }

    /** The same settings with the servers in another order (each bundle prefers its own server). */
    public TodoSettings withServers(List<String> order) {
        return new TodoSettings(order, token, jdbcUrl, dbUser, dbPassword, mqttUrl, httpPort);
    }
}
