package io.evento.server.catalog;

import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.HandlerInfo;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.PayloadInfo;
import io.evento.server.catalog.CatalogEntries.ComponentRef;
import io.evento.server.catalog.CatalogEntries.Payload;
import io.evento.server.routing.ConnectionRoutes;
import io.evento.server.telemetry.SendKey;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogViewTest {

    private static HandlerInfo handler(String payload, MessageKind kind, String returns) {
        return new HandlerInfo(payload, kind, returns, false, null, List.of(), List.of());
    }

    private static Registration orders(long version, String aggregateDescription) {
        return new Registration("orders", version, List.of(
                new ComponentInfo("OrderAggregate", ComponentKind.AGGREGATE, version, List.of(
                        handler("PlaceOrder", MessageKind.DOMAIN_COMMAND, "OrderPlaced"),
                        handler("OrderPlaced", MessageKind.DOMAIN_EVENT, null)), aggregateDescription),
                new ComponentInfo("OrderProjection", ComponentKind.PROJECTION, version, List.of(
                        handler("GetOrder", MessageKind.QUERY, "OrderView")), null)),
                List.of(new PayloadInfo("PlaceOrder", MessageKind.DOMAIN_COMMAND, "sales", null, "places an order")),
                Instant.ofEpochSecond(version));
    }

    private static final ConnectionRoutes CONNECTED = new ConnectionRoutes("c1", "member-a", "orders", 2, "orders-1", true, 0, List.of());

    private static Payload payload(CatalogView view, String name) {
        return view.payloads().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Nested
    class Payloads {

        private final CatalogView view = CatalogView.build(List.of(orders(1, null), orders(2, null)), Map.of(), List.of(CONNECTED),
                Map.of("member-a", "server-1"), Map.of(new SendKey("web", "WebInvoker", "", "PlaceOrder"), 3L));

        @Test
        void carryWhatTheBundleDescribedAndWhoHandlesAndSendsThem() {
            Payload command = payload(view, "PlaceOrder");
            assertThat(command.kind()).isEqualTo(MessageKind.DOMAIN_COMMAND);
            assertThat(command.domain()).isEqualTo("sales");
            assertThat(command.description()).isEqualTo("places an order");
            assertThat(command.handledBy()).containsExactly(new ComponentRef("orders", "OrderAggregate", ComponentKind.AGGREGATE));
            assertThat(command.sentBy()).containsExactly(new ComponentRef("web", "WebInvoker", null));
        }

        @Test
        void whatAHandlerReturnsIsListedWithTheKindItMustHave() {
            assertThat(payload(view, "OrderPlaced").kind()).isEqualTo(MessageKind.DOMAIN_EVENT);
            assertThat(payload(view, "OrderPlaced").sentBy()).extracting(ComponentRef::component).containsExactly("OrderAggregate");
            assertThat(payload(view, "OrderView").kind()).isEqualTo(MessageKind.VIEW);
            assertThat(payload(view, "OrderView").handledBy()).isEmpty();
        }

        @Test
        void anAdministratorsDescriptionWins() {
            CatalogView described = CatalogView.build(List.of(orders(1, "from code")),
                    Map.of(SubjectKind.PAYLOAD, Map.of("PlaceOrder", "edited"), SubjectKind.COMPONENT, Map.of("orders/OrderAggregate", "kept")),
                    List.of(), Map.of(), Map.of());
            assertThat(payload(described, "PlaceOrder").description()).isEqualTo("edited");
            assertThat(described.componentsByKey().get("orders/OrderAggregate").description()).isEqualTo("kept");
        }
    }

    @Nested
    class BundlesAndComponents {

        @Test
        void theLatestVersionDescribesTheBundleAndItsInstancesNameTheirServer() {
            CatalogView view = CatalogView.build(List.of(orders(2, "v2"), orders(1, "v1")), Map.of(), List.of(CONNECTED),
                    Map.of("member-a", "server-1"), Map.of());

            var bundle = view.bundles().get(0);
            assertThat(bundle.version()).isEqualTo(2);
            assertThat(bundle.versions()).containsExactlyInAnyOrder(1L, 2L);
            assertThat(bundle.instances()).singleElement().satisfies(i -> {
                assertThat(i.instanceId()).isEqualTo("orders-1");
                assertThat(i.server()).isEqualTo("server-1");
            });
            var aggregate = view.componentsByKey().get("orders/OrderAggregate");
            assertThat(aggregate.description()).isEqualTo("v2");
            assertThat(aggregate.instances()).isEqualTo(1);
            assertThat(aggregate.handlers()).extracting(CatalogEntries.Handler::payload).containsExactly("PlaceOrder", "OrderPlaced");
        }

        @Test
        void aComponentListsWhatItWasSeenSending() {
            CatalogView view = CatalogView.build(List.of(orders(1, null)), Map.of(), List.of(), Map.of(),
                    Map.of(new SendKey("orders", "OrderProjection", "GetOrder", "GetCustomer"), 1L));
            assertThat(view.componentsByKey().get("orders/OrderProjection").sends()).containsExactly("GetCustomer");
            assertThat(view.componentsByKey().get("orders/OrderProjection").instances()).isZero();
        }
    }
}
