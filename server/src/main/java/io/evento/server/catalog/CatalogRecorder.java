package io.evento.server.catalog;

import io.evento.server.catalog.jdbc.CatalogStore;
import io.evento.server.connection.BundleRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

/** Records every accepted registration in the catalog store, off the connection's thread (an asynchronous CDI event). */
@ApplicationScoped
public class CatalogRecorder {

    private static final System.Logger LOG = System.getLogger(CatalogRecorder.class.getName());

    private CatalogStore store;

    protected CatalogRecorder() {
        // for the CDI client proxy
    }

    @Inject
    public CatalogRecorder(CatalogStore store) {
        this.store = store;
    }

    void registered(@ObservesAsync BundleRegistered registered) {
        try {
            store.register(registered.hello());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the registration of bundle " + registered.hello().bundleId()
                    + " was not recorded in the catalog: " + e.getMessage());
        }
    }
}
