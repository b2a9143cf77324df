package io.evento.servers;

/** A Jakarta EE server running the Evento WAR, started by a test and stopped by it. */
interface JakartaServer extends AutoCloseable {

    /** The token bundles present in their hello on every tested server. */
    String BUS_TOKEN = "servers-it-token";

    /** The server's name, for messages. */
    String name();

    /** The HTTP root the WAR is served at, e.g. {@code http://127.0.0.1:8280}. */
    String baseUrl();

    /** Where the server serves MicroProfile Health ({@code /health} of the HTTP or the management port). */
    String healthUrl();

    /** What {@code GET /api/cluster} must answer as {@code kind} on this server. */
    String clusterKind();

    /** The JDBC URL of the database the server's datasource points at. */
    String jdbcUrl();

    /** Stops the server (and all its processes) and drops its database; never throws. */
    @Override
    void close();
}
