package io.evento.examples.tally;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Projection;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.annotation.QueryHandler;
import io.evento.examples.tally.TallyMessages.GetTally;
import io.evento.examples.tally.TallyMessages.TallyCounted;
import io.evento.examples.tally.TallyMessages.TallyOpened;
import io.evento.examples.tally.TallyMessages.TallyView;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The read model (in memory: it is rebuilt from the events at every start), its projector and its projection. */
public final class TallyBoard {

    private final Map<String, Long> totals = new ConcurrentHashMap<>();

    /** Keeps each tally's total. */
    @Projector(version = 1)
    public static class Totals {
        private final TallyBoard board;

        public Totals(TallyBoard board) {
            this.board = board;
        }

        @EventHandler
        void on(TallyOpened event) {
            board.totals.put(event.tallyId(), 0L);
        }

        @EventHandler
        void on(TallyCounted event) {
            board.totals.put(event.tallyId(), event.total());
        }
    }

    /** Answers with a tally's total (none: not found). */
    @Projection
    public static class Answers {
        private final TallyBoard board;

        public Answers(TallyBoard board) {
            this.board = board;
        }

        @QueryHandler
        TallyView handle(GetTally query) {
            Long total = board.totals.get(query.tallyId());
            return total == null ? null : new TallyView(query.tallyId(), total);
        }
    }
}
