package io.evento.examples.tally;

import io.evento.bundle.EventoBundle;
import io.evento.payara.MicroCluster;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The plain-Java sample against a real Evento Server (one Payara Micro instance). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TallyMainIT {

    private static final String TOKEN = "tally-it-token";
    private ThrowawayDatabase database;
    private MicroCluster cluster;
    private String server;

    @BeforeAll
    void start() {
        database = ThrowawayDatabase.create("evento_tally_it");
        cluster = MicroCluster.prepare(MicroRecipe.fromProject(), new MicroCluster.Settings(
                Path.of(System.getProperty("payara.microJar.forBundles")), Path.of(System.getProperty("evento.postgresql.jar")),
                Path.of(System.getProperty("evento.server.war")), 1, Map.of("EVENTO_DB_URL", database.jdbcUrl(),
                "EVENTO_DB_USER", ThrowawayDatabase.user(), "EVENTO_DB_PASSWORD", ThrowawayDatabase.password(),
                "EVENTO_BUS_TOKENS", TOKEN), "384m", MicroRecipe.projectDir().resolve("examples/plain-java/target/it-logs")));
        cluster.startAll(Duration.ofSeconds(240));
        server = cluster.instance(0).baseUrl();
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        database.close();
    }

    @Test
    void aTallyCountsAcrossRestartsOfTheBundleAndItsReadModelIsRebuiltFromTheEvents() {
        // given a tally counted up twice
        try (EventoBundle bundle = TallyMain.start(server, TOKEN, "tally-1")) {
            TallyMain.Counter counter = bundle.invoker(TallyMain.Counter.class);
            counter.open("apples");
            assertThat(counter.countUp("apples", 2)).isEqualTo(2);
            assertThat(counter.countUp("apples", 3)).isEqualTo(5);
            await().atMost(Duration.ofSeconds(20)).until(() -> counter.total("apples") == 5);
        }

        // when the bundle starts again (its in-memory read model empty) and counts once more
        try (EventoBundle bundle = TallyMain.start(server, TOKEN, "tally-1")) {
            TallyMain.Counter counter = bundle.invoker(TallyMain.Counter.class);
            counter.open("apples");
            long total = counter.countUp("apples", 1);

            // then the aggregate went on from its events, and the projection caught up with all of them
            assertThat(total).isEqualTo(6);
            await().atMost(Duration.ofSeconds(20)).until(() -> counter.total("apples") == 6);
        }
    }
}
