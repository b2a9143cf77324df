package io.evento.server.routing;

/**
 * A routing message between server instances, as JSON text.
 *
 * @param op            {@code execute}, {@code outcome} or {@code cancel}
 * @param executionId   the attempt
 * @param requestKey    the request's key
 * @param originMember  where the outcome goes
 * @param connectionKey the target connection ({@code execute})
 * @param component     the target component ({@code execute})
 * @param frame         the encoded request ({@code execute}) or result ({@code outcome})
 * @param deadline      epoch milliseconds ({@code execute})
 * @param redispatch    ({@code outcome}) try another target
 */
record ClusterEnvelope(String op, String executionId, String requestKey, String originMember, String connectionKey,
                       String component, String frame, long deadline, boolean redispatch) {
}
