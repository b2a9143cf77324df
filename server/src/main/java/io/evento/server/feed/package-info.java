/**
 * The event feed to consumers: pages of the global stream for {@code fetch-events}, the cached
 * head, and wake-ups pushed to connected consumers when any instance stores events.
 */
package io.evento.server.feed;
