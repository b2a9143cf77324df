package io.evento.protocol.frame;

import java.util.List;

/**
 * A component of a bundle.
 *
 * @param name     component name (class simple name by default)
 * @param kind     its kind
 * @param version  component version (consumers: part of the consumer id)
 * @param handlers what it handles
 * @param description free text for the catalog
 */
public record ComponentInfo(String name, ComponentKind kind, long version, List<HandlerInfo> handlers, String description) {

    public ComponentInfo {
        Fields.text(name, "component name");
        Fields.required(kind, "component kind");
        handlers = Fields.list(handlers);
    }
}
