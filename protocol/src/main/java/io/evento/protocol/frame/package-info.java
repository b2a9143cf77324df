/** Every frame of the protocol, as an immutable record; {@link io.evento.protocol.frame.Frame} lists them. */
package io.evento.protocol.frame;
