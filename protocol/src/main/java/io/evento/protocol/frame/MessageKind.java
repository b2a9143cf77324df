package io.evento.protocol.frame;

/** The kinds of payloads. */
public enum MessageKind {
    DOMAIN_COMMAND, SERVICE_COMMAND, DOMAIN_EVENT, SERVICE_EVENT, QUERY, VIEW;

    public boolean isCommand() {
        return this == DOMAIN_COMMAND || this == SERVICE_COMMAND;
    }

    public boolean isEvent() {
        return this == DOMAIN_EVENT || this == SERVICE_EVENT;
    }
}
