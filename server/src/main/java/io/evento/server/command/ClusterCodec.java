package io.evento.server.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.json.RawJson;

import java.util.List;

/**
 * The one codec of {@link ClusterMessage}s: a JSON array of messages (those sent to one member
 * together), the request or answer frame inside each as a JSON object (never frame text inside a
 * string), payloads verbatim as everywhere.
 */
final class ClusterCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final com.fasterxml.jackson.core.type.TypeReference<List<ClusterMessage>> LIST = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    String encode(List<ClusterMessage> messages) {
        try {
            return mapper.writerFor(LIST).writeValueAsString(messages);
        } catch (JsonProcessingException e) {
            throw new EventoException(ErrorCode.INTERNAL, "cannot encode cluster messages: " + e.getOriginalMessage(), e);
        }
    }

    List<ClusterMessage> decode(String text) {
        RawJson.SOURCE.set(text);
        try {
            return mapper.readValue(text, LIST);
        } catch (JsonProcessingException e) {
            throw new EventoException(ErrorCode.MALFORMED_FRAME, "unreadable cluster message: " + e.getOriginalMessage(), e);
        } finally {
            RawJson.SOURCE.remove();
        }
    }
}
