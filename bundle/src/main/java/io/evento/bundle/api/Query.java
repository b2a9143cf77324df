package io.evento.bundle.api;

/**
 * A question answered by a projection with one view ({@code V}) or a list of views, as declared by
 * the handler's return type.
 *
 * @param <V> the view type
 */
public interface Query<V extends View> extends Payload {
}
