package io.evento.server.admin.rest;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

/**
 * Which page a list request wants ({@code ?page=&size=}): page from 0, size 1 to {@value #MAX_SIZE},
 * default {@value #DEFAULT_SIZE}. Anything else is {@code INVALID_REQUEST} (400).
 *
 * @param page the page, from 0
 * @param size items per page
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static PageRequest of(String page, String size) {
        int p = number(page, "page", 0);
        int s = number(size, "size", DEFAULT_SIZE);
        if (p < 0 || p > 1_000_000) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "page must be between 0 and 1000000, got " + p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "size must be between 1 and " + MAX_SIZE + ", got " + s);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }

    /** A query parameter that must be a whole number when present. */
    public static int number(String value, String name, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, name + " must be a whole number, got '" + abbreviate(value) + "'");
        }
    }

    /** Request text quoted in an error, cut short. */
    public static String abbreviate(String value) {
        return abbreviate(value, 40);
    }

    /** Text cut to at most {@code max} characters, marked when cut. */
    public static String abbreviate(String value, int max) {
        return value.length() > max ? value.substring(0, max - 3) + "..." : value;
    }
}
