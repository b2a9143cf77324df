package io.evento.server.catalog;

import io.evento.server.catalog.jpa.CatalogStore;
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

    /**
     * Two instances of a bundle version saying hello at once through two servers may both insert its
     * row; the loser's transaction fails on the key, and the second attempt finds the row and updates it.
     */
    void registered(@ObservesAsync BundleRegistered registered) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.register(registered.hello());
                return;
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    LOG.log(System.Logger.Level.WARNING, "the registration of bundle " + registered.hello().bundleId()
                            + " was not recorded in the catalog: " + e.getMessage());
                    return;
                }
            }
        }
    }
}
