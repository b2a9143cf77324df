package io.evento.server.publishing;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the server may run a published bundle version. An administrator sets it; nothing uploaded
 * sets it, and none of it is a command: the operator's deploy script decides how a bundle starts.
 *
 * @param deployable   the server may start instances of it
 * @param autorun      the server keeps at least {@code minInstances} running (implies deployable)
 * @param minInstances instances kept running when autorun (0 to {@code maxInstances})
 * @param maxInstances the most instances the server starts (1 to {@value #MAX_INSTANCES})
 * @param environment  extra environment variables of its instances
 * @param jvmOptions   extra JVM options of its instances (each starting with {@code -})
 */
public record RunSettings(boolean deployable, boolean autorun, int minInstances, int maxInstances, Map<String, String> environment,
                          List<String> jvmOptions) {

    public static final int MAX_INSTANCES = 64;
    /** What a new version starts with: not deployable, one instance at most. */
    public static final RunSettings NONE = new RunSettings(false, false, 0, 1, Map.of(), List.of());
    /** Set by the server's deploy script for every instance; a bundle's settings cannot replace them. */
    static final Set<String> RESERVED = Set.of("EVENTO_SERVERS", "EVENTO_TOKEN", "EVENTO_BUNDLE_INSTANCE_ID", "PATH");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public RunSettings {
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
        if (maxInstances < 1 || maxInstances > MAX_INSTANCES) {
            throw invalid("maxInstances must be 1 to " + MAX_INSTANCES + ", got " + maxInstances);
        }
        if (minInstances < 0 || minInstances > maxInstances) {
            throw invalid("minInstances must be 0 to maxInstances (" + maxInstances + "), got " + minInstances);
        }
        if (autorun && !deployable) {
            throw invalid("an autorun bundle must be deployable");
        }
        if (environment.size() > 100 || jvmOptions.size() > 50) {
            throw invalid("at most 100 environment variables and 50 JVM options");
        }
        environment.forEach((name, value) -> {
            if (!VARIABLE.matcher(name).matches()) {
                throw invalid("environment variable name '" + name + "' is not [A-Za-z_][A-Za-z0-9_]*");
            }
            if (RESERVED.contains(name)) {
                throw invalid("environment variable " + name + " is set by the server's deploy script");
            }
            text(value, "environment variable " + name);
        });
        for (String option : jvmOptions) {
            text(option, "JVM option");
            if (!option.startsWith("-")) {
                throw invalid("JVM option '" + option + "' does not start with '-'");
            }
        }
    }

    private static void text(String value, String what) {
        if (value == null || value.length() > 4096) {
            throw invalid(what + " must be at most 4096 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw invalid(what + " contains a control character at index " + i);
            }
        }
    }

    private static EventoException invalid(String message) {
        return new EventoException(ErrorCode.INVALID_REQUEST, message);
    }
}
