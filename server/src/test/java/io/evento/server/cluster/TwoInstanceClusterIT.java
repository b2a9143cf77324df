package io.evento.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.evento.payara.MicroCluster;
import io.evento.payara.MicroInstance;
import io.evento.server.testing.Http;
import io.evento.server.testing.ServerLaunch;
import io.evento.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Payara Micro instances of the WAR, started at the same moment against one empty database:
 * they migrate it once, form one Hazelcast cluster over TCP/IP on loopback and share the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstanceClusterIT {

    private TestDatabase database;
    private MicroCluster cluster;

    @BeforeAll
    void startTwoInstancesAtOnce() {
        database = TestDatabase.empty();
        cluster = MicroCluster.prepare(ServerLaunch.recipe(), ServerLaunch.cluster("two-instance", 2, database.jdbcUrl(), Map.of()));
        try {
            cluster.startAllAtOnce(Duration.ofSeconds(240));
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Nested
    class Membership {

        @Test
        void eachInstanceListsBothMembersWithTheirHttpUrls() {
            for (MicroInstance instance : cluster.instances()) {
                // when
                JsonNode status = Http.get(instance.baseUrl() + "/api/cluster", Http.DEFAULT_ADMIN).json();

                // then
                assertThat(status.get("kind").asText()).isEqualTo("hazelcast");
                Set<String> urls = new HashSet<>();
                status.get("members").forEach(member -> urls.add(member.get("httpUrl").asText()));
                assertThat(urls).containsExactlyInAnyOrder(cluster.instance(0).baseUrl(), cluster.instance(1).baseUrl());
                assertThat(status.get("members")).filteredOn(member -> member.get("self").asBoolean()).hasSize(1);
            }
        }

        @Test
        void everyMemberAddressIsOnLoopback() {
            JsonNode status = Http.get(cluster.instance(0).baseUrl() + "/api/cluster", Http.DEFAULT_ADMIN).json();
            status.get("members").forEach(member -> assertThat(member.get("address").asText()).startsWith("127.0.0.1:"));
        }
    }

    @Nested
    class SharedDatabase {

        @Test
        void bothInstancesReportTheSameSystemStateStore() {
            // when
            List<String> storeIds = new ArrayList<>();
            for (MicroInstance instance : cluster.instances()) {
                storeIds.add(Http.get(instance.baseUrl() + "/api/cluster", Http.DEFAULT_ADMIN).json().get("database").get("storeId").asText());
            }

            // then
            assertThat(storeIds).hasSize(2).doesNotContainNull();
            assertThat(storeIds.get(0)).isEqualTo(storeIds.get(1));
            assertThat(database.queryLong("SELECT count(*) FROM evento_store_setting WHERE name = 'store.id'")).isEqualTo(1);
        }

        @Test
        void theEmptyDatabaseWasMigratedExactlyOnce() throws Exception {
            // then the history holds each version once, successful
            long versions = database.queryLong("SELECT count(DISTINCT version) FROM evento_schema_history WHERE version IS NOT NULL");
            assertThat(versions).isPositive();
            assertThat(database.queryLong("SELECT count(*) FROM evento_schema_history WHERE version IS NOT NULL")).isEqualTo(versions);
            assertThat(database.queryLong("SELECT count(*) FROM evento_schema_history WHERE NOT success")).isZero();

            // and exactly one instance applied them all, the other found them done
            List<String> applied = new ArrayList<>();
            for (MicroInstance instance : cluster.instances()) {
                String log = Files.readString(instance.logFile());
                assertThat(log).contains("Evento database ready");
                if (log.contains("(" + versions + " migrations applied by this instance")) {
                    applied.add(instance.spec().name());
                } else {
                    assertThat(log).contains("(0 migrations applied by this instance");
                }
            }
            assertThat(applied).hasSize(1);
        }
    }
}
