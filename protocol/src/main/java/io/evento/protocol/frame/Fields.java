package io.evento.protocol.frame;

import java.util.List;

/** Checks of frame fields; a failed check makes the frame malformed, with the field named. */
final class Fields {

    private Fields() {
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > 255) {
            throw new IllegalArgumentException(field + " is longer than 255 characters");
        }
        return value;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    /** Optional JSON that, when given, must be an object (metadata). */
    static io.evento.protocol.json.RawJson object(io.evento.protocol.json.RawJson value, String field) {
        if (value != null) {
            String json = value.json().stripLeading();
            if (!json.startsWith("{") && !json.equals("null")) {
                throw new IllegalArgumentException(field + " must be a JSON object");
            }
        }
        return value;
    }

    /** Optional cursor {@code tx.position}: two non-negative integers. */
    static String cursor(String value, String field) {
        if (value == null || value.isBlank()) {
            return value;
        }
        int dot = value.indexOf('.');
        if (dot <= 0 || dot == value.length() - 1 || !digits(value, 0, dot) || !digits(value, dot + 1, value.length())
                || dot > 19 || value.length() - dot - 1 > 19) {
            throw new IllegalArgumentException(field + " must be a cursor tx.position of two non-negative integers");
        }
        return value;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static long positive(long value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive");
        }
        return value;
    }
}
