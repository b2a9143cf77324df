package io.evento.server.store.jdbc;

/**
 * Group-commit counters of one store instance since it started.
 *
 * @param batches      transactions written
 * @param appends      appends written (each one caller's atomic append)
 * @param events       events written
 * @param writeMillis  time writers spent in the database
 * @param queued       appends waiting right now
 */
public record WriteStatistics(long batches, long appends, long events, long writeMillis, int queued) {

    /** Average events per transaction. */
    public double eventsPerBatch() {
        return batches == 0 ? 0 : (double) events / batches;
    }

    /** Average time of one transaction in milliseconds. */
    public double millisPerBatch() {
        return batches == 0 ? 0 : (double) writeMillis / batches;
    }

    /** The counters since an earlier reading. */
    public WriteStatistics since(WriteStatistics earlier) {
        return new WriteStatistics(batches - earlier.batches, appends - earlier.appends, events - earlier.events,
                writeMillis - earlier.writeMillis, queued);
    }
}
