package io.evento.server.flow;

import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.HandlerInfo;
import io.evento.protocol.frame.MessageKind;
import io.evento.server.catalog.CatalogView;
import io.evento.server.catalog.Registration;
import io.evento.server.telemetry.HandlerWindow;
import io.evento.server.telemetry.SendKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The performance evaluation on hand-made telemetry: capacities are {@code servers·1000 / (ratio·mean)}
 * and the flow is bounded by the smallest.
 */
class FlowModelTest {

    // shop: an invoker sends PlaceOrder to OrderAggregate (returns OrderPlaced); OrderProjector and
    // ShippingSaga consume OrderPlaced; the saga sends ShipOrder (a service command) to ShippingService
    private static final Registration SHOP = new Registration("shop", 1, List.of(
            new ComponentInfo("ShopInvoker", ComponentKind.INVOKER, 1, List.of(), null),
            new ComponentInfo("OrderAggregate", ComponentKind.AGGREGATE, 1, List.of(
                    handler("PlaceOrder", MessageKind.DOMAIN_COMMAND, "OrderPlaced"),
                    handler("OrderPlaced", MessageKind.DOMAIN_EVENT, null)), null),
            new ComponentInfo("OrderProjector", ComponentKind.PROJECTOR, 1, List.of(handler("OrderPlaced", MessageKind.DOMAIN_EVENT, null)), null),
            new ComponentInfo("ShippingSaga", ComponentKind.SAGA, 1, List.of(handler("OrderPlaced", MessageKind.DOMAIN_EVENT, null)), null)),
            List.of(), Instant.EPOCH);
    private static final Registration SHIPPING = new Registration("shipping", 1, List.of(
            new ComponentInfo("ShippingService", ComponentKind.SERVICE, 1, List.of(handler("ShipOrder", MessageKind.SERVICE_COMMAND, null)), null)),
            List.of(), Instant.EPOCH);

    private static HandlerInfo handler(String payload, MessageKind kind, String returns) {
        return new HandlerInfo(payload, kind, returns, false, null, List.of(), List.of());
    }

    private static HandlerWindow measured(String bundle, String component, String payload, long invocations, long failures, double mean) {
        return new HandlerWindow(bundle, component, payload, invocations, failures, mean, mean, invocations / 60.0);
    }

    private static final Map<SendKey, Long> SENDS = Map.of(
            new SendKey("shop", "ShopInvoker", "", "PlaceOrder"), 100L,
            new SendKey("shop", "ShippingSaga", "OrderPlaced", "ShipOrder"), 50L);

    private static Flow placeOrder(List<HandlerWindow> windows, Map<String, Integer> instances) {
        CatalogView catalog = CatalogView.build(List.of(SHOP, SHIPPING), Map.of(), List.of(), Map.of(), SENDS);
        return new FlowModel(catalog, windows, SENDS, instances).flows().stream().filter(f -> f.root().equals("PlaceOrder"))
                .findFirst().orElseThrow();
    }

    private static FlowStep step(Flow flow, String component) {
        List<FlowStep> all = new ArrayList<>();
        flow.steps().forEach(s -> collect(s, all));
        return all.stream().filter(s -> s.component().equals(component)).findFirst().orElseThrow();
    }

    private static void collect(FlowStep step, List<FlowStep> into) {
        into.add(step);
        step.next().forEach(n -> collect(n, into));
    }

    @Nested
    class WithEveryHandlerMeasured {

        private final List<HandlerWindow> windows = List.of(
                measured("shop", "OrderAggregate", "PlaceOrder", 100, 0, 20),
                measured("shop", "OrderProjector", "OrderPlaced", 100, 0, 50),
                measured("shop", "ShippingSaga", "OrderPlaced", 100, 0, 5),
                measured("shipping", "ShippingService", "ShipOrder", 50, 0, 30));

        @Test
        void theSlowestConsumerIsTheBottleneck() {
            // when two shop instances and one shipping instance are connected
            Flow flow = placeOrder(windows, Map.of("shop", 2, "shipping", 1));

            // then: aggregate 2·1000/20 = 100/s, projector 1·1000/50 = 20/s, saga 200/s, service 1000/(0.5·30) = 66.7/s
            assertThat(step(flow, "OrderAggregate").capacity()).isCloseTo(100.0, within(1e-9));
            assertThat(step(flow, "OrderProjector").capacity()).isCloseTo(20.0, within(1e-9));
            assertThat(step(flow, "OrderProjector").servers()).isEqualTo(1);
            assertThat(step(flow, "ShippingSaga").capacity()).isCloseTo(200.0, within(1e-9));
            assertThat(step(flow, "ShippingService").ratio()).isCloseTo(0.5, within(1e-9));
            assertThat(step(flow, "ShippingService").capacity()).isCloseTo(1000.0 / 15, within(1e-9));
            assertThat(flow.throughput()).isCloseTo(20.0, within(1e-9));
            assertThat(flow.bottleneck()).isEqualTo("shop/OrderAggregate#PlaceOrder > shop/OrderProjector#OrderPlaced");
            assertThat(flow.senders()).containsExactly("shop/ShopInvoker");
        }

        @Test
        void moreInstancesMoveTheBottleneckOnlyForNonConsumers() {
            // when the shop has one instance, the aggregate (1000/20 = 50/s) still beats the projector (20/s)
            Flow one = placeOrder(windows, Map.of("shop", 1, "shipping", 1));
            // and with a slow service on one instance, the service becomes the bottleneck
            List<HandlerWindow> slowService = new ArrayList<>(windows.subList(0, 3));
            slowService.add(measured("shipping", "ShippingService", "ShipOrder", 50, 0, 200));
            Flow slow = placeOrder(slowService, Map.of("shop", 1, "shipping", 1));
            Flow scaled = placeOrder(slowService, Map.of("shop", 1, "shipping", 4));

            // then
            assertThat(one.throughput()).isCloseTo(20.0, within(1e-9));
            assertThat(slow.bottleneck()).endsWith("shipping/ShippingService#ShipOrder");
            assertThat(slow.throughput()).isCloseTo(1000.0 / (0.5 * 200), within(1e-9));
            assertThat(scaled.bottleneck()).endsWith("shop/OrderProjector#OrderPlaced");
            assertThat(scaled.throughput()).isCloseTo(20.0, within(1e-9));
        }

        @Test
        void theServiceCommandIsNotARootOfItsOwn() {
            CatalogView catalog = CatalogView.build(List.of(SHOP, SHIPPING), Map.of(), List.of(), Map.of(), SENDS);
            List<Flow> flows = new FlowModel(catalog, windows, SENDS, Map.of("shop", 1, "shipping", 1)).flows();
            assertThat(flows).extracting(Flow::root).containsExactly("PlaceOrder");
        }
    }

    @Nested
    class WithFailuresAndGaps {

        @Test
        void failedCommandsLowerWhatReachesTheConsumers() {
            // given half the commands rejected: only 50 events per 100 commands
            List<HandlerWindow> windows = List.of(
                    measured("shop", "OrderAggregate", "PlaceOrder", 100, 50, 20),
                    measured("shop", "OrderProjector", "OrderPlaced", 50, 0, 50));

            // when
            Flow flow = placeOrder(windows, Map.of("shop", 1));

            // then the projector runs 0.5 times per command: 1000 / (0.5·50) = 40/s; the aggregate 50/s
            assertThat(step(flow, "OrderProjector").ratio()).isCloseTo(0.5, within(1e-9));
            assertThat(flow.throughput()).isCloseTo(40.0, within(1e-9));
            assertThat(flow.bottleneck()).endsWith("OrderProjector#OrderPlaced");
        }

        @Test
        void unmeasuredHandlersHaveNoCapacityAndDoNotBoundTheFlow() {
            // given only the aggregate measured
            Flow flow = placeOrder(List.of(measured("shop", "OrderAggregate", "PlaceOrder", 10, 0, 25)), Map.of("shop", 1));

            // then
            assertThat(step(flow, "OrderProjector").capacity()).isNull();
            assertThat(flow.throughput()).isCloseTo(40.0, within(1e-9));
            assertThat(flow.bottleneck()).isEqualTo("shop/OrderAggregate#PlaceOrder");
        }

        @Test
        void nothingMeasuredGivesNoEvaluation() {
            Flow flow = placeOrder(List.of(), Map.of("shop", 1));
            assertThat(flow.throughput()).isNull();
            assertThat(flow.bottleneck()).isNull();
            assertThat(step(flow, "OrderProjector").ratio()).isEqualTo(1.0);
        }

        @Test
        void aBundleWithNoInstanceConnectedSustainsNothing() {
            List<HandlerWindow> windows = List.of(measured("shop", "OrderAggregate", "PlaceOrder", 10, 0, 25));
            Flow flow = placeOrder(windows, Map.of());
            assertThat(flow.throughput()).isZero();
        }
    }

    @Nested
    class WithCycles {

        @Test
        void aCommandThatLeadsBackToItselfEndsTheBranch() {
            // given a saga that answers PingDone with another Ping
            Registration loop = new Registration("loop", 1, List.of(
                    new ComponentInfo("PingAggregate", ComponentKind.AGGREGATE, 1, List.of(handler("Ping", MessageKind.DOMAIN_COMMAND, "Pinged")), null),
                    new ComponentInfo("PingSaga", ComponentKind.SAGA, 1, List.of(handler("Pinged", MessageKind.DOMAIN_EVENT, null)), null)),
                    List.of(), Instant.EPOCH);
            Map<SendKey, Long> sends = Map.of(new SendKey("loop", "PingSaga", "Pinged", "Ping"), 10L,
                    new SendKey("loop", "PingInvoker", "", "Ping"), 10L);
            CatalogView catalog = CatalogView.build(List.of(loop), Map.of(), List.of(), Map.of(), sends);

            // when
            List<Flow> flows = new FlowModel(catalog, List.of(), sends, Map.of("loop", 1)).flows();

            // then the saga's Ping does not expand into the aggregate again
            assertThat(flows).hasSize(1);
            FlowStep aggregate = flows.get(0).steps().get(0);
            FlowStep saga = aggregate.next().get(0);
            assertThat(aggregate.component()).isEqualTo("PingAggregate");
            assertThat(saga.component()).isEqualTo("PingSaga");
            assertThat(saga.next()).isEmpty();
        }
    }
}
