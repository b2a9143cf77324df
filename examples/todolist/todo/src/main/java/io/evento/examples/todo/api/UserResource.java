package io.evento.examples.todo.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;

/** Registers users with their list quota (kept by the users bundle). */
@RequestScoped
@Path("users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    public record NewUser(@NotBlank String userId, @NotNull String name, int maxLists) {
    }

    @Inject
    TodoInvoker todo;

    @POST
    public Response register(@NotNull @Valid NewUser body) {
        todo.registerUser(body.userId(), body.name(), body.maxLists());
        return Response.created(URI.create("users/" + body.userId())).entity(Map.of("userId", body.userId())).build();
    }
}
