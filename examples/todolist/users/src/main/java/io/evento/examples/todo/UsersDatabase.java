package io.evento.examples.todo;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The users bundle's datasource (saga state, consumer positions, the audit trail); its settings
 * come from MicroProfile Config ({@code TODO_DB_URL}, {@code TODO_DB_USER}, {@code TODO_DB_PASSWORD}).
 */
@ApplicationScoped
@DataSourceDefinition(name = "java:app/jdbc/todo", className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=todo.db.url}", user = "${MPCONFIG=todo.db.user}", password = "${MPCONFIG=todo.db.password}",
        minPoolSize = 2, maxPoolSize = 16)
public class UsersDatabase {
}
