package io.evento.server.publishing.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.publish.BundleDescription;
import io.evento.server.catalog.jpa.CatalogStore;
import io.evento.server.publishing.PublishedBundle;
import io.evento.server.publishing.RunSettings;
import io.evento.server.publishing.Upload;
import io.evento.server.publishing.jpa.PublishedBundleStore;
import io.evento.server.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.io.InputStream;
import java.util.List;

/**
 * Published bundles. {@code POST} (role publish, or admin) takes what {@code evento publish}
 * sends ({@code {"description", "artifactName", "artifact" (base64)}}, at most
 * {@value Upload#MAX_ARTIFACT_BYTES} bytes of artifact) and stores a new version, which the
 * catalogs show at once; a version is written once. Viewers list and describe versions; admins
 * download artifacts, set run settings and delete versions.
 */
@Path("published-bundles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublishedBundleResource {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PublishedBundleStore store;
    private CatalogStore catalog;

    public PublishedBundleResource() {
        // for CDI
    }

    @Inject
    public PublishedBundleResource(PublishedBundleStore store, CatalogStore catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** A version with its description, as {@code GET .../{bundleId}/{version}} answers. */
    public record Described(PublishedBundle bundle, BundleDescription description) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PUBLISH_ROLE)
    public Response publish(@HeaderParam("Content-Length") Long length, InputStream body, @Context SecurityContext security) {
        if (length != null && length > Upload.MAX_BODY_BYTES) {
            throw new EventoException(ErrorCode.PAYLOAD_TOO_LARGE, "an upload has at most " + Upload.MAX_BODY_BYTES
                    + " bytes (an artifact of at most " + Upload.MAX_ARTIFACT_BYTES + " bytes), this one has " + length);
        }
        Upload upload = Upload.read(body);
        PublishedBundle published = store.publish(upload, security.getUserPrincipal().getName());
        BundleDescription description = upload.description();
        catalog.register(description.bundleId(), description.bundleVersion(), description.components(), description.payloads());
        return Response.status(Response.Status.CREATED).entity(json(published)).build();
    }

    @GET
    @RolesAllowed(Role.VIEWER_ROLE)
    public Response list() {
        List<PublishedBundle> all = store.all();
        return Response.ok(json(all)).build();
    }

    @GET
    @Path("{bundleId}/{version}")
    @RolesAllowed(Role.VIEWER_ROLE)
    public Response describe(@PathParam("bundleId") String bundleId, @PathParam("version") String version) {
        long v = version(version);
        PublishedBundle bundle = store.find(bundleId, v).orElseThrow(() -> notFound(bundleId, v));
        return Response.ok(json(new Described(bundle, store.description(bundleId, v).orElseThrow(() -> notFound(bundleId, v))))).build();
    }

    @GET
    @Path("{bundleId}/{version}/artifact")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(Role.ADMIN_ROLE)
    public Response artifact(@PathParam("bundleId") String bundleId, @PathParam("version") String version) {
        long v = version(version);
        PublishedBundle bundle = store.find(bundleId, v).orElseThrow(() -> notFound(bundleId, v));
        byte[] content = store.artifact(bundleId, v).orElseThrow(() -> notFound(bundleId, v));
        return Response.ok(content, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + bundle.artifactName() + "\"")
                .header("Digest", "sha-256=" + bundle.artifactSha256()).build();
    }

    @PUT
    @Path("{bundleId}/{version}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_ROLE)
    public Response configure(@PathParam("bundleId") String bundleId, @PathParam("version") String version, InputStream body) {
        long v = version(version);
        RunSettings settings;
        try {
            settings = JSON.readValue(body, RunSettings.class);
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw e.getCause() instanceof EventoException cause ? cause : invalid(e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw invalid("send {\"deployable\", \"autorun\", \"minInstances\", \"maxInstances\", \"environment\", \"jvmOptions\"}: "
                    + e.getMessage());
        }
        if (settings == null) {
            throw invalid("send the run settings as a JSON object");
        }
        return Response.ok(json(store.configure(bundleId, v, settings).orElseThrow(() -> notFound(bundleId, v)))).build();
    }

    @DELETE
    @Path("{bundleId}/{version}")
    @RolesAllowed(Role.ADMIN_ROLE)
    public Response delete(@PathParam("bundleId") String bundleId, @PathParam("version") String version) {
        long v = version(version);
        if (!store.delete(bundleId, v)) {
            throw notFound(bundleId, v);
        }
        return Response.noContent().build();
    }

    private static long version(String text) {
        try {
            long version = Long.parseLong(text);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw invalid("a version is a whole number of 1 or more, got '" + text + "'");
    }

    /** JSON written with Jackson: descriptions hold raw JSON schemas that Jackson writes verbatim. */
    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventoException notFound(String bundleId, long version) {
        return new EventoException(ErrorCode.NOT_FOUND, "no published bundle " + bundleId + " version " + version);
    }

    private static EventoException invalid(String message) {
        return new EventoException(ErrorCode.INVALID_REQUEST, message);
    }
}
