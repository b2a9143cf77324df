package io.evento.server.security;

import java.util.Locale;

/** What a caller of the admin API may do: a viewer reads, an admin also acts (retry, discard, edit). */
public enum Role {
    VIEWER,
    ADMIN;

    /** Whether this role includes the required one. */
    public boolean includes(Role required) {
        return this == ADMIN || required == VIEWER;
    }

    public static Role parse(String text) {
        try {
            return Role.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown role '" + text + "' (viewer or admin)", e);
        }
    }
}
