package io.evento.server.publishing;

import java.time.Instant;

/**
 * One published version of a bundle, without its artifact and description.
 *
 * @param bundleId       the bundle
 * @param bundleVersion  the version
 * @param artifactName   the artifact's file name
 * @param artifactBytes  its size
 * @param artifactSha256 its SHA-256, hex
 * @param components     how many components its description lists
 * @param publishedBy    who published it
 * @param publishedAt    when
 * @param settings       how the server may run it
 */
public record PublishedBundle(String bundleId, long bundleVersion, String artifactName, long artifactBytes, String artifactSha256,
                              int components, String publishedBy, Instant publishedAt, RunSettings settings) {
}
