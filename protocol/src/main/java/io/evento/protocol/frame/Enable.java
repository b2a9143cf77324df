package io.evento.protocol.frame;

/**
 * Bundle → server: route invocations to this instance (its consumers caught up). Answered by {@link Ack}.
 *
 * @param id frame id
 */
public record Enable(String id) implements Frame {

    public Enable {
        Fields.text(id, "id");
    }
}
