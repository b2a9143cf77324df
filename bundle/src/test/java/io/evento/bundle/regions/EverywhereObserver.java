package io.evento.bundle.regions;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Observer;
import io.evento.bundle.api.EventInfo;
import io.evento.bundle.regions.RegionMessages.SaleRecorded;
import io.evento.bundle.regions.RegionMessages.ShopOpened;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads every context (the default {@code *}). Notes {@code context/id}. */
@Observer
public class EverywhereObserver {

    public final List<String> seen = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(SaleRecorded event, EventInfo info) {
        seen.add(info.context() + "/" + event.saleId());
    }

    @EventHandler
    void on(ShopOpened event, EventInfo info) {
        seen.add(info.context() + "/" + event.shopId());
    }
}
