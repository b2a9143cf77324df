package io.evento.server.catalog;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

import java.util.Locale;

/** What a catalog description is about. */
public enum SubjectKind {
    PAYLOAD,
    COMPONENT,
    BUNDLE;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubjectKind parse(String text) {
        for (SubjectKind kind : values()) {
            if (kind.column().equals(text)) {
                return kind;
            }
        }
        throw new EventoException(ErrorCode.INVALID_REQUEST, "no catalog of '" + text + "' (payload, component or bundle)");
    }
}
