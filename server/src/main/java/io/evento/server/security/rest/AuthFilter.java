package io.evento.server.security.rest;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.admin.rest.Problem;
import io.evento.server.security.Authenticator;
import io.evento.server.security.Caller;
import io.evento.server.security.Role;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.security.Principal;
import java.util.Set;

/**
 * Every {@code /api} request but the login needs a caller: reading needs the viewer role, any
 * other method the admin role. Failures answer 401 or 403 as problem+json.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    /** Request property holding the {@link Caller}. */
    public static final String CALLER = "evento.caller";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final System.Logger LOG = System.getLogger(AuthFilter.class.getName());

    @Inject
    Authenticator authenticator;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("auth/login") || path.equals("/auth/login")) {
            return;
        }
        Caller caller;
        try {
            caller = authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        } catch (EventoException e) {
            if (e.code() == ErrorCode.UNAUTHENTICATED) {
                request.abortWith(problem(e.code(), e.getMessage()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"evento\"").build());
            } else {
                request.abortWith(problem(e.code(), e.getMessage()).build());
            }
            return;
        }
        Role required = READS.contains(request.getMethod()) ? Role.VIEWER : Role.ADMIN;
        if (!caller.role().includes(required)) {
            LOG.log(System.Logger.Level.INFO, caller.name() + " (" + caller.role() + ") was refused " + request.getMethod() + " /api/" + path);
            request.abortWith(problem(ErrorCode.FORBIDDEN, request.getMethod() + " needs the admin role; "
                    + caller.name() + " is a " + caller.role().name().toLowerCase(java.util.Locale.ROOT)).build());
            return;
        }
        request.setProperty(CALLER, caller);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.role().includes(Role.parse(role));
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "BEARER";
            }
        });
    }

    private static Response.ResponseBuilder problem(ErrorCode code, String detail) {
        return Response.status(code.httpStatus()).type(Problem.MEDIA_TYPE).entity(Problem.of(code, detail));
    }
}
