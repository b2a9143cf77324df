package io.evento.server.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.json.RawJson;

/**
 * The one codec of {@link ClusterMessage}s: JSON text, the request or answer frame inside as a
 * JSON object (never frame text inside a string), payloads verbatim as everywhere.
 */
final class ClusterCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    String encode(ClusterMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new EventoException(ErrorCode.INTERNAL, "cannot encode " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    ClusterMessage decode(String text) {
        RawJson.SOURCE.set(text);
        try {
            return mapper.readValue(text, ClusterMessage.class);
        } catch (JsonProcessingException e) {
            throw new EventoException(ErrorCode.MALFORMED_FRAME, "unreadable cluster message: " + e.getOriginalMessage(), e);
        } finally {
            RawJson.SOURCE.remove();
        }
    }
}
