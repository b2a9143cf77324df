/** What {@code evento publish} uploads to a server: a bundle's description and its runnable artifact. */
package io.evento.protocol.publish;
