package io.evento.tracing.opentelemetry;

import io.evento.bundle.api.Metadata;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;

import java.util.HashMap;
import java.util.Map;

/** A message's metadata as the carrier of a trace context ({@code traceparent}, {@code tracestate}, ...). */
final class MetadataCarrier {

    static final TextMapGetter<Metadata> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Metadata carrier) {
            return carrier.values().keySet();
        }

        @Override
        public String get(Metadata carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    static final TextMapSetter<Map<String, String>> SETTER = (carrier, key, value) -> {
        if (carrier != null) {
            carrier.put(key, value);
        }
    };

    private MetadataCarrier() {
    }

    static Map<String, String> copy(Metadata metadata) {
        return new HashMap<>(metadata.values());
    }
}
