package io.evento.bundle.cdi;

import io.evento.payara.database.ThrowawayDatabase;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.json.RawJson;
import io.evento.server.testing.BusClient;
import io.evento.server.testing.Http;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CDI extension in bundle WARs on Payara Micro (Arquillian payara-micro-managed, the loopback
 * recipe), connected to a real Evento Server: components found and made beans with their
 * dependencies injected, gateways injected, the bundle's readiness, a bad handler failing the
 * deployment with the method's name, and a graceful stop that lets an invocation in flight finish.
 * One flat class: Arquillian injects the deployment URL only into the top-level test instance.
 */
@ExtendWith({EventoServer.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundleCdiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(name = "counter", testable = false, order = 1)
    static WebArchive counter() {
        return BundleWars.war("counter", "cdi-counter", "io.evento.bundle.cdi.app");
    }

    @Deployment(name = "draining", testable = false, managed = false)
    static WebArchive draining() {
        return BundleWars.war("draining", "cdi-draining", "io.evento.bundle.cdi.drain");
    }

    @Deployment(name = "broken", testable = false, managed = false)
    static WebArchive broken() {
        return BundleWars.war("broken", "cdi-broken", "io.evento.bundle.cdi.bad");
    }

    @Deployment(name = "ledger", testable = false, managed = false)
    static WebArchive ledger() {
        return BundleWars.war("ledger", "cdi-ledger", List.of("evento.bundle.instance-id=ledger-1",
                        "evento.bundle.state-store.jndi=jdbc/evento", "ledger.crash.marker=" + LEDGER_CRASH_MARKER),
                "io.evento.bundle.cdi.ledger").addAsResource("ledger/persistence.xml", "META-INF/persistence.xml");
    }

    /** While this file exists, the ledger projector halts its JVM between an entry's entity update and the commit. */
    private static final Path LEDGER_CRASH_MARKER = Path.of("target/ledger-crash-marker").toAbsolutePath();

    @ArquillianResource
    URL base;

    /**
     * The payara-micro-managed connector runs each deployment in a process of its own but stops only
     * the one it started last, so the managed counter deployment's process would outlive the tests
     * once another deployment ran: stop it here (the connector's own stop at the end then finds the
     * last process already gone).
     */
    @AfterAll
    static void stopTheCounterProcess() {
        ProcessHandle.current().descendants().filter(process -> commandLine(process).contains("/deployments/counter.war"))
                .forEach(ProcessHandle::destroy);
    }

    /** The whole command line (the JDK's {@code ProcessHandle.Info} may cut a long one short). */
    private static String commandLine(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return process.info().commandLine().orElse("");
        }
    }

    @ArquillianResource
    Deployer deployer;

    private String url(String path) {
        return (base.toString().endsWith("/") ? base.toString() : base + "/") + path;
    }

    /** Payara Micro serves health at its root, not under the application's context root. */
    private String health() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/health/ready";
    }

    @Test
    @Order(1)
    void componentsAreBeansWithTheirDependenciesAndGatewaysInjected() {
        // given the counter bundle ready
        await().atMost(WAIT).until(() -> Http.get(health()).status() == 200);
        String counter = "c-" + UUID.randomUUID().toString().substring(0, 8);

        // when the REST resource sends commands through its injected gateway
        Http.Response created = Http.call("POST", url("probe/create/" + counter), null, null);
        Http.Response first = Http.call("POST", url("probe/increment/" + counter), null, null);
        Http.Response second = Http.call("POST", url("probe/increment/" + counter), null, null);

        // then the aggregate (its Greeter injected by CDI) handled them, and the projector (its bean injected) saw them
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.body()).isEqualTo("hello " + counter);
        assertThat(first.body()).isEqualTo("1 hello " + counter);
        assertThat(second.body()).isEqualTo("2 hello " + counter);
        await().atMost(WAIT).until(() -> Http.get(url("probe/seen")).body().contains(counter + "=2"));
        assertThat(Http.get(url("probe/seen")).body()).contains(counter + "=0").contains(counter + "=1");
        // each command sent from the resource (outside any handler) started its own correlation
        assertThat(Http.get(url("probe/correlations/" + counter)).body()).startsWith("3 ");
    }

    @Test
    @Order(1)
    void aTrackMethodOfAnInvokerStartsOneTraceForEverythingItSends() {
        // given the counter bundle ready
        await().atMost(WAIT).until(() -> Http.get(health()).status() == 200);
        String counter = "t-" + UUID.randomUUID().toString().substring(0, 8);

        // when one @Track method sends two commands
        Http.Response tracked = Http.call("POST", url("probe/tracked/" + counter), null, null);

        // then both events carry one correlation: the tracked call's
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
        assertThat(tracked.body()).isEqualTo("1");
        await().atMost(WAIT).until(() -> Http.get(url("probe/seen")).body().contains(counter + "=1"));
        assertThat(Http.get(url("probe/correlations/" + counter)).body()).startsWith("1 ").doesNotContain("null");
        // and the application's interceptor bean ran around the tracked call and the handlers
        assertThat(Http.get(url("probe/handled")).body()).contains("INVOKER CounterDesk createAndIncrement")
                .contains("AGGREGATE CounterAggregate CreateCounter").contains("PROJECTOR CounterProjector Incremented");
    }

    @Test
    @Order(2)
    void theBundleIsReadyAndKnownToTheServer() {
        // when
        Http.Response ready = Http.get(health());
        Http.Response bundle = Http.get(EventoServer.url() + "/api/catalog/bundles/cdi-counter", Http.DEFAULT_ADMIN);

        // then
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("\"name\":\"evento-bundle\",\"status\":\"UP\"")
                .contains("\"server\":\"" + EventoServer.url().replace("http://", "ws://") + "/bus\"").contains("\"consumersBehind\":\"0\"");
        assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
        assertThat(bundle.body()).contains("\"components\":3").contains("\"enabled\":true");
        assertThat(Http.get(EventoServer.url() + "/api/catalog/components?bundle=cdi-counter", Http.DEFAULT_ADMIN).body())
                .contains("CounterAggregate").contains("CounterProjector").contains("CounterDesk");
    }

    @Test
    @Order(3)
    void aBadHandlerFailsTheDeploymentNamingTheMethod() {
        // given the container's output (it prints Payara Micro's log) captured
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeOutputStream(original, captured), true, StandardCharsets.UTF_8));
        try {
            // when
            try {
                deployer.deploy("broken");
            } catch (RuntimeException e) {
                // the connector may or may not report the failed deployment itself
            }
        } finally {
            System.setOut(original);
        }

        // then CDI refused the application with the bundle's message, and nothing was deployed
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("CDI definition failure").contains("Evento: invalid components")
                .contains("BrokenAggregate.handlesNothing: the first parameter must be the DomainCommand it handles");
        assertThat(log).doesNotContain("Evento bundle cdi-broken started");
        assertThat(Http.get(EventoServer.url() + "/api/catalog/bundles/cdi-broken", Http.DEFAULT_ADMIN).status()).isEqualTo(404);
        try {
            deployer.undeploy("broken");
        } catch (RuntimeException e) {
            // nothing to stop
        }
    }

    /** Writes to two streams. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }

    @Test
    @Order(4)
    void stoppingTheApplicationLetsAnInvocationInFlightFinish() throws Exception {
        // given a second bundle WAR, and a caller on the server
        deployer.deploy("draining");
        await().atMost(WAIT).until(() -> Http.get(EventoServer.url() + "/api/catalog/bundles/cdi-draining", Http.DEFAULT_ADMIN).status() == 200);
        try (BusClient caller = BusClient.register(EventoServer.url(), EventoServer.TOKEN, "cdi-caller", "caller-1",
                List.of(new ComponentInfo("Caller", ComponentKind.INVOKER, 1, List.of(), null)), 0).keepAlive(Duration.ofSeconds(1))) {
            // when a command that takes six seconds (longer than Payara Micro takes to stop without waiting) runs and the application stops
            String job = "slow-" + UUID.randomUUID().toString().substring(0, 8);
            CompletableFuture<Frame> answer = CompletableFuture.supplyAsync(() -> caller.request(new SendCommand(UUID.randomUUID().toString(),
                    MessageKind.DOMAIN_COMMAND, "RunSlowly", RawJson.of("{\"jobId\":\"" + job + "\",\"millis\":6000}"), null, job, null,
                    20_000, "Caller"), WAIT));
            Thread.sleep(1000);
            deployer.undeploy("draining");

            // then the command's answer came before the bundle left
            assertThat(answer.get()).isInstanceOfSatisfying(CommandResult.class, result -> assertThat(result.event().sequence()).isEqualTo(1));
        }
    }

    @Test
    @Order(5)
    void aJpaProjectorAppliesEveryEventOnceAcrossACrashBetweenItsUpdateAndTheCommit() throws Exception {
        // given the ledger bundle: a projector writing JPA entities in the JTA transaction of its position
        Files.deleteIfExists(LEDGER_CRASH_MARKER);
        deployer.deploy("ledger");
        try (BusClient caller = BusClient.register(EventoServer.url(), EventoServer.TOKEN, "cdi-ledger-caller", "caller-2",
                List.of(new ComponentInfo("Caller", ComponentKind.INVOKER, 1, List.of(), null)), 0).keepAlive(Duration.ofSeconds(1))) {
            String ledger = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
            await().atMost(WAIT).until(() -> ledgerCommand(caller, "OpenLedger", ledger) instanceof CommandResult);
            assertThat(ledgerCommand(caller, "AddEntry", ledger)).isInstanceOf(CommandResult.class);
            await().atMost(WAIT).until(() -> "1 1".equals(ledgerRow(ledger)));

            // when the projector crashes (the JVM halts) after updating the entity for the second entry, before the commit
            Files.createFile(LEDGER_CRASH_MARKER);
            assertThat(ledgerCommand(caller, "AddEntry", ledger)).isInstanceOf(CommandResult.class);
            await().atMost(WAIT).until(() -> !Files.exists(LEDGER_CRASH_MARKER));

            // then the update did not survive, and once the bundle is back the entry is applied exactly once
            assertThat(ledgerRow(ledger)).isEqualTo("1 1");
            deployer.undeploy("ledger");
            deployer.deploy("ledger");
            await().atMost(WAIT).until(() -> "2 2".equals(ledgerRow(ledger)));
            await().atMost(WAIT).until(() -> ledgerCommand(caller, "AddEntry", ledger) instanceof CommandResult);
            await().atMost(WAIT).until(() -> "3 3".equals(ledgerRow(ledger)));
        } finally {
            Files.deleteIfExists(LEDGER_CRASH_MARKER);
            deployer.undeploy("ledger");
        }
    }

    private static Frame ledgerCommand(BusClient caller, String type, String ledger) {
        return caller.request(new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, type,
                RawJson.of("{\"ledgerId\":\"" + ledger + "\"}"), null, ledger, null, 10_000, "Caller"), WAIT);
    }

    /** "lastNumber applied" of the ledger's row in the read model (the Arquillian container's database), or null. */
    private static String ledgerRow(String ledger) throws Exception {
        try (Connection connection = DriverManager.getConnection(System.getProperty("evento.arquillian.database"),
                ThrowawayDatabase.user(), ThrowawayDatabase.password());
             PreparedStatement select = connection.prepareStatement("SELECT last_number, applied FROM cdi_it_ledger WHERE ledger_id = ?")) {
            select.setString(1, ledger);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) + " " + rows.getLong(2) : null;
            }
        } catch (java.sql.SQLException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
