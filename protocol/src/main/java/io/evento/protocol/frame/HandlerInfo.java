package io.evento.protocol.frame;

import java.util.List;

/**
 * One handler of a component.
 *
 * @param payload     the payload type it takes
 * @param kind        that payload's kind
 * @param returns     the payload type it returns (event of a command handler, view of a query
 *                    handler), or null
 * @param returnsMany a query handler returning several views
 * @param association a saga handler's association property, or null
 * @param contexts    the context patterns a consumer handler reads ({@code *} all, {@code name*} a prefix)
 * @param sends       payload types the handler sends (commands, queries): the application graph
 */
public record HandlerInfo(String payload, MessageKind kind, String returns, boolean returnsMany, String association,
                          List<String> contexts, List<String> sends) {

    public HandlerInfo {
        Fields.text(payload, "handler payload");
        Fields.required(kind, "handler kind");
        contexts = Fields.list(contexts);
        contexts.forEach(c -> EventContexts.requirePattern(c, "handler context"));
        sends = Fields.list(sends);
    }
}
