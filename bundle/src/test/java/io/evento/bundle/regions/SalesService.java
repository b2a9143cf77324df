package io.evento.bundle.regions;

import io.evento.bundle.annotation.CommandHandler;
import io.evento.bundle.annotation.Service;
import io.evento.bundle.regions.RegionMessages.RecordSale;
import io.evento.bundle.regions.RegionMessages.SaleRecorded;

/** Records sales; each event carries the region's context. */
@Service
public class SalesService {

    @CommandHandler
    SaleRecorded handle(RecordSale command) {
        return new SaleRecorded(command.saleId(), command.context());
    }
}
