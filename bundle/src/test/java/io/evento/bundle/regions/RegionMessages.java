package io.evento.bundle.regions;

import io.evento.bundle.api.ContextualEvent;
import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;
import io.evento.bundle.api.ServiceCommand;
import io.evento.bundle.api.ServiceEvent;

/** The payloads of the context tests. */
public final class RegionMessages {

    private RegionMessages() {
    }

    /** Records a sale in a region; the event names the region as its context. */
    public record RecordSale(String saleId, String context) implements ServiceCommand {
    }

    public record SaleRecorded(String saleId, String context) implements ServiceEvent, ContextualEvent {
    }

    /** Opens a shop; its handler stores the event in the context {@code eu-shops}. */
    public record OpenShop(String shopId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return shopId;
        }
    }

    public record ShopOpened(String shopId) implements DomainEvent {
    }
}
