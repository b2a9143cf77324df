package io.evento.server.catalog;

import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.HandlerInfo;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.PayloadInfo;
import io.evento.server.catalog.CatalogEntries.Bundle;
import io.evento.server.catalog.CatalogEntries.Component;
import io.evento.server.catalog.CatalogEntries.ComponentRef;
import io.evento.server.catalog.CatalogEntries.Handler;
import io.evento.server.catalog.CatalogEntries.Instance;
import io.evento.server.catalog.CatalogEntries.Payload;
import io.evento.server.routing.ConnectionRoutes;
import io.evento.server.telemetry.SendKey;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The three catalogs, built from the latest registration of each bundle, the connections now,
 * who was seen sending what, and the administrators' descriptions.
 *
 * @param bundles    by bundle id
 * @param components by bundle and name
 * @param payloads   by name
 */
public record CatalogView(List<Bundle> bundles, List<Component> components, List<Payload> payloads) {

    /**
     * @param registrations every registration (all versions)
     * @param descriptions  administrators' descriptions
     * @param connections   the bundle connections now
     * @param servers       server instance id by cluster member id
     * @param sends         who sent what
     */
    public static CatalogView build(List<Registration> registrations, Map<SubjectKind, Map<String, String>> descriptions,
                                    List<ConnectionRoutes> connections, Map<String, String> servers, Map<SendKey, Long> sends) {
        Map<String, List<Registration>> byBundle = registrations.stream()
                .collect(Collectors.groupingBy(Registration::bundleId, TreeMap::new, Collectors.toList()));
        List<Registration> latest = byBundle.values().stream()
                .map(versions -> versions.stream().max(Comparator.comparingLong(Registration::bundleVersion)).orElseThrow()).toList();
        Map<String, List<Instance>> instances = new TreeMap<>();
        for (ConnectionRoutes c : connections) {
            instances.computeIfAbsent(c.bundleId(), k -> new ArrayList<>())
                    .add(new Instance(c.instanceId(), c.bundleVersion(), servers.getOrDefault(c.memberId(), c.memberId()), c.memberId(), c.enabled()));
        }
        Map<String, String> bundleText = descriptions.getOrDefault(SubjectKind.BUNDLE, Map.of());
        Map<String, String> componentText = descriptions.getOrDefault(SubjectKind.COMPONENT, Map.of());
        Map<String, String> payloadText = descriptions.getOrDefault(SubjectKind.PAYLOAD, Map.of());

        List<Bundle> bundles = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        Map<String, PayloadInfo> payloadInfos = new TreeMap<>();
        Map<String, Set<ComponentRef>> handledBy = new LinkedHashMap<>();
        Map<String, Set<ComponentRef>> sentBy = new LinkedHashMap<>();
        for (Registration registration : latest) {
            String bundleId = registration.bundleId();
            List<Instance> connected = instances.getOrDefault(bundleId, List.of());
            bundles.add(new Bundle(bundleId, registration.bundleVersion(),
                    byBundle.get(bundleId).stream().map(Registration::bundleVersion).toList(), bundleText.get(bundleId),
                    registration.components().size(), connected, registration.registeredAt()));
            for (PayloadInfo payload : registration.payloads()) {
                payloadInfos.merge(payload.name(), payload, (a, b) -> a.schema() != null ? a : b);
            }
            for (ComponentInfo component : registration.components()) {
                ComponentRef ref = new ComponentRef(bundleId, component.name(), component.kind());
                List<Handler> handlers = new ArrayList<>();
                for (HandlerInfo handler : component.handlers()) {
                    handlers.add(new Handler(handler.payload(), handler.kind(), handler.returns(), handler.returnsMany(), handler.association(),
                            handler.contexts()));
                    handledBy.computeIfAbsent(handler.payload(), k -> new LinkedHashSet<>()).add(ref);
                    if (handler.returns() != null) {
                        sentBy.computeIfAbsent(handler.returns(), k -> new LinkedHashSet<>()).add(ref);
                    }
                    // what a published description says a handler sends, before any traffic shows it
                    handler.sends().forEach(sentType -> sentBy.computeIfAbsent(sentType, k -> new LinkedHashSet<>()).add(ref));
                }
                List<String> sent = java.util.stream.Stream.concat(sends.keySet().stream()
                                .filter(s -> s.bundleId().equals(bundleId) && s.component().equals(component.name()))
                                .map(SendKey::payloadType), component.handlers().stream().flatMap(h -> h.sends().stream()))
                        .distinct().sorted().toList();
                components.add(new Component(bundleId, component.name(), component.kind(), component.version(),
                        componentText.getOrDefault(bundleId + "/" + component.name(), component.description()), handlers, sent,
                        (int) connected.stream().filter(Instance::enabled).count()));
            }
        }
        Map<String, ComponentKind> kinds = components.stream()
                .collect(Collectors.toMap(c -> c.bundleId() + "/" + c.name(), Component::kind, (a, b) -> a));
        for (SendKey send : sends.keySet()) {
            sentBy.computeIfAbsent(send.payloadType(), k -> new LinkedHashSet<>())
                    .add(new ComponentRef(send.bundleId(), send.component(), kinds.get(send.bundleId() + "/" + send.component())));
        }
        Set<String> names = new java.util.TreeSet<>(payloadInfos.keySet());
        names.addAll(handledBy.keySet());
        names.addAll(sentBy.keySet());
        List<HandlerInfo> allHandlers = registrations.stream().flatMap(r -> r.components().stream())
                .flatMap(c -> c.handlers().stream()).toList();
        List<Payload> payloads = new ArrayList<>();
        for (String name : names) {
            PayloadInfo info = payloadInfos.get(name);
            payloads.add(new Payload(name, info != null ? info.kind() : kindFromHandlers(name, allHandlers),
                    info == null ? null : info.domain(),
                    payloadText.getOrDefault(name, info == null ? null : info.description()),
                    info == null || info.schema() == null ? null : parse(info.schema().json()),
                    List.copyOf(handledBy.getOrDefault(name, Set.of())), List.copyOf(sentBy.getOrDefault(name, Set.of()))));
        }
        return new CatalogView(bundles, components, payloads);
    }

    /** The kind of a payload nobody described: from a handler that takes it, else from what returns it. */
    private static MessageKind kindFromHandlers(String name, List<HandlerInfo> handlers) {
        return handlers.stream().filter(h -> h.payload().equals(name)).map(HandlerInfo::kind).findFirst()
                .or(() -> handlers.stream().filter(h -> name.equals(h.returns())).map(h -> returnedKind(h.kind())).findFirst())
                .orElse(null);
    }

    private static MessageKind returnedKind(MessageKind handled) {
        return switch (handled) {
            case DOMAIN_COMMAND -> MessageKind.DOMAIN_EVENT;
            case SERVICE_COMMAND -> MessageKind.SERVICE_EVENT;
            case QUERY -> MessageKind.VIEW;
            default -> null;
        };
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            return null;
        }
    }

    /** The components by bundle and name. */
    public Map<String, Component> componentsByKey() {
        return components.stream().collect(Collectors.toMap(c -> c.bundleId() + "/" + c.name(), Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }
}
