/**
 * The component model: components found by scanning, their handlers, the checks that reject
 * invalid declarations at start-up, and the JSON form of payloads. The runtime and the test
 * fixtures both build on it.
 */
package io.evento.bundle.model;
