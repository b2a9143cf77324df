package io.evento.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the history with what the store, the projector and the stream reader hold, once the
 * system is quiet: every acknowledged command has exactly one event; per counter the sequences are
 * 1..n and each value is its sequence (no handler decided on a stale state); no command failed for
 * good or got stuck; the projector applied every event exactly once; the reader saw every event
 * once, in the store's order.
 */
final class Checker {

    private static final Pattern MARKER = Pattern.compile("\"marker\":\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\"value\":(\\d+)");

    /** A stored event. */
    record Stored(String eventId, String counter, long sequence, String marker, long value) {
    }

    static List<Stored> stream(Lab lab) throws SQLException {
        List<Stored> events = new ArrayList<>();
        try (Connection c = lab.connect();
             PreparedStatement select = c.prepareStatement("SELECT event_id, aggregate_id, aggregate_sequence, payload::text "
                     + "FROM evento_event ORDER BY tx_id, position");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String payload = rows.getString(4);
                Matcher marker = MARKER.matcher(payload);
                Matcher value = VALUE.matcher(payload);
                events.add(new Stored(rows.getString(1), rows.getString(2), rows.getLong(3), marker.find() ? marker.group(1) : null,
                        value.find() ? Long.parseLong(value.group(1)) : -1));
            }
        }
        return events;
    }

    static Map<String, Integer> applied(Lab lab) throws SQLException {
        Map<String, Integer> applied = new HashMap<>();
        try (Connection c = lab.connect();
             PreparedStatement select = c.prepareStatement("SELECT event_id, times FROM fault_applied");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                applied.put(rows.getString(1), rows.getInt(2));
            }
        }
        return applied;
    }

    /** Checks the commands on counters named with {@code prefix} (this scenario's) and the whole stream. */
    static Report check(String scenario, String prefix, long faultNanos, History history, List<Stored> stream, Map<String, Integer> applied,
                        List<StreamReader.Seen> seen) {
        List<String> problems = new ArrayList<>();
        List<History.Command> commands = history.commands().stream().filter(c -> c.counter.startsWith(prefix)).toList();
        Map<String, List<Stored>> byMarker = new HashMap<>();
        Map<String, List<Stored>> byCounter = new TreeMap<>();
        for (Stored event : stream) {
            if (event.counter() != null && event.counter().startsWith(prefix)) {
                byMarker.computeIfAbsent(event.marker(), m -> new ArrayList<>()).add(event);
                byCounter.computeIfAbsent(event.counter(), k -> new ArrayList<>()).add(event);
            }
        }
        int acked = 0;
        int lost = 0;
        int doubled = 0;
        int stuck = 0;
        int failedForGood = 0;
        int retries = 0;
        Map<String, Integer> failures = new TreeMap<>();
        long firstAckAfterFault = Long.MAX_VALUE;
        Set<String> markers = new HashSet<>();
        for (History.Command command : commands) {
            markers.add(command.id);
            List<History.Attempt> attempts = command.attempts();
            retries += Math.max(0, attempts.size() - 1);
            for (History.Attempt attempt : attempts) {
                if (!attempt.outcome().equals("ok") && !attempt.outcome().equals("duplicate")) {
                    failures.merge(attempt.outcome(), 1, Integer::sum);
                    if (!attempt.retryable()) {
                        problems.add("command " + command.id + " was answered " + attempt.outcome() + " (not retryable)");
                    }
                }
            }
            int events = byMarker.getOrDefault(command.id, List.of()).size();
            if (events > 1) {
                doubled++;
                problems.add("command " + command.id + " has " + events + " events");
            }
            if (command.end == History.End.ACKED) {
                acked++;
                if (events == 0) {
                    lost++;
                    problems.add("command " + command.id + " was acknowledged but has no event");
                }
                if (command.startedNanos > faultNanos) {
                    firstAckAfterFault = Math.min(firstAckAfterFault, command.ackedNanos);
                }
            } else if (command.end == History.End.FAILED) {
                failedForGood++;
                problems.add("command " + command.id + " failed for good: " + command.failure);
            } else {
                stuck++;
                problems.add("command " + command.id + " got no final answer within a minute of retries (" + (command.end == null
                        ? "its caller was still sending" : "given up") + "; attempts, ms after the fault: " + attempts.stream()
                        .map(a -> a.outcome() + "@" + a.server().replaceFirst("^http://", "") + "+"
                                + java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(a.sentNanos() - faultNanos))
                        .toList() + ")");
            }
        }
        for (Map.Entry<String, List<Stored>> counter : byCounter.entrySet()) {
            long expected = 0;
            for (Stored event : counter.getValue().stream().sorted(java.util.Comparator.comparingLong(Stored::sequence)).toList()) {
                expected++;
                if (event.sequence() != expected) {
                    problems.add(counter.getKey() + ": sequence " + event.sequence() + " where " + expected + " was due");
                    expected = event.sequence();
                }
                if (event.value() != event.sequence()) {
                    problems.add(counter.getKey() + " #" + event.sequence() + " reached " + event.value() + ": its handler saw a stale state");
                }
                if (!markers.contains(event.marker())) {
                    problems.add(counter.getKey() + " #" + event.sequence() + " belongs to no command sent");
                }
            }
        }
        for (Stored event : stream) {
            Integer times = applied.get(event.eventId());
            if (times == null) {
                problems.add("the projector never applied " + event.eventId());
            } else if (times > 1) {
                doubled++;
                problems.add("the projector applied " + event.eventId() + " " + times + " times");
            }
        }
        int skipped = 0;
        List<String> order = stream.stream().map(Stored::eventId).toList();
        List<String> read = seen.stream().map(StreamReader.Seen::eventId).toList();
        if (!read.equals(order)) {
            Set<String> readOnce = new HashSet<>();
            for (String id : read) {
                if (!readOnce.add(id)) {
                    skipped++;
                }
            }
            for (String id : order) {
                if (!readOnce.contains(id)) {
                    skipped++;
                }
            }
            if (skipped == 0) {
                skipped = 1;
            }
            problems.add("the stream reader saw " + read.size() + " events, the store holds " + order.size()
                    + (skipped > 0 ? "; missing or repeated: " + skipped : "; order differs"));
        }
        Duration recovery = firstAckAfterFault == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(firstAckAfterFault - faultNanos);
        if (firstAckAfterFault == Long.MAX_VALUE) {
            problems.add("no command sent after the fault was acknowledged");
        }
        return new Report(scenario, commands.size(), acked, failures, failedForGood, retries, lost, doubled, skipped, stuck, recovery,
                problems.size() > 20 ? problems.subList(0, 20) : problems);
    }
}
