package io.evento.server.cluster.rest;

import io.evento.server.cluster.PublicUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/** Learns this instance's HTTP URL from the first API request, when it is not configured. */
@Provider
public class PublicUrlFilter implements ContainerRequestFilter {

    @Inject
    PublicUrl publicUrl;

    @Override
    public void filter(ContainerRequestContext request) {
        if (publicUrl.get().isEmpty()) {
            URI base = request.getUriInfo().getBaseUri();
            String text = base.toString();
            publicUrl.learn(text.endsWith("/api/") ? text.substring(0, text.length() - "/api/".length()) : text);
        }
    }
}
