package io.evento.examples.todo.api;

import io.evento.examples.todo.messages.AuditMessages.AuditEntry;
import io.evento.examples.todo.messages.TodoMessages.TodoListSummary;
import io.evento.examples.todo.messages.TodoMessages.TodoListView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The lists: create, read, search, add, check and remove items, delete, and the audit trail. */
@RequestScoped
@Path("lists")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TodoResource {

    public record NewList(@NotNull String name, @NotNull String owner) {
    }

    public record NewItem(@NotNull String text) {
    }

    @Inject
    TodoInvoker todo;

    @POST
    public Response create(@NotNull @Valid NewList body) {
        String listId = todo.createList(body.name(), body.owner());
        return Response.created(URI.create("lists/" + listId)).entity(Map.of("listId", listId)).build();
    }

    @GET
    public List<TodoListSummary> search(@QueryParam("name") @DefaultValue("") String name,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return todo.search(name, page, size);
    }

    @GET
    @Path("{listId}")
    public TodoListView list(@PathParam("listId") String listId) {
        return todo.list(listId);
    }

    @DELETE
    @Path("{listId}")
    public void delete(@PathParam("listId") String listId) {
        todo.deleteList(listId);
    }

    @POST
    @Path("{listId}/items")
    public Response add(@PathParam("listId") String listId, @NotNull @Valid NewItem body) {
        return Response.status(201).entity(Map.of("itemId", todo.addItem(listId, body.text()))).build();
    }

    @POST
    @Path("{listId}/items/{itemId}/check")
    public void check(@PathParam("listId") String listId, @PathParam("itemId") String itemId) {
        todo.checkItem(listId, itemId);
    }

    @DELETE
    @Path("{listId}/items/{itemId}")
    public void remove(@PathParam("listId") String listId, @PathParam("itemId") String itemId) {
        todo.removeItem(listId, itemId);
    }

    @GET
    @Path("{listId}/audit")
    public List<AuditEntry> audit(@PathParam("listId") String listId) {
        return todo.audit(listId);
    }
}
