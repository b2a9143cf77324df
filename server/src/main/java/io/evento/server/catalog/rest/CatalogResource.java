package io.evento.server.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import io.evento.server.security.Role;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.MessageKind;
import io.evento.server.admin.rest.Page;
import io.evento.server.admin.rest.PageRequest;
import io.evento.server.catalog.Catalog;
import io.evento.server.catalog.CatalogEntries.Bundle;
import io.evento.server.catalog.CatalogEntries.Component;
import io.evento.server.catalog.CatalogEntries.Payload;
import io.evento.server.catalog.CatalogView;
import io.evento.server.catalog.SubjectKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The catalogs: {@code /api/catalog/payloads}, {@code /components}, {@code /bundles}, each paged
 * ({@code page}, {@code size}) and filtered ({@code q}: text in the name; and the filters each
 * names); one entry by its name; {@code PUT .../description} (admin) sets the description.
 */
@Path("catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_ROLE)
public class CatalogResource {

    static final int MAX_DESCRIPTION = 4000;

    private Catalog catalog;

    public CatalogResource() {
        // for CDI
    }

    @Inject
    public CatalogResource(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A new description; blank removes it. */
    public record Description(String description) {
    }

    @GET
    @Path("payloads")
    public Page<Payload> payloads(@QueryParam("q") String text, @QueryParam("kind") String kind, @QueryParam("domain") String domain,
                                  @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        MessageKind wanted = kind == null || kind.isBlank() ? null : parse(MessageKind.class, kind);
        Predicate<Payload> filter = p -> contains(p.name(), text) && (wanted == null || wanted == p.kind())
                && (domain == null || domain.isBlank() || domain.equals(p.domain()));
        return Page.of(catalog.view().payloads().stream().filter(filter).toList(), request);
    }

    @GET
    @Path("payloads/{name}")
    public Payload payload(@PathParam("name") String name) {
        return catalog.view().payloads().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> notFound("payload type", name));
    }

    @GET
    @Path("components")
    public Page<Component> components(@QueryParam("q") String text, @QueryParam("kind") String kind, @QueryParam("bundle") String bundle,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        ComponentKind wanted = kind == null || kind.isBlank() ? null : parse(ComponentKind.class, kind);
        Predicate<Component> filter = c -> contains(c.name(), text) && (wanted == null || wanted == c.kind())
                && (bundle == null || bundle.isBlank() || bundle.equals(c.bundleId()));
        return Page.of(catalog.view().components().stream().filter(filter).toList(), request);
    }

    @GET
    @Path("components/{bundleId}/{name}")
    public Component component(@PathParam("bundleId") String bundleId, @PathParam("name") String name) {
        Component component = catalog.view().componentsByKey().get(bundleId + "/" + name);
        if (component == null) {
            throw notFound("component", bundleId + "/" + name);
        }
        return component;
    }

    @GET
    @Path("bundles")
    public Page<Bundle> bundles(@QueryParam("q") String text, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(catalog.view().bundles().stream().filter(b -> contains(b.bundleId(), text)).toList(), request);
    }

    @GET
    @Path("bundles/{bundleId}")
    public Bundle bundle(@PathParam("bundleId") String bundleId) {
        return catalog.view().bundles().stream().filter(b -> b.bundleId().equals(bundleId)).findFirst()
                .orElseThrow(() -> notFound("bundle", bundleId));
    }

    @RolesAllowed(Role.ADMIN_ROLE)
    @PUT
    @Path("payloads/{name}/description")
    @Consumes(MediaType.APPLICATION_JSON)
    public Payload describePayload(@PathParam("name") String name, Description description, @Context SecurityContext security) {
        payload(name);
        catalog.describe(SubjectKind.PAYLOAD, name, text(description), security.getUserPrincipal().getName());
        return payload(name);
    }

    @RolesAllowed(Role.ADMIN_ROLE)
    @PUT
    @Path("components/{bundleId}/{name}/description")
    @Consumes(MediaType.APPLICATION_JSON)
    public Component describeComponent(@PathParam("bundleId") String bundleId, @PathParam("name") String name, Description description,
                                       @Context SecurityContext security) {
        component(bundleId, name);
        catalog.describe(SubjectKind.COMPONENT, bundleId + "/" + name, text(description), security.getUserPrincipal().getName());
        return component(bundleId, name);
    }

    @RolesAllowed(Role.ADMIN_ROLE)
    @PUT
    @Path("bundles/{bundleId}/description")
    @Consumes(MediaType.APPLICATION_JSON)
    public Bundle describeBundle(@PathParam("bundleId") String bundleId, Description description, @Context SecurityContext security) {
        bundle(bundleId);
        catalog.describe(SubjectKind.BUNDLE, bundleId, text(description), security.getUserPrincipal().getName());
        return bundle(bundleId);
    }

    private static String text(Description description) {
        if (description == null) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "send {\"description\": \"...\"} (blank removes it)");
        }
        String text = description.description() == null ? "" : description.description();
        if (text.length() > MAX_DESCRIPTION) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "a description has at most " + MAX_DESCRIPTION + " characters");
        }
        return text;
    }

    static boolean contains(String value, String text) {
        return text == null || text.isBlank() || (value != null && value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "unknown " + type.getSimpleName() + " '" + PageRequest.abbreviate(text)
                    + "'; one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static EventoException notFound(String what, String name) {
        return new EventoException(ErrorCode.NOT_FOUND, "no " + what + " '" + PageRequest.abbreviate(name) + "' in the catalog");
    }
}
