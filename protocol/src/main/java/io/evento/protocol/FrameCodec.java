package io.evento.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.json.RawJson;

import java.io.IOException;
import java.util.Optional;

/**
 * The one JSON codec of the protocol: frames to text and back. Reading never trusts the input:
 * every problem becomes an {@link EventoException} with MALFORMED_FRAME, UNKNOWN_FRAME_TYPE or
 * PAYLOAD_TOO_LARGE and a message naming what was wrong. Thread-safe.
 */
public final class FrameCodec {

    /** Default largest frame: 2 MiB, room for a 1 MiB payload plus metadata and story. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 2 << 20;

    private final ObjectMapper mapper;
    private final int maxFrameBytes;

    public FrameCodec() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    public FrameCodec(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** The frame as JSON text. */
    public String encode(Frame frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new EventoException(ErrorCode.INTERNAL, "cannot encode " + frame.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads one frame. */
    public Frame decode(String text) {
        if (text == null || text.isBlank()) {
            throw new EventoException(ErrorCode.MALFORMED_FRAME, "empty frame");
        }
        if (utf8Length(text) > maxFrameBytes) {
            throw new EventoException(ErrorCode.PAYLOAD_TOO_LARGE, "the frame has more than " + maxFrameBytes + " bytes");
        }
        if (text.stripLeading().charAt(0) != '{') {
            throw new EventoException(ErrorCode.MALFORMED_FRAME, "a frame is a JSON object");
        }
        RawJson.SOURCE.set(text);
        try {
            return mapper.readValue(text, Frame.class);
        } catch (InvalidTypeIdException e) {
            String type = e.getTypeId();
            if (type == null) {
                throw new EventoException(ErrorCode.MALFORMED_FRAME, "the frame has no \"type\"");
            }
            throw new EventoException(ErrorCode.UNKNOWN_FRAME_TYPE, "unknown frame type '" + abbreviate(type) + "'");
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new EventoException(ErrorCode.MALFORMED_FRAME, "invalid " + typeName(e) + " frame: " + cause.getMessage());
        } catch (JsonProcessingException e) {
            throw new EventoException(ErrorCode.MALFORMED_FRAME, "unreadable frame: " + abbreviate(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new EventoException(ErrorCode.MALFORMED_FRAME, "unreadable frame: " + e.getMessage());
        } finally {
            RawJson.SOURCE.remove();
        }
    }

    /**
     * A frame read from a message, or why it could not be read (with its id when readable).
     *
     * @param frame the frame, or null
     * @param error the problem, or null
     * @param id            the unreadable frame's id, if it has one
     * @param correlationId the unreadable frame's correlationId, if it has one (an answer the reader
     *                      could not read: what it answers fails with the reason)
     */
    public record Decoded(Frame frame, EventoException error, String id, String correlationId) {

        public Decoded(Frame frame, EventoException error, String id) {
            this(frame, error, id, null);
        }
    }

    /**
     * Reads one WebSocket message: a frame object, or an array of frame objects (a batch sent
     * together). Each element is read on its own, so one bad frame does not spoil the others.
     */
    public java.util.List<Decoded> decodeMessage(String text) {
        if (text == null || text.isBlank() || text.stripLeading().charAt(0) != '[') {
            return java.util.List.of(decodeOne(text));
        }
        if (utf8Length(text) > (long) maxFrameBytes * 16) {
            return java.util.List.of(new Decoded(null, new EventoException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "the message has more than " + (long) maxFrameBytes * 16 + " bytes"), null));
        }
        java.util.List<Decoded> frames = new java.util.ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new IOException("the array is not closed");
                }
                long start = parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                long end = parser.currentLocation().getCharOffset();
                frames.add(decodeOne(text.substring((int) start, (int) end)));
            }
            if (parser.nextToken() != null) {
                throw new IOException("content after the array");
            }
        } catch (IOException e) {
            frames.add(new Decoded(null, new EventoException(ErrorCode.MALFORMED_FRAME, "unreadable batch: " + abbreviate(e.getMessage())), null));
        }
        return frames;
    }

    private Decoded decodeOne(String text) {
        try {
            return new Decoded(decode(text), null, null);
        } catch (EventoException e) {
            return new Decoded(null, e, idOf(text).orElse(null), field(text, "correlationId").orElse(null));
        }
    }

    /** Several encoded frames as one message (an array), or the frame itself when there is one. */
    public static String message(java.util.List<String> encodedFrames) {
        if (encodedFrames.size() == 1) {
            return encodedFrames.get(0);
        }
        return "[" + String.join(",", encodedFrames) + "]";
    }

    /** The {@code id} of a frame that could not be decoded, when it has a readable one. */
    public Optional<String> idOf(String text) {
        return field(text, "id");
    }

    /** A top-level text field (at most 255 characters) of a frame that could not be decoded. */
    private Optional<String> field(String text, String name) {
        if (text == null || text.length() > maxFrameBytes) {
            return Optional.empty();
        }
        try (JsonParser parser = mapper.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field) && value == JsonToken.VALUE_STRING) {
                    String id = parser.getText();
                    return id.isBlank() || id.length() > 255 ? Optional.empty() : Optional.of(id);
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String typeName(ValueInstantiationException e) {
        return e.getType() == null ? "" : e.getType().getRawClass().getSimpleName();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** The UTF-8 size of a text without encoding it (frame and payload limits are in bytes). */
    public static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
