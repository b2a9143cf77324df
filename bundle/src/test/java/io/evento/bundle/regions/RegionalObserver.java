package io.evento.bundle.regions;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Observer;
import io.evento.bundle.api.EventInfo;
import io.evento.bundle.regions.RegionMessages.SaleRecorded;
import io.evento.bundle.regions.RegionMessages.ShopOpened;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads two context patterns, so it runs as two consumers: {@code eu*} and {@code us}. Notes {@code context/id}. */
@Observer(context = {"eu*", "us"})
public class RegionalObserver {

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
