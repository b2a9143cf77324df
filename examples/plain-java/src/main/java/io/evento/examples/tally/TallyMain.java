package io.evento.examples.tally;

import io.evento.bundle.EventoBundle;
import io.evento.bundle.annotation.Invoker;
import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.QueryGateway;
import io.evento.examples.tally.TallyMessages.CountUp;
import io.evento.examples.tally.TallyMessages.GetTally;
import io.evento.examples.tally.TallyMessages.OpenTally;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

/**
 * A bundle in plain Java: {@code main} builds it from its components, starts it (it connects to the
 * servers of {@code EVENTO_SERVERS} and catches up), opens a tally if it is new and counts it up.
 * <pre>java -cp ... io.evento.examples.tally.TallyMain apples 3</pre>
 */
public final class TallyMain {

    /** Where the application calls into the bundle. */
    @Invoker
    public static class Counter {
        private final CommandGateway commands;
        private final QueryGateway queries;

        public Counter(CommandGateway commands, QueryGateway queries) {
            this.commands = commands;
            this.queries = queries;
        }

        /** Opens the tally unless it is open already. */
        public void open(String tallyId) {
            try {
                commands.sendAndWait(new OpenTally(tallyId));
            } catch (EventoException e) {
                if (e.code() != ErrorCode.AGGREGATE_ALREADY_EXISTS) {
                    throw e;
                }
            }
        }

        public long countUp(String tallyId, int by) {
            return commands.<TallyMessages.TallyCounted>sendAndWait(new CountUp(tallyId, by)).total();
        }

        public long total(String tallyId) {
            return queries.queryAndWait(new GetTally(tallyId)).total();
        }
    }

    private TallyMain() {
    }

    /** The bundle, started: close it to stop (it disables, drains, closes its connection). */
    public static EventoBundle start(String servers, String token, String instanceId) {
        TallyBoard board = new TallyBoard();
        return EventoBundle.builder().bundleId("tally").bundleVersion(1).instanceId(instanceId)
                .servers(servers.split(",")).token(token)
                .components(TallyAggregate.class, TallyBoard.Totals.class, TallyBoard.Answers.class, Counter.class)
                .injector(type -> type == TallyBoard.class ? board : null)
                .start();
    }

    public static void main(String[] args) {
        String tally = args.length > 0 ? args[0] : "apples";
        int by = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        try (EventoBundle bundle = start(System.getenv().getOrDefault("EVENTO_SERVERS", "http://127.0.0.1:8080"),
                System.getenv().getOrDefault("EVENTO_TOKEN", "evento-dev-token"), "tally-" + ProcessHandle.current().pid())) {
            Counter counter = bundle.invoker(Counter.class);
            counter.open(tally);
            long total = counter.countUp(tally, by);
            System.out.println(tally + ": " + total);
        }
    }
}
