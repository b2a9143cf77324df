package io.evento.protocol.frame;

/**
 * The rules for event contexts. A context name (what an event carries) is checked like other ids
 * (non-blank, at most 128 characters, no control characters) and holds neither {@code *} nor
 * {@code :} (it ends a consumer id). What a consumer reads is a pattern: {@code *} every context,
 * {@code name*} every context starting with {@code name}, otherwise exactly {@code name}.
 */
public final class EventContexts {

    /** The context of an event that names none. */
    public static final String DEFAULT = "default";
    /** The pattern that matches every context. */
    public static final String ANY = "*";
    public static final int MAX_LENGTH = 128;

    private EventContexts() {
    }

    /** The name itself; an IllegalArgumentException saying what is wrong with it otherwise. */
    public static String requireName(String name, String field) {
        String problem = nameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
        return name;
    }

    /** The pattern itself; an IllegalArgumentException saying what is wrong with it otherwise. */
    public static String requirePattern(String pattern, String field) {
        String problem = patternProblem(pattern);
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
        return pattern;
    }

    /** What is wrong with a context name, or null when it is a valid one. */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "must not be empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains a control character at index " + i;
            }
            if (c == '*' || c == ':') {
                return "'" + name + "' contains '" + c + "' (a context name holds neither '*' nor ':')";
            }
        }
        return null;
    }

    /** What is wrong with a pattern ({@code *}, {@code prefix*} or a name), or null when it is a valid one. */
    public static String patternProblem(String pattern) {
        if (ANY.equals(pattern)) {
            return null;
        }
        String name = pattern != null && pattern.length() > 1 && pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
        String problem = nameProblem(name);
        return problem == null ? null : problem + " (a context pattern is '*', 'prefix*' or a context name)";
    }

    /** Whether a context matches a pattern. */
    public static boolean matches(String pattern, String context) {
        if (ANY.equals(pattern)) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return context.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(context);
    }
}
