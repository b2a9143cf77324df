package io.evento.server.security.rest;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.security.Authenticator;
import io.evento.server.security.Caller;
import io.evento.server.security.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import io.evento.server.security.SessionTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.time.Instant;

/** Log in (the GUI's login page) and find out who you are. */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final System.Logger LOG = System.getLogger(AuthResource.class.getName());

    @Inject
    Authenticator authenticator;

    @Inject
    SessionTokens sessions;

    /** Credentials of a login. */
    public record Login(String user, String password) {
    }

    /** A session: send {@code Authorization: Bearer <token>} until it expires. */
    public record Session(String token, String user, String role, Instant expiresAt) {
    }

    /** Who the caller is. */
    public record Me(String user, String role) {
    }

    @POST
    @PermitAll
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Session login(Login login) {
        if (login == null || login.user() == null || login.password() == null) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "send {\"user\": ..., \"password\": ...}");
        }
        Caller caller;
        try {
            caller = authenticator.login(login.user(), login.password());
        } catch (EventoException e) {
            LOG.log(System.Logger.Level.WARNING, "failed admin login for user name of " + login.user().length() + " characters");
            throw e;
        }
        SessionTokens.Issued issued = sessions.issue(caller);
        return new Session(issued.token(), caller.name(), caller.role().label(), issued.expiresAt());
    }

    @GET
    @Path("me")
    @RolesAllowed({Role.VIEWER_ROLE, Role.ADMIN_ROLE, Role.PUBLISH_ROLE})
    public Me me(@Context SecurityContext security) {
        java.util.Set<String> groups = new java.util.HashSet<>();
        for (Role role : Role.values()) {
            if (security.isUserInRole(role.label())) {
                groups.add(role.label());
            }
        }
        return new Me(security.getUserPrincipal().getName(), Role.strongest(groups).label());
    }
}
