package io.evento.examples.todo.api;

import io.evento.bundle.cdi.rest.EventoProblemMapper;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;
import java.util.Set;

/**
 * The REST API at the root of the WAR: its resources, JSON by Jackson with strict types
 * ({@link StrictJson}), failures as {@code application/problem+json} ({@link EventoProblemMapper} for the
 * platform's, {@link Problems} for the API's own). The
 * read model's datasource is defined here too; its settings come from MicroProfile Config
 * ({@code TODO_DB_URL}, {@code TODO_DB_USER}, {@code TODO_DB_PASSWORD}).
 */
@ApplicationPath("/")
@DataSourceDefinition(name = "java:app/jdbc/todo", className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=todo.db.url}", user = "${MPCONFIG=todo.db.user}", password = "${MPCONFIG=todo.db.password}",
        minPoolSize = 2, maxPoolSize = 16)
public class TodoApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TodoResource.class, UserResource.class, StrictJson.class, EventoProblemMapper.class,
                Problems.InvalidInput.class, Problems.UnreadableJson.class, Problems.HttpFailure.class, Problems.Unexpected.class);
    }

    /** Jersey (Payara's JAX-RS) would read JSON with its own JSON-B provider before {@link StrictJson}. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.disableJsonBinding", true);
    }
}
