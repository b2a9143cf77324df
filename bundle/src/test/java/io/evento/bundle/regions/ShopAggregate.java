package io.evento.bundle.regions;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.api.AggregateState;
import io.evento.bundle.regions.RegionMessages.OpenShop;
import io.evento.bundle.regions.RegionMessages.ShopOpened;

/** A shop whose events its handler puts in the context {@code eu-shops}. */
@Aggregate
public class ShopAggregate {

    public record Shop(String shopId) implements AggregateState {
    }

    @AggregateCommandHandler(init = true, context = "eu-shops")
    ShopOpened handle(OpenShop command) {
        return new ShopOpened(command.shopId());
    }

    @EventSourcingHandler
    Shop on(ShopOpened event) {
        return new Shop(event.shopId());
    }
}
