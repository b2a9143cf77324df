package io.evento.examples.tally;

import io.evento.bundle.fixture.AggregateFixture;
import io.evento.examples.tally.TallyMessages.CountUp;
import io.evento.examples.tally.TallyMessages.OpenTally;
import io.evento.examples.tally.TallyMessages.TallyCounted;
import io.evento.examples.tally.TallyMessages.TallyOpened;
import io.evento.protocol.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TallyAggregateTest {

    @Nested
    class CountingUp {

        @Test
        void addsToTheTotal() {
            AggregateFixture.of(new TallyAggregate())
                    .given(new TallyOpened("t"), new TallyCounted("t", 2, 2))
                    .when(new CountUp("t", 3))
                    .expectEvent(new TallyCounted("t", 3, 5));
        }

        @Test
        void byNothingOrByTooMuchIsRefused() {
            AggregateFixture.of(new TallyAggregate()).given(new TallyOpened("t")).when(new CountUp("t", 0))
                    .expectFailure(ErrorCode.HANDLER_FAILED, "a tally counts up by 1 to 100, not 0");
            AggregateFixture.of(new TallyAggregate()).given(new TallyOpened("t")).when(new CountUp("t", 101))
                    .expectFailure(ErrorCode.HANDLER_FAILED, "not 101");
        }
    }

    @Nested
    class Opening {

        @Test
        void startsAtZero() {
            AggregateFixture.of(new TallyAggregate()).when(new OpenTally("t")).expectEvent(new TallyOpened("t"));
        }
    }
}
