package io.evento.server.catalog.jdbc;

/** Every statement of the catalog store. */
final class CatalogSql {

    static final String UPSERT_REGISTRATION = "INSERT INTO evento_bundle_registration (bundle_id, bundle_version, components, payloads, registered_at) "
            + "VALUES (?, ?, ?::json, ?::json, now()) ON CONFLICT (bundle_id, bundle_version) DO UPDATE "
            + "SET components = EXCLUDED.components, payloads = EXCLUDED.payloads, registered_at = EXCLUDED.registered_at";

    static final String SELECT_REGISTRATIONS = "SELECT bundle_id, bundle_version, components::text, payloads::text, registered_at "
            + "FROM evento_bundle_registration ORDER BY bundle_id, bundle_version";

    static final String UPSERT_DESCRIPTION = "INSERT INTO evento_catalog_description (subject_kind, subject_name, description, updated_by, updated_at) "
            + "VALUES (?, ?, ?, ?, now()) ON CONFLICT (subject_kind, subject_name) DO UPDATE "
            + "SET description = EXCLUDED.description, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at";

    static final String DELETE_DESCRIPTION = "DELETE FROM evento_catalog_description WHERE subject_kind = ? AND subject_name = ?";

    static final String SELECT_DESCRIPTIONS = "SELECT subject_kind, subject_name, description FROM evento_catalog_description";

    private CatalogSql() {
    }
}
