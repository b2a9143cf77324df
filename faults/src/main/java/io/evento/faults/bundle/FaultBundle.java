package io.evento.faults.bundle;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.evento.bundle.EventoBundle;
import io.evento.bundle.state.jdbc.JdbcConsumerStateStore;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The bundle process of the fault suite: {@code java ... FaultBundle <server URLs, comma separated>
 * <token> <instance id> <JDBC URL> <user> <password>}. It runs the counter aggregate and the
 * projector (consumer state store on PostgreSQL) until killed; it prints {@code READY} once enabled.
 */
public final class FaultBundle {

    private FaultBundle() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[3]);
        config.setUsername(args[4]);
        config.setPassword(args[5]);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(5000);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
                statement.execute(CounterProjector.TABLE);
            }
            EventoBundle bundle = EventoBundle.builder()
                    .bundleId("counters")
                    .instanceId(args[2])
                    .components(CounterAggregate.class, CounterProjector.class)
                    .servers(args[0].split(","))
                    .token(args[1])
                    .consumerStateStore(new JdbcConsumerStateStore(dataSource))
                    .connectTimeout(Duration.ofSeconds(60))
                    .start();
            System.out.println("READY " + bundle.instanceId());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
