package io.evento.server.security.rest;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.admin.rest.Problem;
import io.evento.server.security.AuthorizationHeader;
import io.evento.server.security.BearerCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;

/**
 * The admin API's Jakarta Security mechanism: a request under {@code /api} with an
 * {@code Authorization} header ({@code Basic} user and password, or {@code Bearer} token) is
 * validated by the identity stores and the caller made known to the container with its groups;
 * {@code @RolesAllowed} on the resources then decides ({@link RoleCheck}). Wrong credentials
 * (401) and a throttled user name (429) leave the request unauthenticated with the reason noted,
 * and {@link RoleCheck} answers with it as problem+json. Requests without a header pass
 * unauthenticated (the login, health, the console, the bus), and a resource that needs a role
 * answers 401 for them.
 */
@ApplicationScoped
public class AdminAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute with the {@link Problem} of credentials that were refused. */
    public static final String FAILURE = "evento.authentication.failure";

    private IdentityStoreHandler identities;

    protected AdminAuthenticationMechanism() {
        // for the CDI client proxy
    }

    @Inject
    public AdminAuthenticationMechanism(IdentityStoreHandler identities) {
        this.identities = identities;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") || path.equals("/api/auth/login")) {
            return context.doNothing();
        }
        Optional<Credential> credential;
        CredentialValidationResult result;
        try {
            credential = AuthorizationHeader.parse(request.getHeader("Authorization"));
            if (credential.isEmpty()) {
                return context.doNothing();
            }
            result = identities.validate(credential.get());
        } catch (EventoException e) {
            return refuse(request, context, e.code(), e.getMessage());
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return refuse(request, context, ErrorCode.UNAUTHENTICATED, credential.get() instanceof BearerCredential
                    ? "the token is not valid or has expired" : "wrong user name or password");
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * Leaves the request unauthenticated and notes why, for {@link RoleCheck} to answer: servers
     * differ in what they send after a mechanism's failure status (WildFly replaces the body with
     * an HTML error page), while a JAX-RS answer is the same everywhere.
     */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpMessageContext context, ErrorCode code, String detail) {
        request.setAttribute(FAILURE, Problem.of(code, detail));
        return context.doNothing();
    }
}
