package io.evento.bundle.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;
import io.evento.bundle.api.Query;
import io.evento.bundle.api.ServiceCommand;
import io.evento.bundle.api.ServiceEvent;
import io.evento.bundle.api.View;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.MessageKind;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Payload classes by type name (the simple class name), and their JSON form. Classes met at run
 * time (sent through a gateway) join the ones the handlers declare.
 */
public final class PayloadTypes {

    private final Map<String, Class<?>> byName = new ConcurrentHashMap<>();
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndAddModules()
            .build();

    /** Registers a class; two classes with one simple name are an error (routing uses the name). */
    public void register(Class<?> type) {
        Class<?> previous = byName.putIfAbsent(nameOf(type), type);
        if (previous != null && previous != type) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "two payload classes are named " + nameOf(type) + ": "
                    + previous.getName() + " and " + type.getName());
        }
    }

    public Class<?> classOf(String typeName) {
        return byName.get(typeName);
    }

    public Collection<Class<?>> all() {
        return List.copyOf(byName.values());
    }

    public static String nameOf(Class<?> type) {
        return type.getSimpleName();
    }

    public ObjectMapper json() {
        return json;
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new EventoException(ErrorCode.INVALID_JSON, "cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new EventoException(ErrorCode.INVALID_JSON, "cannot read " + type.getSimpleName() + " from JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    public <T> List<T> listFromJson(String text, Class<T> element) {
        try {
            JavaType type = json.getTypeFactory().constructCollectionType(List.class, element);
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new EventoException(ErrorCode.INVALID_JSON, "cannot read a list of " + element.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The kind of a payload class, or null when it is none of the known kinds. */
    public static MessageKind kindOf(Class<?> type) {
        if (DomainCommand.class.isAssignableFrom(type)) {
            return MessageKind.DOMAIN_COMMAND;
        } else if (ServiceCommand.class.isAssignableFrom(type)) {
            return MessageKind.SERVICE_COMMAND;
        } else if (DomainEvent.class.isAssignableFrom(type)) {
            return MessageKind.DOMAIN_EVENT;
        } else if (ServiceEvent.class.isAssignableFrom(type)) {
            return MessageKind.SERVICE_EVENT;
        } else if (Query.class.isAssignableFrom(type)) {
            return MessageKind.QUERY;
        } else if (View.class.isAssignableFrom(type)) {
            return MessageKind.VIEW;
        }
        return null;
    }

    /** A JSON schema of a record's components (types mapped to JSON types), for the catalog. */
    public String schemaOf(Class<?> type) {
        StringBuilder schema = new StringBuilder("{\"type\":\"object\",\"title\":\"").append(nameOf(type)).append("\",\"properties\":{");
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (i > 0) {
                    schema.append(',');
                }
                schema.append('"').append(components[i].getName()).append("\":{\"type\":\"").append(jsonType(components[i].getType())).append("\"}");
            }
        }
        return schema.append("}}").toString();
    }

    private static String jsonType(Class<?> type) {
        if (type == String.class || type.isEnum() || java.time.temporal.Temporal.class.isAssignableFrom(type) || type == java.util.UUID.class) {
            return "string";
        } else if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        } else if (type == int.class || type == long.class || type == short.class || type == Integer.class || type == Long.class) {
            return "integer";
        } else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }
}
