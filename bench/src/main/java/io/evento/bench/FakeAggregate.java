package io.evento.bench;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.NewEventRecord;
import io.evento.protocol.json.RawJson;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The benchmark's aggregate, in raw protocol: one event per command naming the sequence it
 * follows, a snapshot every 20 events. With a cache it keeps each aggregate's last sequence and
 * takes incremental stories as docs/protocol.md describes ({@code CACHE_MISS} when it does not
 * hold the state the story builds on).
 */
final class FakeAggregate implements Function<Frame, Frame> {

    static final int SNAPSHOT_EVERY = 20;

    private final boolean cache;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    FakeAggregate(boolean cache) {
        this.cache = cache;
    }

    int cacheSize() {
        return cache ? 100_000 : 0;
    }

    @Override
    public Frame apply(Frame frame) {
        if (!(frame instanceof InvokeDomainCommand invoke)) {
            return null;
        }
        long last;
        if (invoke.story().incremental()) {
            Long held = sequences.get(invoke.aggregateId());
            if (held == null || held != invoke.story().baseSequence()) {
                return new Failure(UUID.randomUUID().toString(), invoke.id(), ErrorCode.CACHE_MISS.name(), "not held", true, null);
            }
            last = invoke.story().lastSequence();
        } else {
            last = invoke.story().lastSequence();
        }
        if (cache) {
            sequences.put(invoke.aggregateId(), last + 1);
        }
        return new DomainCommandHandled(UUID.randomUUID().toString(), invoke.id(),
                new NewEventRecord("ItemAdded", RawJson.of("{\"item\":" + invoke.payload().json() + ",\"after\":" + last + "}"), null, null),
                (last + 1) % SNAPSHOT_EVERY == 0 ? RawJson.of("{\"items\":" + (last + 1) + "}") : null, false);
    }
}
