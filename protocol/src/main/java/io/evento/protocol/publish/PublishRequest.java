package io.evento.protocol.publish;

/**
 * The body of {@code POST /api/published-bundles}.
 *
 * @param description  the bundle's description
 * @param artifactName the artifact's file name ({@code todo.war}, {@code tally.jar})
 * @param artifact     the artifact itself, base64 (a jar or war: a zip file)
 */
public record PublishRequest(BundleDescription description, String artifactName, String artifact) {
}
