package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

/**
 * A payload type a bundle knows.
 *
 * @param name        the type name routing uses
 * @param kind        its kind
 * @param domain      its domain (free grouping for the catalog), or null
 * @param schema      its JSON schema, or null
 * @param description free text, or null
 */
public record PayloadInfo(String name, MessageKind kind, String domain, RawJson schema, String description) {

    public PayloadInfo {
        Fields.text(name, "payload name");
        Fields.required(kind, "payload kind");
    }
}
