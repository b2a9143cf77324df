package io.evento.bundle.cdi.ledger;

import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.cdi.ledger.LedgerAggregate.AddEntry;
import io.evento.bundle.cdi.ledger.LedgerAggregate.EntryAdded;
import io.evento.bundle.cdi.ledger.LedgerAggregate.OpenLedger;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;

/** Opens ledgers, adds entries, and reads the projected rows. */
@Path("ledgers")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class LedgerResource {

    @Inject
    CommandGateway commands;

    @PersistenceContext(unitName = "ledger")
    EntityManager entities;

    @POST
    @Path("{id}")
    public String open(@PathParam("id") String id) {
        commands.sendAndWait(new OpenLedger(id), Duration.ofSeconds(20));
        return "opened";
    }

    @POST
    @Path("{id}/entries")
    public String add(@PathParam("id") String id) {
        EntryAdded added = commands.sendAndWait(new AddEntry(id), Duration.ofSeconds(20));
        return String.valueOf(added.number());
    }

    /** "lastNumber applied", or "none". */
    @GET
    @Path("{id}")
    public String row(@PathParam("id") String id) {
        LedgerRow row = entities.find(LedgerRow.class, id);
        return row == null ? "none" : row.lastNumber() + " " + row.applied();
    }

    /** The JAX-RS application of the ledger WAR. */
    @ApplicationPath("/")
    public static class Rest extends Application {
    }
}
