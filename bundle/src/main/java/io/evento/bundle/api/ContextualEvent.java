package io.evento.bundle.api;

/**
 * An event that names its own context, which consumers select with their {@code context} patterns
 * (a record with a {@code String context} component implements it by itself). A null or blank
 * context means the handler's ({@code @AggregateCommandHandler(context = ...)}) or {@code default}.
 */
public interface ContextualEvent extends Event {

    /** The context this event is stored in: a name without {@code *} or {@code :}, at most 128 characters. */
    String context();
}
