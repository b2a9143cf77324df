package io.evento.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Objects;

/**
 * A JSON value carried as text: payloads, metadata, views, snapshots. The codec copies it token by
 * token without building an object model, and writes it back verbatim; the server never interprets it.
 *
 * @param json the JSON text of one value
 */
@JsonSerialize(using = RawJson.Writer.class)
@JsonDeserialize(using = RawJson.Reader.class)
public record RawJson(String json) {

    public static final RawJson EMPTY_OBJECT = new RawJson("{}");
    public static final RawJson NULL = new RawJson("null");

    public RawJson {
        Objects.requireNonNull(json, "json");
    }

    public static RawJson of(String json) {
        return new RawJson(json);
    }

    @Override
    public String toString() {
        return json;
    }

    /** Writes the text as it is. */
    static final class Writer extends StdSerializer<RawJson> {
        Writer() {
            super(RawJson.class);
        }

        @Override
        public void serialize(RawJson value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeRawValue(value.json());
        }
    }

    /**
     * The text being decoded, set by the codec around a read, so that a value can be cut out of
     * it exactly as sent (numbers keep every digit, strings their escapes).
     */
    public static final ThreadLocal<String> SOURCE = new ThreadLocal<>();

    /** Cuts the current value out of the source text, or copies its tokens (exact numbers) when there is none. */
    static final class Reader extends StdDeserializer<RawJson> {
        Reader() {
            super(RawJson.class);
        }

        @Override
        public RawJson deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String source = SOURCE.get();
            long start = parser.currentTokenLocation().getCharOffset();
            if (source != null && start >= 0) {
                if (parser.currentToken() == JsonToken.VALUE_STRING) {
                    parser.getText();
                }
                parser.skipChildren();
                long end = parser.currentLocation().getCharOffset();
                if (end > start && end <= source.length()) {
                    return new RawJson(source.substring((int) start, (int) end));
                }
            }
            StringWriter text = new StringWriter();
            try (JsonGenerator copy = parser.getCodec().getFactory().createGenerator(text)) {
                copyExactly(parser, copy);
            }
            return new RawJson(text.toString());
        }

        private static void copyExactly(JsonParser parser, JsonGenerator copy) throws IOException {
            int depth = 0;
            do {
                JsonToken token = parser.currentToken();
                switch (token) {
                    case START_OBJECT -> { copy.writeStartObject(); depth++; }
                    case END_OBJECT -> { copy.writeEndObject(); depth--; }
                    case START_ARRAY -> { copy.writeStartArray(); depth++; }
                    case END_ARRAY -> { copy.writeEndArray(); depth--; }
                    case FIELD_NAME -> copy.writeFieldName(parser.currentName());
                    case VALUE_STRING -> copy.writeString(parser.getText());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> copy.writeNumber(parser.getText());
                    case VALUE_TRUE -> copy.writeBoolean(true);
                    case VALUE_FALSE -> copy.writeBoolean(false);
                    case VALUE_NULL -> copy.writeNull();
                    default -> throw new IOException("unexpected token " + token);
                }
            } while (depth > 0 && parser.nextToken() != null);
        }

        @Override
        public RawJson getNullValue(DeserializationContext context) {
            return null;
        }
    }
}
