package io.evento.examples.todo.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.evento.bundle.EventoBundle;
import io.evento.bundle.state.jdbc.JdbcConsumerStateStore;
import io.evento.examples.todo.api.TodoHttpApi;
import io.evento.examples.todo.api.TodoInvoker;
import io.evento.examples.todo.audit.AuditObserver;
import io.evento.examples.todo.audit.AuditService;
import io.evento.examples.todo.lists.ListUpdates;
import io.evento.examples.todo.lists.TodoListAggregate;
import io.evento.examples.todo.lists.TodoListProjection;
import io.evento.examples.todo.lists.TodoListProjector;
import io.evento.examples.todo.users.ListQuotaSaga;
import io.evento.examples.todo.users.UserAggregate;

import javax.sql.DataSource;

/**
 * The tutorial's two bundles. "todo": the lists aggregate, its projector and projection, and the
 * REST API's invoker. "users": users and quotas, the quota saga, and the audit observer, service
 * and projection. Both keep their consumer state in the read-model database (exactly-once
 * projections).
 */
public final class TodoBundles {

    private TodoBundles() {
    }

    /** The todo bundle with its REST API; close both. */
    public record Todo(EventoBundle bundle, TodoHttpApi api, HikariDataSource dataSource, AutoCloseable updates) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            api.close();
            bundle.close();
            updates.close();
            dataSource.close();
        }
    }

    public static Todo startTodo(TodoSettings settings, String instanceId) throws Exception {
        HikariDataSource dataSource = pool(settings, 10);
        AutoCloseable[] mqtt = new AutoCloseable[1];
        ListUpdates updates;
        try {
            MqttListUpdates client = new MqttListUpdates(settings.mqttUrl(), "todo-" + instanceId);
            mqtt[0] = client;
            updates = client;
        } catch (Exception e) {
            System.getLogger(TodoBundles.class.getName()).log(System.Logger.Level.WARNING,
                    "no MQTT broker at " + settings.mqttUrl() + ": real-time updates are off (" + e.getMessage() + ")");
            updates = ListUpdates.NONE;
            mqtt[0] = () -> { };
        }
        ListUpdates listUpdates = updates;
        EventoBundle bundle = EventoBundle.builder()
                .bundleId("todo").bundleVersion(1).instanceId(instanceId)
                .components(TodoListAggregate.class, TodoListProjector.class, TodoListProjection.class, TodoInvoker.class)
                .servers(settings.servers().toArray(String[]::new)).token(settings.token())
                .consumerStateStore(new JdbcConsumerStateStore(dataSource))
                .injector(type -> type == DataSource.class ? dataSource : type == ListUpdates.class ? listUpdates : null)
                .start();
        TodoHttpApi api = new TodoHttpApi(bundle.invoker(TodoInvoker.class), "127.0.0.1", settings.httpPort());
        return new Todo(bundle, api, dataSource, mqtt[0]);
    }

    /** The users bundle; close both. */
    public record Users(EventoBundle bundle, HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            bundle.close();
            dataSource.close();
        }
    }

    public static Users startUsers(TodoSettings settings, String instanceId) {
        HikariDataSource dataSource = pool(settings, 6);
        EventoBundle bundle = EventoBundle.builder()
                .bundleId("users").bundleVersion(1).instanceId(instanceId)
                .components(UserAggregate.class, ListQuotaSaga.class, AuditObserver.class, AuditService.class, AuditService.AuditTrail.class)
                .servers(settings.servers().toArray(String[]::new)).token(settings.token())
                .consumerStateStore(new JdbcConsumerStateStore(dataSource))
                .injector(type -> type == DataSource.class ? dataSource : null)
                .start();
        return new Users(bundle, dataSource);
    }

    static HikariDataSource pool(TodoSettings settings, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.dbUser());
        config.setPassword(settings.dbPassword());
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }
}
