package io.evento.bundle.paced;

import io.evento.bundle.annotation.Invoker;
import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.paced.Pacing.StartJob;

/** Where the flow enters: the application starts jobs through it. */
@Invoker
public class JobInvoker {

    private final CommandGateway commands;

    public JobInvoker(CommandGateway commands) {
        this.commands = commands;
    }

    public void start(String jobId) {
        commands.sendAndWait(new StartJob(jobId));
    }
}
