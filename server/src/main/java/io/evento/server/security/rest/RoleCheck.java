package io.evento.server.security.rest;

import io.evento.protocol.ErrorCode;
import io.evento.server.admin.rest.Problem;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} of the JAX-RS resources
 * (method before class) against the container's caller, the same way on Payara (whose own filter
 * answers differently) and on WildFly's RESTEasy (which enforces them only when configured to). A method that declares nothing
 * is closed. Without a caller the answer is 401, with a caller lacking every allowed role 403,
 * both as problem+json.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    /**
     * Just before the authorization filters: Payara adds its own {@code @RolesAllowed} filter there,
     * which would answer an unauthenticated caller first with its own message (and a throttled one
     * with 401 instead of 429).
     */
    static final int PRIORITY = Priorities.AUTHORIZATION - 1;
    private static final System.Logger LOG = System.getLogger(RoleCheck.class.getName());

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        List<String> allowed = allowed(resource.getResourceMethod(), resource.getResourceClass());
        if (allowed != null) {
            context.register(new Check(allowed), PRIORITY);
        }
    }

    /** The roles a method allows: null for anyone, empty for nobody. */
    static List<String> allowed(Method method, Class<?> type) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        if (method.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        if (method.isAnnotationPresent(RolesAllowed.class)) {
            return List.of(method.getAnnotation(RolesAllowed.class).value());
        }
        if (type.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        if (type.isAnnotationPresent(RolesAllowed.class)) {
            return List.of(type.getAnnotation(RolesAllowed.class).value());
        }
        return List.of();
    }

    static final class Check implements ContainerRequestFilter {

        private final List<String> allowed;

        Check(List<String> allowed) {
            this.allowed = allowed;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (security == null || security.getUserPrincipal() == null) {
                Object refused = request.getProperty(AdminAuthenticationMechanism.FAILURE);
                Problem problem = refused instanceof Problem p ? p : Problem.of(ErrorCode.UNAUTHENTICATED,
                        "log in first: send Authorization: Bearer <token> (POST /api/auth/login) or Basic");
                Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
                if (problem.status() == 401) {
                    answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"evento\"");
                }
                request.abortWith(answer.build());
                return;
            }
            if (allowed.stream().noneMatch(security::isUserInRole)) {
                String who = security.getUserPrincipal().getName();
                LOG.log(System.Logger.Level.INFO, who + " was refused " + request.getMethod() + " /api/" + request.getUriInfo().getPath());
                request.abortWith(problem(ErrorCode.FORBIDDEN, request.getMethod() + " /api/" + request.getUriInfo().getPath()
                        + " needs the role " + String.join(" or ", allowed) + "; " + who + " has none of them").build());
            }
        }

        private static Response.ResponseBuilder problem(ErrorCode code, String detail) {
            return Response.status(code.httpStatus()).type(Problem.MEDIA_TYPE).entity(Problem.of(code, detail));
        }
    }
}
