/**
 * Tracing and interception of handler executions: the agent that wraps each execution and carries
 * correlation from a handled message into the messages sent while handling it, and the
 * before/after/on-exception interceptors.
 */
package io.evento.bundle.tracing;
