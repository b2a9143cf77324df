package io.evento.server.routing;

/**
 * Told of every request the origin side answers (for metrics): its kind ({@code DOMAIN_COMMAND},
 * {@code SERVICE_COMMAND}, {@code QUERY}), its outcome ({@code OK} or the failure's error code) and
 * how long it took from arrival to answer. Called on the answering thread; must not block.
 */
@FunctionalInterface
public interface RequestRecorder {

    /** Records nothing. */
    RequestRecorder NONE = (kind, outcome, nanos) -> { };

    void answered(String kind, String outcome, long nanos);
}
