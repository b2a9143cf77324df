package io.evento.cli;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code evento update-version}: raises {@code evento.bundle.version} where the bundle declares it
 * (its {@code microprofile-config.properties}), by one or to a given version, keeping the rest of
 * the file as it is.
 */
@Command(name = "update-version", mixinStandardHelpOptions = true,
        description = "Raises the bundle version its microprofile-config.properties declares (evento.bundle.version).")
final class UpdateVersionCommand implements Callable<Integer> {

    private static final Pattern LINE = Pattern.compile("^(\\s*evento\\.bundle\\.version\\s*[=:]\\s*)(\\S*)\\s*$");

    @Option(names = "--file", defaultValue = "src/main/resources/META-INF/microprofile-config.properties",
            description = "the bundle's configuration (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--to", description = "the new version (default: the current one plus one); never lower")
    Long to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw invalid("no such file: " + file);
        }
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = LINE.matcher(lines.get(i));
            if (matcher.matches()) {
                long current;
                try {
                    current = Long.parseLong(matcher.group(2));
                } catch (NumberFormatException e) {
                    throw invalid(file + ": evento.bundle.version is not a number: '" + matcher.group(2) + "'");
                }
                long next = to == null ? current + 1 : to;
                if (next <= current) {
                    throw invalid("the new version " + next + " is not above the current " + current);
                }
                lines.set(i, matcher.group(1) + next);
                Files.write(file, lines, StandardCharsets.ISO_8859_1);
                spec.commandLine().getOut().println("evento.bundle.version " + current + " -> " + next + " in " + file);
                return 0;
            }
        }
        long next = to == null ? 2 : to;
        lines.add("evento.bundle.version=" + next);
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
        spec.commandLine().getOut().println("evento.bundle.version (1) -> " + next + " in " + file);
        return 0;
    }

    private static EventoException invalid(String message) {
        return new EventoException(ErrorCode.INVALID_REQUEST, message);
    }
}
