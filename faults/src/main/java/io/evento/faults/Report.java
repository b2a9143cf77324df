package io.evento.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the checker found after one scenario.
 *
 * @param scenario   the fault
 * @param sent       commands sent (each with its own id)
 * @param acked      commands acknowledged with their event
 * @param failures   answers that were not an acknowledgement, by code ({@code lost}: the connection dropped,
 *                   {@code silent}: no answer in time)
 * @param failedForGood commands that ended with a non-retryable failure
 * @param retries    sends beyond the first, in all
 * @param lost       acknowledged commands without their event in the store
 * @param doubled    commands with more than one event, and events the projector applied more than once
 * @param skipped    events the stream reader did not see, saw twice or out of the store's order
 * @param stuck      commands neither acknowledged nor failed after a minute of retries
 * @param recovery   from the moment the fault was in place (e.g. the killed process gone) to the first
 *                   acknowledgement of a command sent after it
 * @param problems   what broke an invariant, in words (empty when all hold)
 */
record Report(String scenario, int sent, int acked, Map<String, Integer> failures, int failedForGood, int retries, int lost, int doubled, int skipped,
              int stuck, Duration recovery, List<String> problems) {

    boolean clean() {
        return problems.isEmpty();
    }

    static String table(List<Report> reports) {
        StringBuilder table = new StringBuilder();
        table.append("| scenario | sent | acked | failed answers by code | failed for good | retries | lost | doubled | skipped | stuck | time to recover |\n");
        table.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Report r : reports) {
            table.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %d | %d | %d | %d | %.1f s |%n", r.scenario,
                    r.sent, r.acked, r.failures.isEmpty() ? "none" : r.failures.toString(), r.failedForGood, r.retries, r.lost, r.doubled,
                    r.skipped, r.stuck,
                    r.recovery.toMillis() / 1000.0));
        }
        return table.toString();
    }
}
