package io.evento.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code evento describe ARTIFACT}: prints the description {@code publish} would upload, as JSON. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Prints the bundle's description (components, handlers, payloads, what each handler sends) as JSON.")
final class DescribeCommand implements Callable<Integer> {

    @Mixin
    BundleOptions bundle = new BundleOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(Json.pretty(BundleReader.describe(bundle.artifact, bundle.bundleId, bundle.bundleVersion)));
        return 0;
    }
}
