package io.evento.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** What names the bundle to describe: its artifact, and the id and version if it does not declare them. */
final class BundleOptions {

    @Parameters(index = "0", paramLabel = "ARTIFACT", description = "the bundle's jar or war")
    Path artifact;

    @Option(names = "--bundle-id", description = "the bundle id (default: evento.bundle.id of its microprofile-config.properties)")
    String bundleId;

    @Option(names = "--bundle-version", description = "the bundle version (default: evento.bundle.version there, else 1)")
    Long bundleVersion;
}
