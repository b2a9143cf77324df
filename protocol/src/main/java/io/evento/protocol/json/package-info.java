/** JSON values carried opaquely by the protocol. */
package io.evento.protocol.json;
