package io.evento.server.command;

import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.SendCommand;
import io.evento.server.cluster.ClusterMessaging;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Executes a request on whichever member holds its target connection: on this member directly,
 * on another through the cluster's messaging ({@link ClusterMessage}s on channel
 * {@value #CHANNEL}). It also serves the executions other members send here. When a member
 * leaves, what was executing there is dispatched again (a domain command or query could not have
 * had an effect that a new execution would repeat: the event id fences it) or, for a service
 * command, answered as indeterminate.
 */
public final class ClusterCommandExecutor implements CommandExecutor {

    static final String CHANNEL = "command";
    private static final System.Logger LOG = System.getLogger(ClusterCommandExecutor.class.getName());

    private final ClusterMessaging messaging;
    private final LocalCommandExecutor local;
    private final ClusterCodec codec = new ClusterCodec();
    private final Map<String, Remote> remote = new ConcurrentHashMap<>();

    public ClusterCommandExecutor(ClusterMessaging messaging, LocalCommandExecutor local) {
        this.messaging = messaging;
        this.local = local;
        messaging.onDirect(CHANNEL, this::received);
        messaging.onMemberRemoved(this::memberRemoved);
    }

    @Override
    public CompletableFuture<ExecutionOutcome> execute(Execution execution) {
        if (execution.targetMember().equals(messaging.localMemberId())) {
            return local.execute(execution);
        }
        CompletableFuture<ExecutionOutcome> outcome = new CompletableFuture<>();
        remote.put(execution.executionId(), new Remote(execution, outcome));
        try {
            messaging.send(execution.targetMember(), CHANNEL, codec.encode(new ClusterMessage.Execute(execution)));
        } catch (RuntimeException e) {
            remote.remove(execution.executionId());
            LOG.log(System.Logger.Level.DEBUG, "execution " + execution.executionId() + " not sent: " + e);
            return CompletableFuture.completedFuture(ExecutionOutcome.redispatched(execution.executionId()));
        }
        return outcome;
    }

    @Override
    public void cancel(Execution execution) {
        if (execution.targetMember().equals(messaging.localMemberId())) {
            local.cancel(execution);
            return;
        }
        remote.remove(execution.executionId());
        try {
            messaging.send(execution.targetMember(), CHANNEL,
                    codec.encode(new ClusterMessage.Cancel(execution.executionId())));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "cancel of " + execution.executionId() + " not sent: " + e);
        }
    }

    private void received(String text) {
        ClusterMessage message;
        try {
            message = codec.decode(text);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable cluster message ignored: " + e.getMessage());
            return;
        }
        if (message instanceof ClusterMessage.Execute execute) {
            Execution execution = execute.execution();
            local.execute(execution).whenComplete((outcome, error) -> reply(execution.originMember(), error == null ? outcome
                    : ExecutionOutcome.answered(execution.executionId(), Failures.of(execution.request().id(), error))));
        } else if (message instanceof ClusterMessage.Outcome outcome) {
            Remote waiting = remote.remove(outcome.executionId());
            if (waiting != null) {
                waiting.outcome.complete(outcome.toOutcome());
            }
        } else if (message instanceof ClusterMessage.Cancel cancel) {
            local.cancel(cancel.executionId());
        }
    }

    private void reply(String origin, ExecutionOutcome outcome) {
        try {
            messaging.send(origin, CHANNEL, codec.encode(ClusterMessage.Outcome.of(outcome)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "outcome of " + outcome.executionId() + " not sent: " + e);
        }
    }

    private void memberRemoved(String memberId) {
        remote.forEach((id, waiting) -> {
            if (memberId.equals(waiting.execution.targetMember()) && remote.remove(id, waiting)) {
                boolean service = waiting.execution.request() instanceof SendCommand command && command.kind() == MessageKind.SERVICE_COMMAND;
                waiting.outcome.complete(service
                        ? ExecutionOutcome.answered(id, Answers.indeterminate(waiting.execution.request().id(),
                        "the server instance executing the service command left the cluster; it may or may not have run"))
                        : ExecutionOutcome.redispatched(id));
            }
        });
    }

    int waiting() {
        return remote.size();
    }

    private record Remote(Execution execution, CompletableFuture<ExecutionOutcome> outcome) {
    }
}
