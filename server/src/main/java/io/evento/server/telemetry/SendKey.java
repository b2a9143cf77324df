package io.evento.server.telemetry;

/**
 * Who sent a payload type: a component of a bundle, inside the handler of a payload type or not.
 *
 * @param bundleId    the sending bundle
 * @param component   the sending component ("" when the bundle did not say)
 * @param handler     the payload type whose handler sent it ("" outside a handler, as in an invoker)
 * @param payloadType what it sent
 */
public record SendKey(String bundleId, String component, String handler, String payloadType) {

    /** From the {@code sender} of a send frame: {@code Component} or {@code Component#HandledPayloadType}. */
    public static SendKey of(String bundleId, String sender, String payloadType) {
        String text = sender == null ? "" : sender;
        int hash = text.indexOf('#');
        return hash < 0 ? new SendKey(bundleId, text, "", payloadType)
                : new SendKey(bundleId, text.substring(0, hash), text.substring(hash + 1), payloadType);
    }
}
