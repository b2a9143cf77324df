package io.evento.server.admin.rest;

import io.evento.server.security.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The JAX-RS application: every resource of the server lives under {@code /api}. Its OpenAPI
 * document is served at {@code /openapi} (MicroProfile OpenAPI).
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Evento Server admin API", version = "1",
                description = "Catalogs, cluster status, the System State Store, consumers, telemetry, flows and the application "
                        + "graph of a running Evento system. Every endpoint but POST /api/auth/login needs a caller with a role: "
                        + "reading needs viewer, every action admin (admin includes viewer and publish). Lists take page (from 0) and size (1-500). Errors "
                        + "are application/problem+json with a stable code."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "a session token from POST /api/auth/login, or a token of evento.admin.tokens"),
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "a user of evento.admin.users")})
@DeclareRoles({Role.VIEWER_ROLE, Role.ADMIN_ROLE, Role.PUBLISH_ROLE})
public class AdminApplication extends Application {
}
