package io.evento.server.catalog.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.Hello;
import io.evento.protocol.frame.PayloadInfo;
import io.evento.server.catalog.Registration;
import io.evento.server.catalog.SubjectKind;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bundle registrations and descriptions in PostgreSQL. */
@jakarta.enterprise.context.ApplicationScoped
public class CatalogStore {

    private static final TypeReference<List<ComponentInfo>> COMPONENTS = new TypeReference<>() { };
    private static final TypeReference<List<PayloadInfo>> PAYLOADS = new TypeReference<>() { };

    private DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    protected CatalogStore() {
        // for the CDI client proxy
    }

    @jakarta.inject.Inject
    public CatalogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records (or replaces) what this version of the bundle registered. */
    public void register(Hello hello) {
        try (Connection c = connection(); PreparedStatement statement = c.prepareStatement(CatalogSql.UPSERT_REGISTRATION)) {
            statement.setString(1, hello.bundleId());
            statement.setLong(2, hello.bundleVersion());
            statement.setString(3, json.writeValueAsString(hello.components()));
            statement.setString(4, json.writeValueAsString(hello.payloads()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every registration, by bundle and version. */
    public List<Registration> registrations() {
        List<Registration> all = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement statement = c.prepareStatement(CatalogSql.SELECT_REGISTRATIONS);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                all.add(new Registration(rows.getString(1), rows.getLong(2), json.readValue(rows.getString(3), COMPONENTS),
                        json.readValue(rows.getString(4), PAYLOADS), rows.getTimestamp(5).toInstant()));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable bundle registration: " + e.getOriginalMessage(), e);
        }
        return all;
    }

    /** Sets a description (blank removes it). */
    public void describe(SubjectKind kind, String name, String description, String by) {
        boolean remove = description == null || description.isBlank();
        try (Connection c = connection();
             PreparedStatement statement = c.prepareStatement(remove ? CatalogSql.DELETE_DESCRIPTION : CatalogSql.UPSERT_DESCRIPTION)) {
            statement.setString(1, kind.column());
            statement.setString(2, name);
            if (!remove) {
                statement.setString(3, description.strip());
                statement.setString(4, by);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Every description, by kind and subject name. */
    public Map<SubjectKind, Map<String, String>> descriptions() {
        Map<SubjectKind, Map<String, String>> all = new HashMap<>();
        try (Connection c = connection(); PreparedStatement statement = c.prepareStatement(CatalogSql.SELECT_DESCRIPTIONS);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                all.computeIfAbsent(SubjectKind.parse(rows.getString(1)), k -> new HashMap<>()).put(rows.getString(2), rows.getString(3));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return all;
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        return c;
    }

    private static EventoException unavailable(SQLException e) {
        return new EventoException(ErrorCode.DATABASE_UNAVAILABLE, "the catalog cannot be read or written: " + e.getMessage());
    }
}
