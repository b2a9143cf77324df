package io.evento.server.catalog;

import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.MessageKind;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.List;

/** The entries of the catalogs, as the admin API answers them. */
public final class CatalogEntries {

    private CatalogEntries() {
    }

    /**
     * A bundle.
     *
     * @param bundleId     the bundle
     * @param version      its latest registered version
     * @param versions     every version that registered
     * @param description  the administrators' description, or null
     * @param components   how many components the latest version has
     * @param instances    the instances connected now
     * @param registeredAt when the latest version last said hello
     */
    public record Bundle(String bundleId, long version, List<Long> versions, String description, int components,
                         List<Instance> instances, Instant registeredAt) {
    }

    /**
     * A connected bundle instance.
     *
     * @param instanceId       the bundle instance
     * @param version          the bundle version it runs
     * @param server           the server instance it is connected to
     * @param memberId         that server's cluster member id
     * @param enabled          whether it takes invocations
     */
    public record Instance(String instanceId, long version, String server, String memberId, boolean enabled) {
    }

    /**
     * A component of a bundle.
     *
     * @param bundleId    its bundle
     * @param name        the component
     * @param kind        its kind
     * @param version     its version
     * @param description the administrators' description, else the bundle's, or null
     * @param handlers    what it handles
     * @param sends       the payload types it was seen sending (last 7 days)
     * @param instances   instances of its bundle connected now
     */
    public record Component(String bundleId, String name, ComponentKind kind, long version, String description,
                            List<Handler> handlers, List<String> sends, int instances) {
    }

    /**
     * A handler of a component.
     *
     * @param payload     the payload type it takes
     * @param kind        that payload's kind
     * @param returns     what it returns, or null
     * @param returnsMany a query handler answering a list
     * @param association a saga handler's association property, or null
     * @param contexts    the context patterns a consumer's handler reads (empty for other kinds)
     */
    public record Handler(String payload, MessageKind kind, String returns, boolean returnsMany, String association, List<String> contexts) {
    }

    /**
     * A payload type.
     *
     * @param name        the type name
     * @param kind        its kind
     * @param domain      its domain, or null
     * @param description the administrators' description, else the bundle's, or null
     * @param schema      its JSON schema, or null
     * @param handledBy   components that take it
     * @param sentBy      components that send it (commands, queries: seen sending; events: return it; views: answer with it)
     */
    public record Payload(String name, MessageKind kind, String domain, String description, JsonValue schema,
                          List<ComponentRef> handledBy, List<ComponentRef> sentBy) {
    }

    /**
     * A component named from another entry.
     *
     * @param bundleId  its bundle
     * @param component its name
     * @param kind      its kind, or null when it is only known as a sender
     */
    public record ComponentRef(String bundleId, String component, ComponentKind kind) {
    }
}
