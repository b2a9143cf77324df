package io.evento.bundle.model;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.annotation.Projection;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.annotation.QueryHandler;
import io.evento.bundle.annotation.Saga;
import io.evento.bundle.annotation.SagaEventHandler;
import io.evento.bundle.api.AggregateState;
import io.evento.bundle.api.SagaState;
import io.evento.bundle.sample.Messages.AccountOpened;
import io.evento.bundle.sample.Messages.AccountView;
import io.evento.bundle.sample.Messages.GetAccount;
import io.evento.bundle.sample.Messages.OpenAccount;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.ComponentKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComponentModelTest {

    record State() implements AggregateState {
    }

    record Nothing() implements io.evento.bundle.api.View {
    }

    @Aggregate
    static class TwoHandlers {
        @AggregateCommandHandler(init = true)
        AccountOpened a(OpenAccount c) {
            return null;
        }

        @AggregateCommandHandler(init = true)
        AccountOpened b(OpenAccount c) {
            return null;
        }

        @EventSourcingHandler
        State on(AccountOpened e) {
            return new State();
        }
    }

    @Projector
    static class NoPayload {
        @EventHandler
        void on(String notAnEvent) {
        }
    }

    @Projection
    static class WrongView {
        @QueryHandler
        Nothing handle(GetAccount query) {
            return null;
        }
    }

    @Saga
    static class WrongAssociation {
        record S() implements SagaState {
        }

        @SagaEventHandler(associationProperty = "userId", init = true)
        S on(AccountOpened event, S state) {
            return state;
        }
    }

    @Projector
    static class NegativeRetries {
        @EventHandler(retries = -2, retryDelayMillis = -5)
        void on(AccountOpened event) {
        }
    }

    @Projector
    static class EndlessRetries {
        @EventHandler(retries = -1)
        void on(AccountOpened event) {
        }
    }

    @Projector(context = {"eu*", "us", "*"})
    static class ThreeContexts {
        @EventHandler
        void on(AccountOpened event) {
        }
    }

    @Projector(context = {"e*u", "", "us", "us", "a:b"})
    static class BadContexts {
        @EventHandler
        void on(AccountOpened event) {
        }
    }

    @Aggregate
    static class BadEventContext {
        @AggregateCommandHandler(init = true, context = "eu*")
        AccountOpened handle(OpenAccount command) {
            return new AccountOpened(command.accountId(), command.owner());
        }

        @EventSourcingHandler
        State on(AccountOpened event) {
            return new State();
        }
    }

    @Nested
    class Contexts {

        @Test
        void aConsumerReadingSeveralPatternsIsOneConsumerPerPattern() {
            // when
            Component component = ComponentModel.of(List.of(ThreeContexts.class)).components().get(0);

            // then
            assertThat(component.contexts()).containsExactly("eu*", "us", "*");
            assertThat(component.contexts()).extracting(c -> component.consumerId("b", c))
                    .containsExactly("b:ThreeContexts:1:eu*", "b:ThreeContexts:1:us", "b:ThreeContexts:1:*");
        }

        @Test
        void aConsumerDeclaringNoneReadsEveryContextAndOtherKindsReadNone() {
            ComponentModel model = ComponentModel.scan(getClass().getClassLoader(), List.of("io.evento.bundle.sample"));
            assertThat(model.components()).allSatisfy(c -> assertThat(c.contexts()).isEqualTo(c.isConsumer() ? List.of("*") : List.of()));
        }

        @Test
        void badPatternsAndDuplicatesFailStartUpNamingTheComponent() {
            assertThatThrownBy(() -> ComponentModel.of(List.of(BadContexts.class))).isInstanceOf(EventoException.class)
                    .hasMessageContaining("BadContexts: context 'e*u' contains '*'")
                    .hasMessageContaining("BadContexts: context must not be empty")
                    .hasMessageContaining("BadContexts: context 'us' is declared twice")
                    .hasMessageContaining("BadContexts: context 'a:b' contains ':'");
        }

        @Test
        void aHandlerDeclaringAPatternAsItsEventsContextFailsStartUpNamingTheMethod() {
            assertThatThrownBy(() -> ComponentModel.of(List.of(BadEventContext.class))).isInstanceOf(EventoException.class)
                    .hasMessageContaining("BadEventContext.handle(OpenAccount): context 'eu*' contains '*'");
        }

        @Test
        void anEventNamingItsContextWinsOverTheHandlersAndAnInvalidOneFails() {
            // given
            Handler handler = ComponentModel.of(List.of(io.evento.bundle.regions.ShopAggregate.class, io.evento.bundle.regions.SalesService.class))
                    .components().stream().flatMap(c -> c.handlers().values().stream()).filter(h -> h.payload().getSimpleName().equals("OpenShop"))
                    .findFirst().orElseThrow();
            Handler sales = ComponentModel.of(List.of(io.evento.bundle.regions.SalesService.class)).components().get(0).handlers().values()
                    .iterator().next();

            // then
            assertThat(handler.eventContext(new io.evento.bundle.regions.RegionMessages.ShopOpened("s"))).isEqualTo("eu-shops");
            assertThat(sales.eventContext(new io.evento.bundle.regions.RegionMessages.SaleRecorded("s", "us"))).isEqualTo("us");
            assertThat(sales.eventContext(new io.evento.bundle.regions.RegionMessages.SaleRecorded("s", null))).isNull();
            assertThatThrownBy(() -> sales.eventContext(new io.evento.bundle.regions.RegionMessages.SaleRecorded("s", "x:y")))
                    .isInstanceOf(EventoException.class).hasMessageContaining("SalesService.handle(RecordSale) returned SaleRecorded whose context");
        }
    }

    @Nested
    class InvalidDeclarations {

        @Test
        void retriesBelowMinusOneAndANegativeDelayAreNamed() {
            assertThatThrownBy(() -> ComponentModel.of(List.of(NegativeRetries.class))).isInstanceOf(EventoException.class)
                    .hasMessageContaining("NegativeRetries.on(AccountOpened): retries must be -1 (retry without end, blocking the consumer) or 0 or more, got -2")
                    .hasMessageContaining("NegativeRetries.on(AccountOpened): retryDelayMillis must not be negative, got -5");
        }

        @Test
        void retriesOfMinusOneAreAccepted() {
            assertThat(ComponentModel.of(List.of(EndlessRetries.class)).components().get(0).handlers().values())
                    .singleElement().satisfies(h -> assertThat(h.retries()).isEqualTo(-1));
        }

        @Test
        void twoHandlersForOnePayloadNameBothMethods() {
            assertThatThrownBy(() -> ComponentModel.of(List.of(TwoHandlers.class)))
                    .isInstanceOf(EventoException.class).hasMessageContaining("TwoHandlers: two handlers for OpenAccount: a and b");
        }

        @Test
        void aHandlerWithoutPayloadParameterIsNamed() {
            assertThatThrownBy(() -> ComponentModel.of(List.of(NoPayload.class)))
                    .hasMessageContaining("NoPayload.on: the first parameter must be the Event it handles");
        }

        @Test
        void aQueryHandlerReturningAnotherViewIsNamed() {
            assertThatThrownBy(() -> ComponentModel.of(List.of(WrongView.class)))
                    .hasMessageContaining("WrongView.handle(GetAccount): returns")
                    .hasMessageContaining("but the query asks for AccountView");
        }

        @Test
        void aSagaAssociationThatIsNotAPropertyOfTheEventIsNamed() {
            assertThatThrownBy(() -> ComponentModel.of(List.of(WrongAssociation.class)))
                    .hasMessageContaining("association property 'userId' is not a property of AccountOpened");
        }
    }

    @Nested
    class Scanning {

        @Test
        void findsEveryComponentOfThePackageWithItsKind() {
            ComponentModel model = ComponentModel.scan(getClass().getClassLoader(), List.of("io.evento.bundle.sample"));
            assertThat(model.components()).extracting(Component::name, Component::kind).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("AccountAggregate", ComponentKind.AGGREGATE),
                    org.assertj.core.groups.Tuple.tuple("AccountProjection", ComponentKind.PROJECTION),
                    org.assertj.core.groups.Tuple.tuple("AccountProjector", ComponentKind.PROJECTOR),
                    org.assertj.core.groups.Tuple.tuple("BankInvoker", ComponentKind.INVOKER),
                    org.assertj.core.groups.Tuple.tuple("LargeDepositObserver", ComponentKind.OBSERVER),
                    org.assertj.core.groups.Tuple.tuple("Notifier", ComponentKind.SERVICE),
                    org.assertj.core.groups.Tuple.tuple("WelcomeSaga", ComponentKind.SAGA));
            assertThat(model.payloads().classOf("AccountView")).isEqualTo(AccountView.class);
        }
    }
}
