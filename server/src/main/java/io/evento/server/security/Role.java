package io.evento.server.security;

import java.util.Locale;
import java.util.Set;

/**
 * What a caller of the admin API may do: a viewer reads, an admin also acts (retry, discard,
 * edit) and publishes, a publisher only publishes bundles. Resources name the roles they need
 * with {@code @RolesAllowed} and these constants.
 */
public enum Role {
    VIEWER,
    ADMIN,
    PUBLISH;

    public static final String VIEWER_ROLE = "viewer";
    public static final String ADMIN_ROLE = "admin";
    public static final String PUBLISH_ROLE = "publish";

    /** The container roles (Jakarta Security groups) a caller with this role holds. */
    public Set<String> groups() {
        return switch (this) {
            case ADMIN -> Set.of(ADMIN_ROLE, VIEWER_ROLE, PUBLISH_ROLE);
            case VIEWER -> Set.of(VIEWER_ROLE);
            case PUBLISH -> Set.of(PUBLISH_ROLE);
        };
    }

    /** The role's name as configured and shown ({@code viewer}, {@code admin}, {@code publish}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The strongest role among container groups, or null. */
    public static Role strongest(Set<String> groups) {
        if (groups.contains(ADMIN_ROLE)) {
            return ADMIN;
        }
        if (groups.contains(VIEWER_ROLE)) {
            return VIEWER;
        }
        return groups.contains(PUBLISH_ROLE) ? PUBLISH : null;
    }

    public static Role parse(String text) {
        try {
            return Role.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + text + "' (viewer, admin or publish)", e);
        }
    }
}
