package io.evento.server.database.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import javax.sql.DataSource;
import java.util.List;
import java.util.Properties;

/**
 * The server's persistence unit ({@value #NAME}), created by the application from the provider the
 * platform offers (EclipseLink on Payara, Hibernate on WildFly) the first time it is used, not by
 * the container at deployment: a provider logs in when its factory starts, and an instance must
 * deploy while PostgreSQL is down (ADR 0011). A factory that failed to reach the database is
 * closed and made again on the next use. Flyway owns the schema; the unit never generates it.
 */
public final class ServerPersistenceUnit implements AutoCloseable {

    public static final String NAME = "evento";
    private static final java.util.concurrent.atomic.AtomicInteger UNITS = new java.util.concurrent.atomic.AtomicInteger();

    private final PersistenceUnitTransactionType transactionType;
    private final DataSource dataSource;
    /** EclipseLink keeps one session per session name in the JVM: each unit gets its own. */
    private final String sessionName = NAME + "-" + UNITS.incrementAndGet();
    private EntityManagerFactory factory;

    private ServerPersistenceUnit(PersistenceUnitTransactionType transactionType, DataSource dataSource) {
        this.transactionType = transactionType;
        this.dataSource = dataSource;
    }

    /** On the container's JTA datasource (entity managers join the container's transactions). */
    public static ServerPersistenceUnit jta(DataSource dataSource) {
        return new ServerPersistenceUnit(PersistenceUnitTransactionType.JTA, dataSource);
    }

    /** On a plain datasource with the provider's own transactions (tests and benchmarks outside a container). */
    public static ServerPersistenceUnit resourceLocal(DataSource dataSource) {
        return new ServerPersistenceUnit(PersistenceUnitTransactionType.RESOURCE_LOCAL, dataSource);
    }

    /** A new entity manager; the factory is made first if there is none. */
    public EntityManager createEntityManager() {
        EntityManagerFactory current = factory();
        try {
            return current.createEntityManager();
        } catch (RuntimeException e) {
            discard(current);
            throw e;
        }
    }

    /** The factory, made now if there is none. */
    public synchronized EntityManagerFactory factory() {
        if (factory == null || !factory.isOpen()) {
            PersistenceProvider provider = provider();
            factory = provider.createContainerEntityManagerFactory(info(provider), properties());
            if (factory == null) {
                throw new PersistenceException("the persistence provider " + provider.getClass().getName() + " refused the unit");
            }
        }
        return factory;
    }

    private synchronized void discard(EntityManagerFactory failed) {
        if (factory == failed) {
            factory = null;
        }
        try {
            failed.close();
        } catch (RuntimeException e) {
            // it never worked
        }
    }

    private UnitInfo info(PersistenceProvider provider) {
        return new UnitInfo(NAME, provider.getClass().getName(), transactionType, dataSource, EntityClasses.NAMES, properties(),
                ServerPersistenceUnit.class.getClassLoader());
    }

    private static PersistenceProvider provider() {
        List<PersistenceProvider> providers = PersistenceProviderResolverHolder.getPersistenceProviderResolver().getPersistenceProviders();
        if (providers.isEmpty()) {
            throw new PersistenceException("no Jakarta Persistence provider is available to the application");
        }
        return providers.get(0);
    }

    /** Settings for either provider (each ignores the other's); none of them is provider API. */
    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("jakarta.persistence.schema-generation.database.action", "none");
        // EclipseLink: no weaving (nothing transforms the classes), PostgreSQL without asking, no shared cache
        properties.setProperty("eclipselink.weaving", "false");
        properties.setProperty("eclipselink.target-database", "PostgreSQL");
        properties.setProperty("eclipselink.cache.shared.default", "false");
        properties.setProperty("eclipselink.logging.level", "WARNING");
        properties.setProperty("eclipselink.session-name", sessionName);
        // Hibernate: PostgreSQL without reading JDBC metadata at boot
        properties.setProperty("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect");
        properties.setProperty("hibernate.boot.allow_jdbc_metadata_access", "false");
        if (transactionType == PersistenceUnitTransactionType.JTA) {
            properties.setProperty("eclipselink.target-server", "Glassfish");
            properties.setProperty("hibernate.transaction.jta.platform", "JBossAS");
        }
        return properties;
    }

    @Override
    public synchronized void close() {
        if (factory != null && factory.isOpen()) {
            factory.close();
        }
        factory = null;
    }
}
