/** Starting the two bundles of the tutorial: settings, database, MQTT, and the command-line entry points. */
package io.evento.examples.todo.app;
