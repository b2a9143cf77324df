package io.evento.server.security;

/**
 * An authenticated caller of the admin API.
 *
 * @param name the user name or token label
 * @param role what it may do
 */
public record Caller(String name, Role role) implements java.security.Principal {

    @Override
    public String getName() {
        return name;
    }
}
