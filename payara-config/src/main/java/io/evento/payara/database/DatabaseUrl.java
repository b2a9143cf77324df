package io.evento.payara.database;

import java.net.URI;

/**
 * The host, port and database name of a {@code jdbc:postgresql://host:port/db?params} URL.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param database database name
 */
public record DatabaseUrl(String host, int port, String database) {

    public static DatabaseUrl parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || path.isEmpty()) {
            throw new IllegalArgumentException("the URL needs a host and a database: " + jdbcUrl);
        }
        return new DatabaseUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path);
    }

    /** The URL of another database on the same server. */
    public String jdbcUrl(String otherDatabase) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + otherDatabase;
    }
}
