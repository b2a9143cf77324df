package io.evento.bundle.cdi.app;

import io.evento.bundle.tracing.HandledMessage;
import io.evento.bundle.tracing.MessageHandlerInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An interceptor bean of the application: the bundle runs it around every handler execution. */
@ApplicationScoped
public class HandlingLog implements MessageHandlerInterceptor {

    private final List<String> entries = new CopyOnWriteArrayList<>();

    @Override
    public void before(HandledMessage message) {
        entries.add(message.kind() + " " + message.component() + " " + message.payloadType());
    }

    public List<String> entries() {
        return List.copyOf(entries);
    }
}
