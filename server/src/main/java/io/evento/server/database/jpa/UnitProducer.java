package io.evento.server.database.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/** The server's persistence unit on its JTA datasource, closed with the application. */
@ApplicationScoped
public class UnitProducer {

    @Produces
    @Singleton
    ServerPersistenceUnit unit(DataSource dataSource) {
        return ServerPersistenceUnit.jta(dataSource);
    }

    void close(@Disposes ServerPersistenceUnit unit) {
        unit.close();
    }
}
