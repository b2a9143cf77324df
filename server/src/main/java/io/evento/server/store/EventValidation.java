package io.evento.server.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.FrameCodec;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks appends before anything is written, so that bad input gets a clear error naming the field
 * and never reaches (or half-reaches) the database. JSON is only checked for well-formedness with a
 * streaming tokenizer: the store never interprets payloads.
 */
public final class EventValidation {

    private static final JsonFactory JSON = new JsonFactory();
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_AGGREGATE_ID_LENGTH = 255;
    static final int MAX_TYPE_LENGTH = 255;
    static final int MAX_CONTEXT_LENGTH = 128;

    private final EventStoreSettings settings;

    public EventValidation(EventStoreSettings settings) {
        this.settings = settings;
    }

    /** Validates requests of one atomic append. */
    public void check(List<AppendRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            throw invalid("an append needs at least one request");
        }
        Set<String> eventIds = new HashSet<>();
        Set<String> aggregates = new HashSet<>();
        for (AppendRequest request : requests) {
            check(request);
            if (request.isAggregate() && !aggregates.add(request.aggregateId())) {
                throw invalid("aggregate '" + request.aggregateId() + "' appears twice in one append; send its events in one request");
            }
            for (NewEvent event : request.events()) {
                if (!eventIds.add(event.eventId())) {
                    throw invalid("event id '" + event.eventId() + "' appears twice in one append");
                }
            }
        }
    }

    private void check(AppendRequest request) {
        if (request == null) {
            throw invalid("null append request");
        }
        if (request.events() == null || request.events().isEmpty()) {
            throw invalid("an append request needs at least one event");
        }
        if (request.events().size() > settings.maxEventsPerAppend()) {
            throw invalid("an append request holds at most " + settings.maxEventsPerAppend() + " events, got " + request.events().size());
        }
        if (request.isAggregate()) {
            text(request.aggregateId(), "aggregateId", MAX_AGGREGATE_ID_LENGTH);
            if (request.expectedSequence() < 0) {
                throw invalid("expectedSequence must be 0 (new aggregate) or more, got " + request.expectedSequence());
            }
            request.snapshot().ifPresent(snapshot -> json(snapshot.state(), "snapshot state", settings.maxSnapshotBytes()));
        } else if (request.snapshot().isPresent() || request.deleteAggregate()) {
            throw invalid("service events have no aggregate to snapshot or delete");
        }
        for (NewEvent event : request.events()) {
            check(event);
        }
    }

    /** Validates one event. */
    public void check(NewEvent event) {
        if (event == null) {
            throw invalid("null event");
        }
        text(event.eventId(), "eventId", MAX_ID_LENGTH);
        text(event.eventType(), "eventType", MAX_TYPE_LENGTH);
        text(event.context(), "context", MAX_CONTEXT_LENGTH);
        json(event.payload(), "payload of event " + event.eventId(), settings.maxPayloadBytes());
        String metadata = event.metadata() == null ? "{}" : event.metadata();
        if (!metadata.stripLeading().startsWith("{")) {
            throw new EventoException(ErrorCode.INVALID_JSON, "metadata of event " + event.eventId() + " must be a JSON object");
        }
        json(metadata, "metadata of event " + event.eventId(), settings.maxMetadataBytes());
    }

    /** A non-blank identifier of at most {@code max} characters without control characters. */
    public static void text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " must not be empty");
        }
        if (value.length() > max) {
            throw invalid(field + " is longer than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw invalid(field + " contains a control character at index " + i);
            }
        }
    }

    /** Well-formed JSON (exactly one value) of at most {@code maxBytes} UTF-8 bytes. */
    public static void json(String text, String field, int maxBytes) {
        if (text == null) {
            throw new EventoException(ErrorCode.INVALID_JSON, field + " is missing");
        }
        long bytes = FrameCodec.utf8Length(text);
        if (bytes > maxBytes) {
            throw new EventoException(ErrorCode.PAYLOAD_TOO_LARGE, field + " has " + bytes + " bytes, the limit is " + maxBytes);
        }
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new EventoException(ErrorCode.INVALID_JSON, field + " is empty");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new EventoException(ErrorCode.INVALID_JSON, field + " has content after the JSON value");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new EventoException(ErrorCode.INVALID_JSON, field + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EventoException(ErrorCode.INVALID_JSON, field + " is not valid JSON: " + e.getMessage());
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new EventoException(ErrorCode.INVALID_JSON, field + " contains a NUL character");
        }
    }

    private static EventoException invalid(String message) {
        return new EventoException(ErrorCode.INVALID_REQUEST, message);
    }
}
