package io.evento.server.publishing.jpa;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of both tables: bundle id and version. */
public class BundleKey implements Serializable {

    private String bundleId;
    private long bundleVersion;

    public BundleKey() {
        // for the provider
    }

    BundleKey(String bundleId, long bundleVersion) {
        this.bundleId = bundleId;
        this.bundleVersion = bundleVersion;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BundleKey key && key.bundleId.equals(bundleId) && key.bundleVersion == bundleVersion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundleId, bundleVersion);
    }
}
