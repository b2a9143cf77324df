package io.evento.server.command;

import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.SendCommand;
import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.connection.Corked;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Executes a request on whichever member holds its target connection: on this member directly,
 * on another through the cluster's messaging ({@link ClusterMessage}s on channel
 * {@value #CHANNEL}, handled on the delivering thread: nothing here blocks, store reads run on the
 * blocking executor and every send is asynchronous). It also serves the executions other members send here. When a member
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
    private final Map<String, Outgoing> outgoing = new ConcurrentHashMap<>();

    public ClusterCommandExecutor(ClusterMessaging messaging, LocalCommandExecutor local) {
        this.messaging = messaging;
        this.local = local;
        messaging.onDirectNonBlocking(CHANNEL, this::received);
        messaging.onMemberRemoved(this::memberRemoved);
    }

    @Override
    public CompletableFuture<ExecutionOutcome> execute(Execution execution) {
        if (execution.targetMember().equals(messaging.localMemberId())) {
            return local.execute(execution);
        }
        CompletableFuture<ExecutionOutcome> outcome = new CompletableFuture<>();
        remote.put(execution.executionId(), new Remote(execution, outcome));
        send(execution.targetMember(), new ClusterMessage.Execute(execution));
        return outcome;
    }

    @Override
    public void cancel(Execution execution) {
        if (execution.targetMember().equals(messaging.localMemberId())) {
            local.cancel(execution);
            return;
        }
        remote.remove(execution.executionId());
        send(execution.targetMember(), new ClusterMessage.Cancel(execution.executionId()));
    }

    /** Queues a message for a member: sent at once, or with the others of the batch this thread handles. */
    private void send(String member, ClusterMessage message) {
        Outgoing queue = outgoing.computeIfAbsent(member, Outgoing::new);
        queue.messages.add(message);
        if (!Corked.hold(queue::flush, queue)) {
            queue.flush();
        }
    }

    /** Messages waiting for one member; flushed in the order they were queued. */
    private final class Outgoing {
        private final String member;
        private final java.util.Queue<ClusterMessage> messages = new java.util.concurrent.ConcurrentLinkedQueue<>();

        Outgoing(String member) {
            this.member = member;
        }

        synchronized void flush() {
            java.util.List<ClusterMessage> batch = new java.util.ArrayList<>();
            ClusterMessage next;
            while ((next = messages.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                return;
            }
            try {
                messaging.send(member, CHANNEL, codec.encode(batch));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, batch.size() + " cluster message(s) to " + member + " not sent: " + e);
                for (ClusterMessage lost : batch) {
                    if (lost instanceof ClusterMessage.Execute execute) {
                        Remote waiting = remote.remove(execute.execution().executionId());
                        if (waiting != null) {
                            waiting.outcome.complete(ExecutionOutcome.redispatched(execute.execution().executionId()));
                        }
                    }
                }
            }
        }
    }

    private void received(String text) {
        java.util.List<ClusterMessage> messages;
        try {
            messages = codec.decode(text);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable cluster message ignored: " + e.getMessage());
            return;
        }
        Corked.run(() -> messages.forEach(this::received));
    }

    private void received(ClusterMessage message) {
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
        send(origin, ClusterMessage.Outcome.of(outcome));
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
