package io.evento.protocol.frame;

/**
 * Bundle → server: route nothing new to this instance (it is shutting down); invocations in
 * flight still complete. Answered by {@link Ack}.
 *
 * @param id frame id
 */
public record Disable(String id) implements Frame {

    public Disable {
        Fields.text(id, "id");
    }
}
