package io.evento.server.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The admin API's identities.
 *
 * @param users      user name → password hash and role ({@code evento.admin.users}: {@code name:role:hash}, comma
 *                   separated; a clear-text password only with {@code evento.admin.plain-passwords=true})
 * @param tokens     bearer tokens for scripts → their role ({@code evento.admin.tokens}: {@code role:token}, comma separated)
 * @param sessionTtl how long a login lasts ({@code evento.admin.session.minutes})
 * @param secret     the key that signs sessions ({@code evento.admin.secret}); empty: one made and shared through the database
 */
public record AdminSettings(Map<String, Account> users, Map<String, Role> tokens, Duration sessionTtl, Optional<String> secret) {

    public AdminSettings {
        users = Map.copyOf(users);
        tokens = Map.copyOf(tokens);
    }

    /**
     * A configured user.
     *
     * @param secret the password's PBKDF2 hash (Jakarta Security's encoding), or the password itself
     * @param role   what the user may do
     */
    public record Account(String secret, Role role) {

        /** Whether the secret is a hash ({@code PBKDF2WithHmac...:iterations:salt:hash}) rather than a clear-text password. */
        public boolean hashed() {
            return secret.startsWith("PBKDF2WithHmac") && secret.split(":", -1).length == 4;
        }
    }

    /**
     * Refuses clear-text passwords unless {@code allowPlain} (the development flag
     * {@code evento.admin.plain-passwords}); the message names the users, never the passwords.
     */
    public AdminSettings requireHashes(boolean allowPlain) {
        java.util.List<String> plain = users.entrySet().stream().filter(e -> !e.getValue().hashed()).map(Map.Entry::getKey).sorted().toList();
        if (!plain.isEmpty() && !allowPlain) {
            throw new IllegalStateException("evento.admin.users holds clear-text passwords for " + String.join(", ", plain)
                    + ": configure PBKDF2 hashes (deploy/evento hash-password prints one) or, for development only, set"
                    + " evento.admin.plain-passwords=true");
        }
        return this;
    }

    /** Parses {@code name:role:secret,...}; the secret is everything after the second colon. */
    public static Map<String, Account> parseUsers(String text) {
        Map<String, Account> users = new LinkedHashMap<>();
        for (String entry : entries(text)) {
            String[] parts = entry.split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isEmpty()) {
                throw new IllegalArgumentException("evento.admin.users entries are name:role:password, got '" + mask(entry) + "'");
            }
            users.put(parts[0].trim(), new Account(parts[2], Role.parse(parts[1])));
        }
        return users;
    }

    /** Parses {@code role:token,...}. */
    public static Map<String, Role> parseTokens(String text) {
        Map<String, Role> tokens = new LinkedHashMap<>();
        for (String entry : entries(text)) {
            int colon = entry.indexOf(':');
            if (colon < 1 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("evento.admin.tokens entries are role:token, got '" + mask(entry) + "'");
            }
            tokens.put(entry.substring(colon + 1), Role.parse(entry.substring(0, colon)));
        }
        return tokens;
    }

    private static String[] entries(String text) {
        return text == null || text.isBlank() ? new String[0]
                : java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    private static String mask(String entry) {
        return entry.length() <= 4 ? "****" : entry.substring(0, 4) + "****";
    }
}
