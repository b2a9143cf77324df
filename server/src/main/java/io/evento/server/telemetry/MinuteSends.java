package io.evento.server.telemetry;

/**
 * Messages sent in one minute on one server instance.
 *
 * @param minute   the minute (epoch minutes)
 * @param sender   who sent what
 * @param messages how many
 */
public record MinuteSends(long minute, SendKey sender, long messages) {
}
