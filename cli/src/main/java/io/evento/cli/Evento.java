package io.evento.cli;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code evento}: the command line entry point. Exit codes: 0 done, 2 wrong usage, 3 bad input
 * (an artifact that is not a bundle, a bad file), 4 refused credentials or role, 5 the server
 * cannot be reached or is not ready, 6 the version is published already, 1 anything else.
 */
@Command(name = "evento", mixinStandardHelpOptions = true, version = "evento 0.1.0",
        description = "Describes, publishes and versions Evento bundles.",
        subcommands = {DescribeCommand.class, PublishCommand.class, UpdateVersionCommand.class, CommandLine.HelpCommand.class})
public final class Evento {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and answers its exit code (what tests call). */
    public static int run(String... args) {
        CommandLine line = new CommandLine(new Evento());
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("evento: " + e.getMessage());
            return exitCode(e);
        });
        return line.execute(args);
    }

    static int exitCode(Exception e) {
        if (!(e instanceof EventoException failure)) {
            return 1;
        }
        ErrorCode code = failure.code();
        return switch (code) {
            case INVALID_REQUEST, INVALID_JSON, PAYLOAD_TOO_LARGE, NOT_FOUND -> 3;
            case UNAUTHENTICATED, FORBIDDEN, TOO_MANY_ATTEMPTS -> 4;
            case NOT_READY, DATABASE_UNAVAILABLE -> 5;
            case ALREADY_PUBLISHED -> 6;
            default -> 1;
        };
    }
}
