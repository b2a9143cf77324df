package io.evento.bundle.cdi;

import io.evento.bundle.api.Command;
import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.Event;
import io.evento.bundle.api.Metadata;
import io.evento.bundle.api.Query;
import io.evento.bundle.api.QueryGateway;
import io.evento.bundle.api.View;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The gateways as injected: each call goes to the running bundle's gateways, as the component the
 * gateway was injected into (or as the application when it is not a component), so a gateway can be
 * injected before the bundle has started and keeps working across its life.
 */
final class DeferredGateway implements CommandGateway, QueryGateway {

    private final BundleLifecycle lifecycle;
    private final Class<?> component;

    DeferredGateway(BundleLifecycle lifecycle, Class<?> component) {
        this.lifecycle = lifecycle;
        this.component = component;
    }

    @Override
    public <E extends Event> CompletableFuture<E> send(Command command, Metadata metadata, Duration timeout) {
        CommandGateway commands = component == null ? lifecycle.bundle().commandGateway() : lifecycle.bundle().commandGateway(component);
        return commands.send(command, metadata, timeout);
    }

    @Override
    public <V extends View> CompletableFuture<V> query(Query<V> query, Metadata metadata, Duration timeout) {
        return queries().query(query, metadata, timeout);
    }

    @Override
    public <V extends View> CompletableFuture<List<V>> queryMany(Query<V> query, Metadata metadata, Duration timeout) {
        return queries().queryMany(query, metadata, timeout);
    }

    private QueryGateway queries() {
        return component == null ? lifecycle.bundle().queryGateway() : lifecycle.bundle().queryGateway(component);
    }
}
