package io.evento.server.admin.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application: every resource of the server lives under {@code /api}. */
@ApplicationPath("/api")
public class AdminApplication extends Application {
}
