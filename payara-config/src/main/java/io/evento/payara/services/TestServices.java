package io.evento.payara.services;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The one place that decides where the tests' services come from, for each service on its own:
 * <ol>
 *     <li>an address in the environment ({@code EVENTO_TEST_JDBC_URL}, {@code EVENTO_TEST_MARIADB_URL},
 *     {@code EVENTO_TEST_MQTT_URL}) is used as given;</li>
 *     <li>otherwise, when a Docker engine answers (and {@code EVENTO_TEST_DOCKER} is not {@code never}),
 *     Testcontainers starts the service once per test JVM (PostgreSQL 15, MariaDB 10.11,
 *     Mosquitto 2) and the tests use it;</li>
 *     <li>otherwise the local services at their standard loopback addresses.</li>
 * </ol>
 * The build machines run no Docker engine, so CI takes the local services.
 */
public final class TestServices {

    /** Where a service came from. */
    public enum Source { CONFIGURED, DOCKER, LOCAL }

    /** A PostgreSQL server: a JDBC URL of an existing database and a user that may create databases. */
    public record Postgres(String jdbcUrl, String user, String password, Source source) {
    }

    /** A MariaDB server: a JDBC URL without a database and a user that may create databases. */
    public record MariaDb(String baseUrl, String user, String password, Source source) {
    }

    /** An MQTT broker. */
    public record Mqtt(String url, Source source) {
    }

    private static final Map<String, String> ENV = System.getenv();
    private static Postgres postgres;
    private static MariaDb mariaDb;
    private static Mqtt mqtt;
    private static Boolean docker;

    private TestServices() {
    }

    /** Which source a service takes, given its configured address (or null) and whether Docker answers. */
    static Source choose(String configured, String dockerSetting, BooleanSupplier dockerAnswers) {
        if (configured != null && !configured.isBlank()) {
            return Source.CONFIGURED;
        }
        if (!"never".equalsIgnoreCase(dockerSetting) && dockerAnswers.getAsBoolean()) {
            return Source.DOCKER;
        }
        return Source.LOCAL;
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            String configured = ENV.get("EVENTO_TEST_JDBC_URL");
            postgres = switch (choose(configured, ENV.get("EVENTO_TEST_DOCKER"), TestServices::dockerAnswers)) {
                case CONFIGURED -> new Postgres(configured, ENV.getOrDefault("EVENTO_TEST_JDBC_USER", "postgres"),
                        ENV.getOrDefault("EVENTO_TEST_JDBC_PASSWORD", "postgres"), Source.CONFIGURED);
                case DOCKER -> {
                    PostgreSQLContainer container = new PostgreSQLContainer("postgres:15").withDatabaseName("test")
                            .withUsername("postgres").withPassword("postgres");
                    container.start();
                    yield new Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(), Source.DOCKER);
                }
                case LOCAL -> new Postgres("jdbc:postgresql://127.0.0.1:5432/test", ENV.getOrDefault("EVENTO_TEST_JDBC_USER", "postgres"),
                        ENV.getOrDefault("EVENTO_TEST_JDBC_PASSWORD", "postgres"), Source.LOCAL);
            };
        }
        return postgres;
    }

    public static synchronized MariaDb mariaDb() {
        if (mariaDb == null) {
            String configured = ENV.get("EVENTO_TEST_MARIADB_URL");
            mariaDb = switch (choose(configured, ENV.get("EVENTO_TEST_DOCKER"), TestServices::dockerAnswers)) {
                case CONFIGURED -> new MariaDb(configured, ENV.getOrDefault("EVENTO_TEST_MARIADB_USER", "root"),
                        ENV.getOrDefault("EVENTO_TEST_MARIADB_PASSWORD", ""), Source.CONFIGURED);
                case DOCKER -> {
                    MariaDBContainer container = new MariaDBContainer("mariadb:10.11").withUsername("root").withPassword("evento");
                    container.start();
                    yield new MariaDb("jdbc:mariadb://" + container.getHost() + ":" + container.getMappedPort(3306) + "/", "root",
                            "evento", Source.DOCKER);
                }
                case LOCAL -> new MariaDb("jdbc:mariadb://127.0.0.1:3306/", "root", "", Source.LOCAL);
            };
        }
        return mariaDb;
    }

    public static synchronized Mqtt mqtt() {
        if (mqtt == null) {
            String configured = ENV.get("EVENTO_TEST_MQTT_URL");
            mqtt = switch (choose(configured, ENV.get("EVENTO_TEST_DOCKER"), TestServices::dockerAnswers)) {
                case CONFIGURED -> new Mqtt(configured, Source.CONFIGURED);
                case DOCKER -> {
                    GenericContainer<?> container = new GenericContainer<>("eclipse-mosquitto:2").withExposedPorts(1883)
                            .withCommand("mosquitto", "-c", "/mosquitto-no-auth.conf");
                    container.start();
                    yield new Mqtt("tcp://" + container.getHost() + ":" + container.getMappedPort(1883), Source.DOCKER);
                }
                case LOCAL -> new Mqtt("tcp://127.0.0.1:1883", Source.LOCAL);
            };
        }
        return mqtt;
    }

    private static synchronized boolean dockerAnswers() {
        if (docker == null) {
            boolean answers;
            try {
                answers = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                answers = false;
            }
            docker = answers;
        }
        return docker;
    }
}
