package io.evento.bundle.cdi.app;

import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.cdi.app.Counting.CounterCreated;
import io.evento.bundle.cdi.app.Counting.CreateCounter;
import io.evento.bundle.cdi.app.Counting.Increment;
import io.evento.bundle.cdi.app.Counting.Incremented;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;

/** What the tests call: a command through the injected gateway, and what the projector saw. */
@Path("probe")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ProbeResource {

    @Inject
    CommandGateway commands;

    @Inject
    Seen seen;

    @POST
    @Path("create/{id}")
    public String create(@PathParam("id") String id) {
        CounterCreated event = commands.sendAndWait(new CreateCounter(id), Duration.ofSeconds(20));
        return event.greeting();
    }

    @POST
    @Path("increment/{id}")
    public String increment(@PathParam("id") String id) {
        Incremented event = commands.sendAndWait(new Increment(id), Duration.ofSeconds(20));
        return event.value() + " " + event.greeting();
    }

    @Inject
    CounterDesk desk;

    @Inject
    HandlingLog handling;

    /** What the application's interceptor saw, one execution per line. */
    @GET
    @Path("handled")
    public String handled() {
        return String.join("\n", handling.entries());
    }

    /** Both commands through the {@code @Track} invoker method; answers the counter's value. */
    @POST
    @Path("tracked/{id}")
    public String tracked(@PathParam("id") String id) {
        return String.valueOf(desk.createAndIncrement(id));
    }

    /** How many distinct correlation ids the counter's events carry, then the ids. */
    @GET
    @Path("correlations/{id}")
    public String correlations(@PathParam("id") String id) {
        java.util.Set<String> ids = seen.correlations(id);
        return ids.size() + " " + String.join(",", ids);
    }

    @GET
    @Path("seen")
    public String seen() {
        return String.join(",", seen.entries());
    }

    /** The JAX-RS application of the test WAR. */
    @ApplicationPath("/")
    public static class Rest extends Application {
    }
}
