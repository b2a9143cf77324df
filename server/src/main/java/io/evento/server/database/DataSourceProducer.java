package io.evento.server.database;

import io.evento.server.config.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Looks the PostgreSQL datasource up under its configured JNDI name ({@code evento.db.jndi},
 * default {@code jdbc/evento}), so the WAR runs on any server that defines one.
 */
@ApplicationScoped
public class DataSourceProducer {

    @Produces
    @ApplicationScoped
    DataSource dataSource(ServerSettings settings) {
        try {
            return (DataSource) new InitialContext().lookup(settings.dataSourceName());
        } catch (NamingException e) {
            throw new IllegalStateException("no datasource bound at JNDI name '" + settings.dataSourceName()
                    + "': define it (payara-config/post-boot.asadmin does on Payara) or set evento.db.jndi", e);
        }
    }
}
