package io.evento.bundle.cdi.ledger;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.cdi.ledger.LedgerAggregate.EntryAdded;
import io.evento.bundle.cdi.ledger.LedgerAggregate.LedgerOpened;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Projects ledgers into {@link LedgerRow} entities through the container's EntityManager (the
 * consumer's JTA transaction). When the crash marker file exists, it deletes it and halts the JVM
 * right after flushing an entry's update: a crash between the entity update and the commit.
 */
@Projector(version = 1)
public class LedgerTable {

    /** The MicroProfile Config key of the crash marker file's path (none: never crash). */
    static final String CRASH_MARKER = "ledger.crash.marker";

    @PersistenceContext(unitName = "ledger")
    EntityManager entities;

    @EventHandler
    void on(LedgerOpened event) {
        entities.persist(new LedgerRow(event.ledgerId()));
    }

    @EventHandler
    void on(EntryAdded event) throws Exception {
        LedgerRow row = entities.find(LedgerRow.class, event.ledgerId());
        row.apply(event.number());
        entities.flush();
        String marker = ConfigProvider.getConfig().getOptionalValue(CRASH_MARKER, String.class).orElse(null);
        if (marker != null && Files.deleteIfExists(Path.of(marker))) {
            Runtime.getRuntime().halt(137);
        }
    }
}
