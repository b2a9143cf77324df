package io.evento.server.routing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Picks one target among candidates. With a key (aggregate id, lock id): rendezvous hashing on the
 * bundle instance, so the same key goes to the same instance while the set is stable and only the
 * keys of a departed instance move. Without a key: round robin.
 */
public final class TargetSelector {

    private final AtomicLong turn = new AtomicLong();

    public Optional<RouteTarget> byKey(List<RouteTarget> candidates, String key) {
        RouteTarget best = null;
        long bestScore = 0;
        for (RouteTarget candidate : candidates) {
            long score = hash(key + "\u0000" + candidate.instanceKey());
            if (best == null || Long.compareUnsigned(score, bestScore) > 0
                    || (score == bestScore && candidate.connectionKey().compareTo(best.connectionKey()) < 0)) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    public Optional<RouteTarget> roundRobin(List<RouteTarget> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(candidates.get((int) Math.floorMod(turn.getAndIncrement(), (long) candidates.size())));
    }

    /** 64-bit FNV-1a with a final avalanche (splitmix64). */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
