package io.evento.server.testing;

import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.Heartbeat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A raw-protocol bundle instance that stays connected: it registers on the first server that
 * answers, sends heartbeats, and when the connection drops registers again on the next server of
 * its list. Records which server it registered with, in order.
 */
public final class ReconnectingBundle implements AutoCloseable {

    private final List<String> urls;
    private final String token;
    private final String bundleId;
    private final String instanceId;
    private final List<ComponentInfo> components;
    private final Function<Frame, Frame> responder;
    private final List<String> registrations = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile BusClient current;

    private final int aggregateCache;

    public ReconnectingBundle(List<String> urls, String token, String bundleId, List<ComponentInfo> components,
                              Function<Frame, Frame> responder) {
        this(urls, token, bundleId, components, responder, 0);
    }

    /** A bundle announcing an aggregate cache of {@code aggregateCache} states. */
    public ReconnectingBundle(List<String> urls, String token, String bundleId, List<ComponentInfo> components,
                              Function<Frame, Frame> responder, int aggregateCache) {
        this.aggregateCache = aggregateCache;
        this.urls = List.copyOf(urls);
        this.token = token;
        this.bundleId = bundleId;
        this.instanceId = bundleId + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.components = List.copyOf(components);
        this.responder = responder;
        this.thread = new Thread(this::run, "reconnecting-bundle-" + bundleId);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        int next = 0;
        while (running) {
            String url = urls.get(next % urls.size());
            next++;
            try {
                BusClient client = BusClient.register(url, token, bundleId, instanceId, components, List.of(), 0, aggregateCache)
                        .respondWith(responder);
                current = client;
                registrations.add(url);
                while (running && !client.isClosed()) {
                    client.send(new Heartbeat(UUID.randomUUID().toString()));
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops the current connection without a close handshake (a network failure); it registers again on the next server. */
    public void drop() {
        BusClient client = current;
        if (client != null) {
            client.abort();
        }
    }

    /** The servers it registered with, oldest first. */
    public List<String> registrations() {
        return List.copyOf(registrations);
    }

    public boolean awaitRegistrations(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (registrations.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return registrations.size() >= count;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        BusClient client = current;
        if (client != null) {
            client.close();
        }
    }
}
