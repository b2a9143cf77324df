package io.evento.server.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.evento.protocol.frame.Frame;

/**
 * What members tell each other about executions (channel {@value ClusterCommandExecutor#CHANNEL}),
 * encoded by {@link ClusterCodec}: the origin asks the member holding the target connection to
 * {@link Execute}, that member answers with the {@link Outcome}, and the origin may {@link Cancel}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClusterMessage.Execute.class, name = "execute"),
        @JsonSubTypes.Type(value = ClusterMessage.Outcome.class, name = "outcome"),
        @JsonSubTypes.Type(value = ClusterMessage.Cancel.class, name = "cancel")
})
sealed interface ClusterMessage {

    /** Run this execution on one of your connections and send me the outcome. */
    record Execute(Execution execution) implements ClusterMessage {
    }

    /**
     * How an execution ended.
     *
     * @param executionId the attempt
     * @param result      the final answer (null when {@code redispatch})
     * @param redispatch  the target vanished before the request had any effect
     */
    record Outcome(String executionId, Frame result, boolean redispatch) implements ClusterMessage {

        static Outcome of(ExecutionOutcome outcome) {
            return new Outcome(outcome.executionId(), outcome.result(), outcome.redispatch());
        }

        ExecutionOutcome toOutcome() {
            return new ExecutionOutcome(executionId, result, redispatch);
        }
    }

    /** The origin gave up on the execution. */
    record Cancel(String executionId) implements ClusterMessage {
    }
}
