package io.evento.examples.todo.messages;

/** The text rules of the domain. */
public final class Texts {

    private Texts() {
    }

    /** The trimmed text; fails when blank, longer than {@code max} or holding control characters. */
    public static String require(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be empty");
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new IllegalArgumentException("the " + what + " is longer than " + max + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the " + what + " contains control characters");
        }
        return trimmed;
    }
}
