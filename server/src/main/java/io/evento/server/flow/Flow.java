package io.evento.server.flow;

import io.evento.protocol.frame.MessageKind;

import java.util.List;

/**
 * The path one command or query entering the system takes through handlers, evaluated.
 *
 * @param root       the entering payload type
 * @param kind       its kind
 * @param senders    who sends it ({@code bundle/component}; invokers, or none known)
 * @param rootRate   root invocations per second measured in the window
 * @param steps      the handlers of the root and what follows them
 * @param throughput the root invocations per second the flow can sustain (the smallest capacity), or null when nothing is measured
 * @param bottleneck the id of the step with the smallest capacity, or null
 */
public record Flow(String root, MessageKind kind, List<String> senders, double rootRate, List<FlowStep> steps, Double throughput,
                   String bottleneck) {
}
