/** The consumer state store in memory. */
package io.evento.bundle.state.memory;
